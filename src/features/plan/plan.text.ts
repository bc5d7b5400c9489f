import { hasMessage, type MessageKey, type Translate } from '../../core/i18n/catalogue.ts';
import type { Why } from './plan.rules.ts';
import { formatDateNo } from './plan.schema.ts';

/**
 * A rule's message in the reader's language, for the page and the API alike. Parameters named "…Key" are
 * message keys (month names, majorities); "date" is an ISO date shown as dd.mm.åååå.
 */
export function renderWhy(t: Translate, why: Why): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(why.params ?? {})) {
    if (name.endsWith('Key') && typeof value === 'string' && hasMessage(value)) params[name] = t(value);
    else if (name === 'date' && typeof value === 'string') params[name] = formatDateNo(value);
    else params[name] = value;
  }
  return t(why.key as MessageKey, params);
}
