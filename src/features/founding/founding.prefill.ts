import { translator } from '../../core/i18n/catalogue.ts';
import type { Prefilled } from '../../core/prefill/provenance.ts';
import type { StatutesAnswers } from '../statutes/statutes.answers.ts';
import {
  type AgendaItem,
  type AgendaKey,
  type BoardEntry,
  type BoardRole,
  type FoundingData,
  type PageSlug,
  type ProtocolLanguage,
  STANDARD_AGENDA,
} from './founding.data.ts';
import { formatDateInput } from './founding.rules.ts';
import { AGENDA_SPARE_ROWS, type FormInput, MAX_BOARD_ROWS } from './founding.schema.ts';

/**
 * What each question page shows before the person has answered it: values the platform already knows
 * (prefilled, with their source, and counted by recordFormProvenance when the page is saved) and the
 * standard agenda and suggested decisions (a template, not knowledge about the organisation, so not counted).
 */

export interface KnownFacts {
  statutes: { version: number; answers: StatutesAnswers } | null;
  workspacePurpose: string | null;
  members: { userId: string; name: string; role: string; birthDate: string | null }[];
}

/** Workspace roles that suggest a board role: the workspace's leader, treasurer and board members. */
const BOARD_ROLE_FROM_WORKSPACE: Record<string, BoardRole | undefined> = {
  leader: 'leader',
  treasurer: 'treasurer',
  board_member: 'board_member',
};
const BOARD_ORDER: Record<BoardRole, number> = { leader: 0, treasurer: 1, board_member: 1, deputy: 2 };

/** The platform's known values for a page's fields, by field name. Pages without any return {}. */
export function pagePrefill(page: PageSlug, facts: KnownFacts): Prefilled {
  switch (page) {
    case 'mote': {
      if (facts.statutes) return { purpose: { value: facts.statutes.answers.purpose, source: 'statutes' } };
      return facts.workspacePurpose ? { purpose: { value: facts.workspacePurpose, source: 'workspace' } } : {};
    }
    case 'deltakere':
      return Object.fromEntries(facts.members.map((m) => [`member-${m.userId}`, { value: 'yes', source: 'workspace' as const }]));
    case 'styre': {
      const prefilled: Prefilled = {};
      suggestedBoard(facts).forEach((entry, row) => {
        prefilled[`name-${row}`] = { value: entry.name, source: 'workspace' };
        prefilled[`role-${row}`] = { value: entry.role, source: 'workspace' };
        if (entry.birthDate) prefilled[`birthDate-${row}`] = { value: formatDateInput(entry.birthDate), source: 'profile' };
      });
      return prefilled;
    }
    default:
      return {};
  }
}

/** The workspace's leader, treasurer and board members, leader first, with birth dates they have stated. */
export function suggestedBoard(facts: KnownFacts): BoardEntry[] {
  return facts.members
    .flatMap((m): BoardEntry[] => {
      const role = BOARD_ROLE_FROM_WORKSPACE[m.role];
      if (!role) return [];
      return [{ name: m.name, role, userId: m.userId, ...(m.birthDate ? { birthDate: m.birthDate } : {}) }];
    })
    .sort((a, b) => BOARD_ORDER[a.role] - BOARD_ORDER[b.role]);
}

/** The standard agenda in the protocol's language (brief §4.1, §5.4). */
export function defaultAgenda(language: ProtocolLanguage): AgendaItem[] {
  const t = translator(language);
  return STANDARD_AGENDA.map((key) => ({ key, title: t(`founding.agenda.${key}`), decision: '' }));
}

/** The agenda the meeting has now: the saved one, else the standard agenda. */
export function currentAgenda(data: FoundingData, language: ProtocolLanguage): AgendaItem[] {
  return data.agenda ?? defaultAgenda(language);
}

/**
 * A suggested decision for a standard agenda item, from what the meeting already recorded (the person
 * can change it). The fee has no suggestion: the amount is the meeting's own decision.
 */
export function suggestedDecision(
  key: AgendaKey | undefined,
  data: FoundingData,
  language: ProtocolLanguage,
  opts: { organisationName: string; statutesVersion: number | null },
): string {
  const t = translator(language);
  switch (key) {
    case 'opening':
      return data.chair && data.minuteTaker ? t('founding.suggest.opening', { chair: data.chair, minuteTaker: data.minuteTaker }) : '';
    case 'founding':
      return t('founding.suggest.founding', { name: opts.organisationName });
    case 'statutes':
      return opts.statutesVersion
        ? t('founding.suggest.statutesVersion', { version: opts.statutesVersion })
        : t('founding.suggest.statutes');
    case 'board':
      return data.board && data.board.length > 0
        ? t('founding.suggest.board', {
            names: listNames(
              data.board.map((b) => b.name),
              language,
            ),
          })
        : '';
    case 'signers':
      return data.signers ? t('founding.suggest.signers', { first: data.signers[0], second: data.signers[1] }) : '';
    default:
      return '';
  }
}

/** "A, B og C". */
export function listNames(names: string[], language: ProtocolLanguage | 'en'): string {
  if (names.length <= 1) return names.join('');
  const and = language === 'en' ? 'and' : 'og';
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

/** How many board rows the page offers: room for the statutes' maximum plus deputies, and never fewer than filled. */
export function boardRows(opts: { maxMembers: number; filled: number }): number {
  return Math.min(MAX_BOARD_ROWS, Math.max(opts.maxMembers + 2, opts.filled + 2));
}

/** How many agenda rows the page offers: the items plus a few empty ones to add more. */
export function agendaRows(items: number): number {
  return items + AGENDA_SPARE_ROWS;
}

/** The values a page's inputs show when it has been answered, from the saved data. */
export function savedValues(
  page: PageSlug,
  data: FoundingData,
  language: ProtocolLanguage,
  memberIds: ReadonlySet<string> = new Set(),
): FormInput {
  switch (page) {
    case 'mote':
      return { heldOn: formatDateInput(data.heldOn), place: data.place ?? '', purpose: data.purpose ?? '', language };
    case 'sakliste':
      return Object.fromEntries((data.agenda ?? []).map((item, i) => [`item-${i}`, item.title]));
    case 'deltakere': {
      const values: FormInput = {};
      const typed: string[] = [];
      for (const a of data.attendees ?? []) {
        // Someone who has left the workspace since is listed by name, so saving again keeps them.
        if (a.userId && memberIds.has(a.userId)) values[`member-${a.userId}`] = 'yes';
        else typed.push(a.name);
      }
      values.others = typed.join('\n');
      return values;
    }
    case 'moteleder':
      return { chair: data.chair ?? '', minuteTaker: data.minuteTaker ?? '' };
    case 'styre': {
      const values: FormInput = {};
      (data.board ?? []).forEach((b, row) => {
        values[`name-${row}`] = b.name;
        values[`role-${row}`] = b.role;
        values[`birthDate-${row}`] = formatDateInput(b.birthDate);
      });
      return values;
    }
    case 'underskrivere':
      return { signer1: data.signers?.[0] ?? '', signer2: data.signers?.[1] ?? '' };
    case 'vedtak':
      return Object.fromEntries((data.agenda ?? []).map((item, i) => [`decision-${i}`, item.decision]));
  }
}
