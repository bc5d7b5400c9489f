import { z } from 'zod';
import {
  type AgendaItem,
  type Attendee,
  BOARD_ROLES,
  type BoardEntry,
  type BoardRole,
  type FoundingData,
  normaliseName,
  type PageSlug,
  PROTOCOL_LANGUAGES,
  type ProtocolLanguage,
  sameName,
} from './founding.data.ts';
import { addDays, type BoardRules, checkBoard, MIN_ATTENDEES, parseDateInput } from './founding.rules.ts';

/**
 * One zod schema per question page. Each parses the posted form (field names are the input ids, so an
 * error summary links straight to the field), names every error by a message key, and turns the strings
 * into a patch of the meeting's data. Pages whose rules depend on the meeting so far (who attended, the
 * statutes' board size) get that as context.
 */

export type FormInput = Record<string, string | string[]>;
export type PagePatch = { data: Partial<FoundingData>; language?: ProtocolLanguage };

/** The posted form as parseForm gives it; every page schema starts from this. */
export const formInputSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

const first = (input: FormInput, key: string): string => {
  const value = input[key];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};
const clean = (text: string) => text.trim().replace(/[ \t]+/g, ' ');

export const MAX_AGENDA_ITEMS = 20;
export const AGENDA_SPARE_ROWS = 3;
export const MAX_ATTENDEES = 300;
export const MAX_BOARD_ROWS = 30;

export interface PageContext {
  /** Today in Norway (YYYY-MM-DD). */
  today: string;
  /** Workspace members offered as attendees (checkboxes named member-<userId>). */
  members: { userId: string; name: string }[];
  attendees: Attendee[];
  agenda: AgendaItem[];
  rules: BoardRules;
}

const meeting = (ctx: PageContext) =>
  z
    .object({
      heldOn: z
        .string({ message: 'founding.error.heldOnRequired' })
        .trim()
        .min(1, { message: 'founding.error.heldOnRequired' })
        .transform((text, c) => {
          const heldOn = parseDateInput(text);
          if (!heldOn) {
            c.addIssue({ code: 'custom', message: 'founding.error.heldOnInvalid' });
            return z.NEVER;
          }
          // A protocol can be prepared before the meeting, but not for a meeting years away or centuries ago.
          if (heldOn < '1800-01-01' || heldOn > addDays(ctx.today, 366)) {
            c.addIssue({ code: 'custom', message: 'founding.error.heldOnRange' });
            return z.NEVER;
          }
          return heldOn;
        }),
      place: z
        .string({ message: 'founding.error.placeRequired' })
        .trim()
        .min(2, { message: 'founding.error.placeRequired' })
        .max(200, { message: 'founding.error.placeTooLong' }),
      purpose: z
        .string({ message: 'founding.error.purposeRequired' })
        .trim()
        .min(10, { message: 'founding.error.purposeRequired' })
        .max(2000, { message: 'founding.error.purposeTooLong' }),
      language: z.enum(PROTOCOL_LANGUAGES, { message: 'founding.error.languageRequired' }),
    })
    .transform((v): PagePatch => ({ data: { heldOn: v.heldOn, place: clean(v.place), purpose: v.purpose.trim() }, language: v.language }));

const agenda = (ctx: PageContext) =>
  formInputSchema.transform((input, c): PagePatch => {
    const titles: { title: string; index: number }[] = [];
    for (let index = 0; index < MAX_AGENDA_ITEMS; index++) {
      const title = clean(first(input, `item-${index}`));
      if (title === '') continue;
      if (title.length > 200) c.addIssue({ code: 'custom', path: [`item-${index}`], message: 'founding.error.itemTooLong' });
      titles.push({ title, index });
    }
    if (titles.length === 0) c.addIssue({ code: 'custom', path: ['item-0'], message: 'founding.error.agendaEmpty' });
    if (titles.length === 0 || titles.some((t) => t.title.length > 200)) return z.NEVER;
    // An item keeps its decision (and standard key) when its title is unchanged, wherever it moved; an
    // item reworded in place keeps those of the item that was there, so a small edit loses nothing.
    const previous: (AgendaItem | null)[] = [...ctx.agenda];
    const matched = titles.map(({ title }) => {
      const i = previous.findIndex((item) => item?.title === title);
      if (i === -1) return null;
      const kept = previous[i]!;
      previous[i] = null;
      return kept;
    });
    const items = titles.map(({ title }, position): AgendaItem => {
      let kept = matched[position];
      if (!kept && previous[position]) {
        kept = previous[position];
        previous[position] = null;
      }
      return kept ? { title, decision: kept.decision, ...(kept.key ? { key: kept.key } : {}) } : { title, decision: '' };
    });
    return { data: { agenda: items } };
  });

