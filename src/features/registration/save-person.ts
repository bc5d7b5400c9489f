import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { type Prefilled, recordFormProvenance } from '../../core/prefill/provenance.ts';
import { parsePersonnummer } from '../../core/validators/personnummer.ts';
import { commitContentChange, lockEditablePackage, requireEditor } from './package-access.ts';
import { fnrCipher, fnrContext } from './package-state.ts';
import {
  deletePerson,
  insertPerson,
  listPersons,
  listWorkspaceMembers,
  maxBoardPosition,
  type PackageRow,
  type PersonRow,
  updatePerson,
} from './registration.queries.ts';
import type { BoardPersonInput, ContactPersonInput, PackageData } from './registration.schema.ts';

/** A field error the page shows beside the field (the form keeps what was typed). */
export class PersonFieldError extends AppError {
  constructor(
    public readonly field: string,
    messageKey: string,
  ) {
    super('validation', messageKey, { field });
  }
}

/** The same person cannot be listed twice (brief §4.1: the register identifies each role holder by number). */
function assertUniqueFnr(deps: Deps, pkg: PackageRow, persons: PersonRow[], fnr: string, exceptPersonId: string | null, field: string) {
  const cipher = fnrCipher(deps);
  for (const p of persons) {
    if (p.id === exceptPersonId || !p.fnrCiphertext) continue;
    let other: string | null = null;
    try {
      other = cipher.decrypt(p.fnrCiphertext, fnrContext(pkg.id, p.id));
    } catch {
      other = null;
    }
    if (other === fnr) throw new PersonFieldError(field, 'reg.error.fnrDuplicate');
  }
}

async function assertMember(db: Db, organisationId: string, userId: string | undefined) {
  if (!userId) return;
  const members = await listWorkspaceMembers(db, organisationId);
  if (!members.some((m) => m.userId === userId)) throw new PersonFieldError('userId', 'reg.error.memberInvalid');
}

/**
 * Adds or changes a board member. The fødselsnummer is encrypted before it reaches the database; leaving the field
 * empty keeps the stored one. The birth date follows from the number (core/validators/personnummer).
 */
export async function saveBoardPerson(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; input: BoardPersonInput },
): Promise<{ personId: string; invalidated: number }> {
  const { user } = await requireEditor(deps, opts);
  const now = deps.now();
  const allowSynthetic = deps.config.NODE_ENV !== 'production';
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const pkg = await lockEditablePackage(db, opts.organisationId);
    const persons = await listPersons(db, pkg.id, now);
    const input = opts.input;
    const existing = input.personId ? persons.find((p) => p.id === input.personId && p.kind === 'board') : undefined;
    if (input.personId && !existing) throw new AppError('not_found', 'reg.error.personMissing');
    await assertMember(db, opts.organisationId, input.userId);
    // One workspace member is one person on the board: their confirmation could not tell two rows apart.
    if (input.userId && persons.some((p) => p.kind === 'board' && p.id !== existing?.id && p.userId === input.userId)) {
      throw new PersonFieldError('userId', 'reg.error.memberTwice');
    }
    if (input.fnr) assertUniqueFnr(deps, pkg, persons, input.fnr, existing?.id ?? null, 'fnr');
    const birthDate = input.fnr ? (parsePersonnummer(input.fnr, { allowSynthetic })?.birthDate ?? null) : (existing?.birthDate ?? null);
    let personId: string;
    if (existing) {
      personId = existing.id;
      await updatePerson(db, personId, {
        name: input.name,
        boardRole: input.boardRole,
        birthDate,
        userId: input.userId ?? null,
        email: input.email ?? null,
        // A different e-mail address makes an earlier invitation that person's no longer.
        ...(input.email !== (existing.email ?? undefined) ? { invitationId: null } : {}),
        ...(input.fnr ? { fnrCiphertext: fnrCipher(deps).encrypt(input.fnr, fnrContext(pkg.id, personId)) } : {}),
        at: now,
      });
    } else {
      personId = await insertPerson(db, {
        packageId: pkg.id,
        kind: 'board',
        boardRole: input.boardRole,
        position: (await maxBoardPosition(db, pkg.id)) + 1,
        name: input.name,
        birthDate,
        userId: input.userId ?? null,
        email: input.email ?? null,
        fnrCiphertext: null,
        at: now,
      });
      // The row id is part of the ciphertext's context, so the number is written once the id exists.
      if (input.fnr)
        await updatePerson(db, personId, { fnrCiphertext: fnrCipher(deps).encrypt(input.fnr, fnrContext(pkg.id, personId)), at: now });
    }
    // Measured gain: the name and role the founding meeting elected were kept or corrected; the number is always
    // typed (recorded as "given", never the value).
    const origin = (pkg.data as PackageData).boardPrefill?.[personId];
    const prefilled: Prefilled = origin
      ? { name: { value: origin.name, source: 'founding-meeting' }, boardRole: { value: origin.boardRole, source: 'founding-meeting' } }
      : {};
    await recordFormProvenance(db, {
      organisationId: opts.organisationId,
      userId: user.id,
      form: 'registration.boardMember',
      prefilled,
      submitted: { name: input.name, boardRole: input.boardRole, fnr: input.fnr ? 'given' : undefined },
      at: now,
    });
    const result = await commitContentChange(db, {
      pkg,
      userId: user.id,
      at: now,
      action: existing ? 'registration.board_member_changed' : 'registration.board_member_added',
      // Never the number itself: only whether one was given.
      details: { personId, name: input.name, boardRole: input.boardRole, fnrGiven: Boolean(input.fnr) },
    });
    return { personId, ...result };
  });
}

