import { z } from 'zod';

/**
 * What a founding meeting (stiftelsesmøte) records, as stored in founding_meetings.data. Every field is
 * optional because a draft is saved one question page at a time; `validateMeeting` (founding.rules.ts)
 * says what a complete meeting needs before it can be finalised.
 *
 * Names, not ids, tie the meeting together (the chair, the minute-taker and the two signers are attendees
 * named on the attendees page): the protocol is a record of people by name, and many founders have no
 * account here. A workspace member's `userId` is kept beside the name where we know it.
 */

export const PROTOCOL_LANGUAGES = ['nb', 'nn'] as const;
export type ProtocolLanguage = (typeof PROTOCOL_LANGUAGES)[number];

/** The standard agenda of a founding meeting (brief §4.1 "Stiftelsesdokument", §5.4 typical agenda). */
export const STANDARD_AGENDA = ['opening', 'founding', 'statutes', 'fee', 'board', 'signers'] as const;
export type AgendaKey = (typeof STANDARD_AGENDA)[number];

export const BOARD_ROLES = ['leader', 'board_member', 'treasurer', 'deputy'] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

/** The question pages, in order; the slugs are the URL segments under /arbeidsrom/:orgId/stiftelsesmote/. */
export const PAGES = ['mote', 'sakliste', 'deltakere', 'moteleder', 'styre', 'underskrivere', 'vedtak'] as const;
export type PageSlug = (typeof PAGES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const agendaItemSchema = z.object({
  title: z.string(),
  decision: z.string(),
  /** Set on the items of the standard agenda, so their suggested decisions can be offered. */
  key: z.enum(STANDARD_AGENDA).optional(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const attendeeSchema = z.object({ name: z.string(), userId: z.string().uuid().optional() });
export type Attendee = z.infer<typeof attendeeSchema>;

export const boardEntrySchema = z.object({
  name: z.string(),
  role: z.enum(BOARD_ROLES),
  userId: z.string().uuid().optional(),
  birthDate: isoDate.optional(),
});
export type BoardEntry = z.infer<typeof boardEntrySchema>;

export const foundingDataSchema = z.object({
  heldOn: isoDate.optional(),
  place: z.string().optional(),
  purpose: z.string().optional(),
  agenda: z.array(agendaItemSchema).optional(),
  attendees: z.array(attendeeSchema).optional(),
  chair: z.string().optional(),
  minuteTaker: z.string().optional(),
  board: z.array(boardEntrySchema).optional(),
  signers: z.tuple([z.string(), z.string()]).optional(),
});
export type FoundingData = z.infer<typeof foundingDataSchema>;

/** The meeting as other features read it (the contract in /tmp/issue4-contract.md, plus agenda, purpose, version). */
export type FoundingMeeting = {
  /** ISO date; '' while a draft has no date yet. */
  heldOn: string;
  place: string;
  chair: string;
  minuteTaker: string;
  attendees: { name: string; userId?: string }[];
  boardElected: { name: string; role: BoardRole; userId?: string; birthDate?: string }[];
  /** The two attendees chosen to sign the protocol; ['', ''] while a draft has none. */
  signers: [string, string];
  /** The decision on each agenda item, in agenda order. */
  decisions: string[];
  /** The adopted statutes version the protocol refers to (a snapshot taken when it was finalised). */
  statutesVersion: number | null;
  finalisedAt: Date | null;
  /** Beyond the contract: the agenda with each decision, the purpose, and the protocol's version number. */
  agenda: { title: string; decision: string }[];
  purpose: string;
  version: number;
  language: ProtocolLanguage;
  /** The organisation's name as written in the finalised protocol; null for a draft. */
  organisationName: string | null;
};

export function toFoundingMeeting(row: {
  version: number;
  language: ProtocolLanguage;
  data: FoundingData;
  statutesVersion: number | null;
  finalisedAt: Date | null;
  organisationName: string | null;
}): FoundingMeeting {
  const d = row.data;
  const agenda = (d.agenda ?? []).map((item) => ({ title: item.title, decision: item.decision }));
  return {
    heldOn: d.heldOn ?? '',
    place: d.place ?? '',
    chair: d.chair ?? '',
    minuteTaker: d.minuteTaker ?? '',
    attendees: (d.attendees ?? []).map((a) => ({ name: a.name, ...(a.userId ? { userId: a.userId } : {}) })),
    boardElected: (d.board ?? []).map((b) => ({
      name: b.name,
      role: b.role,
      ...(b.userId ? { userId: b.userId } : {}),
      ...(b.birthDate ? { birthDate: b.birthDate } : {}),
    })),
    signers: d.signers ?? ['', ''],
    decisions: agenda.map((item) => item.decision),
    statutesVersion: row.statutesVersion,
    finalisedAt: row.finalisedAt,
    agenda,
    purpose: d.purpose ?? '',
    version: row.version,
    language: row.language,
    organisationName: row.organisationName,
  };
}

/** Names compare without case and surrounding or repeated spaces ("kari  Nordmann" is "Kari Nordmann"). */
export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
}