const attendees = (ctx: PageContext) =>
  formInputSchema.transform((input, c): PagePatch => {
    const list: Attendee[] = ctx.members
      .filter((m) => first(input, `member-${m.userId}`) === 'yes')
      .map((m) => ({ name: m.name, userId: m.userId }));
    const typed = first(input, 'others')
      .split(/\r?\n/)
      .map(clean)
      .filter((name) => name !== '');
    for (const name of typed) {
      if (name.length > 120) {
        c.addIssue({ code: 'custom', path: ['others'], message: 'founding.error.attendeeNameTooLong' });
        return z.NEVER;
      }
      list.push({ name });
    }
    const seen = new Set<string>();
    for (const a of list) {
      const key = normaliseName(a.name);
      if (seen.has(key)) {
        c.addIssue({ code: 'custom', path: ['others'], message: 'founding.error.attendeeDuplicate', params: { name: a.name } });
        return z.NEVER;
      }
      seen.add(key);
    }
    if (list.length < MIN_ATTENDEES) {
      c.addIssue({ code: 'custom', path: ['others'], message: 'founding.error.tooFewAttendees' });
      return z.NEVER;
    }
    if (list.length > MAX_ATTENDEES) {
      c.addIssue({ code: 'custom', path: ['others'], message: 'founding.error.tooManyAttendees' });
      return z.NEVER;
    }
    return { data: { attendees: list } };
  });

/** An attendee's name as chosen in a <select>, checked against those present. */
const attendeeChoice = (ctx: PageContext, required: string, notAttendee: string) =>
  z
    .string({ message: required })
    .trim()
    .min(1, { message: required })
    .transform((name, c) => {
      const attendee = ctx.attendees.find((a) => sameName(a.name, name));
      if (!attendee) {
        c.addIssue({ code: 'custom', message: notAttendee });
        return z.NEVER;
      }
      return attendee.name;
    });

const leadership = (ctx: PageContext) =>
  z
    .object({
      chair: attendeeChoice(ctx, 'founding.error.chairRequired', 'founding.error.chairNotAttendee'),
      minuteTaker: attendeeChoice(ctx, 'founding.error.minuteTakerRequired', 'founding.error.minuteTakerNotAttendee'),
    })
    .transform((v): PagePatch => ({ data: { chair: v.chair, minuteTaker: v.minuteTaker } }));

const signers = (ctx: PageContext) =>
  z
    .object({
      signer1: attendeeChoice(ctx, 'founding.error.signerRequired', 'founding.error.signerNotAttendee'),
      signer2: attendeeChoice(ctx, 'founding.error.signerRequired', 'founding.error.signerNotAttendee'),
    })
    .transform((v, c): PagePatch => {
      // Two different people sign (brief §5.4: "signed by two people the meeting chooses").
      if (sameName(v.signer1, v.signer2)) {
        c.addIssue({ code: 'custom', path: ['signer2'], message: 'founding.error.signersSame' });
        return z.NEVER;
      }
      return { data: { signers: [v.signer1, v.signer2] } };
    });

