/**
 * Message catalogues. Every feature declares its UI text with `defineMessages` in its own
 * `<feature>.messages.ts` (bokmål is the source; nynorsk must be complete; English is welcome and falls
 * back to bokmål). `catalogue.ts` merges them; a test fails when a key is missing in nb or nn.
 */
export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'nb';

export interface MessageSet<K extends string> {
  nb: Record<K, string>;
  nn: Record<K, string>;
  en: Partial<Record<K, string>>;
}

export function defineMessages<const T extends Record<string, string>>(m: {
  nb: T;
  nn: Record<keyof T & string, string>;
  en: Partial<Record<keyof T & string, string>>;
}): MessageSet<keyof T & string> {
  return m;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export type Params = Record<string, string | number>;

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks a language from Accept-Language; nynorsk and bokmål both answer "no". */
export function langFromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const tags = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('nn')) return 'nn';
    if (tag.startsWith('nb') || tag === 'no' || tag.startsWith('no-')) return 'nb';
    if (tag.startsWith('en')) return 'en';
  }
  return undefined;
}
