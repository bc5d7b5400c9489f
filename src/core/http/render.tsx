import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from '../layout.tsx';
import type { AppEnv } from './context.ts';
import { takeFlash } from './flash.ts';
import { type ViewContext, viewContext } from './view-context.ts';

/** Renders a full page in the layout. `body` gets the view context so views stay plain functions. */
export function renderPage(
  c: Context<AppEnv>,
  opts: { title: string | ((v: ViewContext) => string); body: (v: ViewContext) => Child; status?: ContentfulStatusCode; wide?: boolean },
) {
  const v = viewContext(c);
  const title = typeof opts.title === 'function' ? opts.title(v) : opts.title;
  const flash = c.req.method === 'GET' ? takeFlash(c) : null;
  return c.html(
    <Layout v={v} title={title} wide={opts.wide}>
      {flash ? (
        <div class="ds-alert flash" data-color={flash.kind} role="status">
          <p class="ds-paragraph">{v.t(flash.key, flash.params)}</p>
        </div>
      ) : null}
      {opts.body(v)}
    </Layout>,
    opts.status ?? 200,
  );
}

/** POST–redirect–GET: 303 so the browser follows with GET. */
export function redirectAfterPost(c: Context<AppEnv>, location: string) {
  return c.redirect(location, 303);
}

/** Only same-site relative paths are accepted as return addresses (no open redirects). */
export function safeReturnPath(value: string | undefined | null, fallback = '/'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // Browsers drop tabs and newlines inside a URL, so "/\t/evil.example" would be followed as
  // "//evil.example" (another site): any control character makes the value unacceptable.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}