export async function removeBoardPerson(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; personId: string },
): Promise<{ invalidated: number }> {
  const { user } = await requireEditor(deps, opts);
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const pkg = await lockEditablePackage(db, opts.organisationId);
    const persons = await listPersons(db, pkg.id, now);
    const person = persons.find((p) => p.id === opts.personId && p.kind === 'board');
    if (!person) throw new AppError('not_found', 'reg.error.personMissing');
    await deletePerson(db, person.id);
    const data = { ...(pkg.data as PackageData) };
    // The contact person was this board member: the contact page must be answered again.
    if (data.contact?.personId === person.id) delete data.contact;
    return commitContentChange(db, {
      pkg,
      data,
      userId: user.id,
      at: now,
      action: 'registration.board_member_removed',
      details: { personId: person.id, name: person.name },
    });
  });
}

/**
 * The contact person or daglig leder (brief §4.1): one of the board, or another person with their own number.
 * Choosing a board member removes a separate contact person (and their number) that is no longer used.
 */
export async function saveContactPerson(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; input: ContactPersonInput },
): Promise<{ invalidated: number }> {
  const { user } = await requireEditor(deps, opts);
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const pkg = await lockEditablePackage(db, opts.organisationId);
    const persons = await listPersons(db, pkg.id, now);
    const separate = persons.find((p) => p.kind === 'contact');
    const input = opts.input;
    let personId: string;
    if (input.contactPerson === 'other') {
      if (input.otherFnr) assertUniqueFnr(deps, pkg, persons, input.otherFnr, separate?.id ?? null, 'otherFnr');
      if (!input.otherFnr && !separate?.fnrCiphertext) throw new PersonFieldError('otherFnr', 'reg.error.fnrRequired');
      const birthDate = input.otherFnr
        ? (parsePersonnummer(input.otherFnr, { allowSynthetic: deps.config.NODE_ENV !== 'production' })?.birthDate ?? null)
        : (separate?.birthDate ?? null);
      if (separate) {
        personId = separate.id;
        await updatePerson(db, personId, { name: input.otherName!, birthDate, at: now });
      } else {
        personId = await insertPerson(db, {
          packageId: pkg.id,
          kind: 'contact',
          boardRole: null,
          position: 0,
          name: input.otherName!,
          birthDate,
          userId: null,
          email: null,
          fnrCiphertext: null,
          at: now,
        });
      }
      if (input.otherFnr)
        await updatePerson(db, personId, { fnrCiphertext: fnrCipher(deps).encrypt(input.otherFnr, fnrContext(pkg.id, personId)), at: now });
    } else {
      const boardMember = persons.find((p) => p.id === input.contactPerson && p.kind === 'board');
      if (!boardMember) throw new PersonFieldError('contactPerson', 'reg.error.contactPersonRequired');
      personId = boardMember.id;
      if (separate) await deletePerson(db, separate.id);
    }
    const data: PackageData = { ...(pkg.data as PackageData), contact: { kind: input.contactKind, personId } };
    // The page offers the leader the founding meeting elected; keeping that choice counts as prefilled.
    const leader = persons.find((p) => p.kind === 'board' && p.boardRole === 'leader');
    const fromMeeting = leader && (pkg.data as PackageData).boardPrefill?.[leader.id];
    await recordFormProvenance(db, {
      organisationId: opts.organisationId,
      userId: user.id,
      form: 'registration.contact',
      prefilled: fromMeeting ? { contactPerson: { value: leader.id, source: 'founding-meeting' } } : {},
      submitted: {
        contactKind: input.contactKind,
        contactPerson: input.contactPerson,
        otherName: input.otherName,
        otherFnr: input.otherFnr ? 'given' : undefined,
      },
      at: now,
    });
    return commitContentChange(db, {
      pkg,
      data,
      userId: user.id,
      at: now,
      action: 'registration.contact_saved',
      details: { kind: input.contactKind, personId, onBoard: input.contactPerson !== 'other', fnrGiven: Boolean(input.otherFnr) },
    });
  });
}
