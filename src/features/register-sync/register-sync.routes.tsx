import { Hono } from 'hono';
import { requirePlatformRole } from '../../core/auth/access.ts';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import { readSyncStatus } from './read-sync-status.ts';
import { runNowFormSchema } from './register-sync.schema.ts';
import { SyncStatusView } from './register-sync.views.tsx';
import { runSyncNow } from './run-sync-now.ts';

/** The administrators' status page of register sync, and its "run now" button (POST–redirect–GET). */
export function registerSyncRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/admin/registersynk', async (c) => {
    const status = await readSyncStatus(c.get('deps'), { user: c.get('user') });
    return renderPage(c, { title: (v) => v.t('registerSync.title'), wide: true, body: (v) => <SyncStatusView v={v} status={status} /> });
  });

  app.post('/admin/registersynk/kjor', async (c) => {
    const form = await parseForm(c, runNowFormSchema);
    if (!form.ok) {
      // Access is checked before validation, so someone who is not an administrator gets 403, not 422.
      requirePlatformRole(c.get('user'), 'administrator');
      throw new AppError('validation', 'error.validation.title');
    }
    const outcome = await runSyncNow(c.get('deps'), { user: c.get('user'), follower: form.data.follower });
    setFlash(
      c,
      outcome === 'queued'
        ? { key: 'registerSync.runNow.queued', kind: 'success' }
        : { key: 'registerSync.runNow.running', kind: 'warning' },
    );
    return redirectAfterPost(c, '/admin/registersynk');
  });

  return app;
}