/** The board rows posted (name-N, role-N, birthDate-N): a row with nothing in it is skipped. */
export function boardRowCount(input: FormInput): number {
  let max = -1;
  for (const key of Object.keys(input)) {
    const match = /^(?:name|role|birthDate)-(\d+)$/.exec(key);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return Math.min(max + 1, MAX_BOARD_ROWS);
}

const board = (ctx: PageContext) =>
  formInputSchema.transform((input, c): PagePatch => {
    const entries: (BoardEntry & { row: number })[] = [];
    let rowErrors = false;
    for (let row = 0; row < boardRowCount(input); row++) {
      const name = clean(first(input, `name-${row}`));
      const role = first(input, `role-${row}`);
      const birthText = first(input, `birthDate-${row}`).trim();
      if (name === '' && role === '' && birthText === '') continue;
      const issue = (field: string, message: string) => {
        c.addIssue({ code: 'custom', path: [`${field}-${row}`], message });
        rowErrors = true;
      };
      if (name === '') issue('name', 'founding.error.boardNameRequired');
      else if (name.length > 120) issue('name', 'founding.error.boardNameTooLong');
      if (!(BOARD_ROLES as readonly string[]).includes(role)) issue('role', 'founding.error.boardRoleRequired');
      let birthDate: string | undefined;
      if (birthText !== '') {
        const parsed = parseDateInput(birthText);
        if (!parsed) issue('birthDate', 'founding.error.birthDateInvalid');
        else if (parsed < '1900-01-01' || parsed > ctx.today) issue('birthDate', 'founding.error.birthDateRange');
        else birthDate = parsed;
      }
      entries.push({ name, role: role as BoardRole, row, ...(birthDate ? { birthDate } : {}) });
    }
    if (rowErrors) return z.NEVER;
    // The board as a whole, against the statutes: size, one leader, nobody twice. A problem names an
    // entry by its index among the filled rows; the error goes on that row's field.
    const problems = checkBoard(entries, ctx.rules);
    for (const problem of problems) {
      const index = Number(/-(\d+)$/.exec(problem.field)?.[1] ?? 0);
      const field = problem.field.replace(/-\d+$/, `-${entries[index]?.row ?? 0}`);
      c.addIssue({ code: 'custom', path: [field], message: problem.key, params: problem.params });
    }
    if (problems.length > 0) return z.NEVER;
    // A board member who is also a workspace member keeps the link to their account.
    const board = entries.map(({ row: _row, ...entry }): BoardEntry => {
      const member = ctx.members.find((m) => sameName(m.name, entry.name));
      return member ? { ...entry, userId: member.userId } : entry;
    });
    return { data: { board } };
  });

const decisions = (ctx: PageContext) =>
  formInputSchema.transform((input, c): PagePatch => {
    const items = ctx.agenda.map((item, index): AgendaItem => {
      const decision = first(input, `decision-${index}`).trim();
      if (decision === '')
        c.addIssue({
          code: 'custom',
          path: [`decision-${index}`],
          message: 'founding.error.decisionRequired',
          params: { title: item.title },
        });
      else if (decision.length > 4000)
        c.addIssue({ code: 'custom', path: [`decision-${index}`], message: 'founding.error.decisionTooLong' });
      return { ...item, decision };
    });
    if (items.some((item) => item.decision === '' || item.decision.length > 4000)) return z.NEVER;
    return { data: { agenda: items } };
  });

/** The schema for a question page, given what the meeting already knows. */
export function pageSchema(page: PageSlug, ctx: PageContext): z.ZodType<PagePatch, FormInput> {
  switch (page) {
    case 'mote':
      return meeting(ctx) as unknown as z.ZodType<PagePatch, FormInput>;
    case 'sakliste':
      return agenda(ctx);
    case 'deltakere':
      return attendees(ctx);
    case 'moteleder':
      return leadership(ctx) as unknown as z.ZodType<PagePatch, FormInput>;
    case 'styre':
      return board(ctx);
    case 'underskrivere':
      return signers(ctx) as unknown as z.ZodType<PagePatch, FormInput>;
    case 'vedtak':
      return decisions(ctx);
  }
}

/** Finalising posts the revision the person checked, so a change made meanwhile is not finalised unseen. */
export const finaliseSchema = z.object({
  revision: z.coerce
    .number({ message: 'founding.error.revision' })
    .int({ message: 'founding.error.revision' })
    .min(1, { message: 'founding.error.revision' }),
});
