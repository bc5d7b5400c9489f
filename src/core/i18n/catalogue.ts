import { adminMessages } from '../../features/admin/admin.messages.ts';
import { authMessages } from '../../features/auth/auth.messages.ts';
import { buildingBlocksMessages } from '../../features/building-blocks/building-blocks.messages.ts';
import { calendarMessages } from '../../features/calendar/calendar.messages.ts';
import { demonstratorsMessages } from '../../features/demonstrators/demonstrators.messages.ts';
import { ecosystemMessages } from '../../features/ecosystem/ecosystem.messages.ts';
import { foundingMessages } from '../../features/founding/founding.messages.ts';
import { gainsMessages } from '../../features/gains/gains.messages.ts';
import { ideaMessages } from '../../features/idea/idea.messages.ts';
import { insightMessages } from '../../features/insight/insight.messages.ts';
import { lifeEventMapMessages } from '../../features/life-event-map/life-event-map.messages.ts';
import { mapProposalMessages } from '../../features/life-event-map/map-proposal.messages.ts';
import { marketplaceMessages } from '../../features/marketplace/marketplace.messages.ts';
import { needsMessages } from '../../features/needs/needs.messages.ts';
import { organisationProfileMessages } from '../../features/organisation-profile/organisation-profile.messages.ts';
import { organisationsMessages } from '../../features/organisations/organisations.messages.ts';
import { pagesMessages } from '../../features/pages/pages.messages.ts';
import { planMessages } from '../../features/plan/plan.messages.ts';
import { portfolioMessages } from '../../features/portfolio/portfolio.messages.ts';
import { registerSearchMessages } from '../../features/register-search/register-search.messages.ts';
import { registerSyncMessages } from '../../features/register-sync/register-sync.messages.ts';
import { registrationMessages } from '../../features/registration/registration.messages.ts';
import { roadmapMessages } from '../../features/roadmap/roadmap.messages.ts';
import { statutesMessages } from '../../features/statutes/statutes.messages.ts';
import { prefillMessages } from '../prefill/prefill.messages.ts';
import { coreMessages } from './core.messages.ts';
import { interpolate, type Lang, type MessageSet, type Params } from './i18n.ts';

/** Every feature's catalogue; add a feature's messages here. */
export const MESSAGE_SETS = {
  core: coreMessages,
  pages: pagesMessages,
  auth: authMessages,
  organisations: organisationsMessages,
  admin: adminMessages,
  registerSearch: registerSearchMessages,
  organisationProfile: organisationProfileMessages,
  registerSync: registerSyncMessages,
  insight: insightMessages,
  prefill: prefillMessages,
  calendar: calendarMessages,
  founding: foundingMessages,
  statutes: statutesMessages,
  lifeEventMap: lifeEventMapMessages,
  mapProposal: mapProposalMessages,
  idea: ideaMessages,
  plan: planMessages,
  registration: registrationMessages,
  needs: needsMessages,
  roadmap: roadmapMessages,
  gains: gainsMessages,
  buildingBlocks: buildingBlocksMessages,
  ecosystem: ecosystemMessages,
  portfolio: portfolioMessages,
  demonstrators: demonstratorsMessages,
  marketplace: marketplaceMessages,
} as const;

type KeysOf<S> = S extends MessageSet<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof MESSAGE_SETS)[keyof typeof MESSAGE_SETS]>;

function merge(lang: Lang): Partial<Record<MessageKey, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const set of Object.values(MESSAGE_SETS)) Object.assign(out, (set as MessageSet<string>)[lang]);
  return out;
}

const merged: Record<Lang, Partial<Record<MessageKey, string>>> = { nb: merge('nb'), nn: merge('nn'), en: merge('en') };

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  const own = merged[lang];
  const fallback = merged.nb;
  return (key, params) => interpolate(own[key] ?? fallback[key] ?? key, params);
}

/** Non-typed lookup for keys built at run time (e.g. `role.${role}`); falls back to the key itself. */
export function hasMessage(key: string): key is MessageKey {
  return key in merged.nb;
}

export function catalogueFor(lang: Lang): Partial<Record<MessageKey, string>> {
  return merged[lang];
}
