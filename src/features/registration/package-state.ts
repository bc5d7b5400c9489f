import { asc } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { icnpoKategorier } from '../../core/db/schema.ts';
import type { Deps } from '../../core/http/context.ts';
import { createFnrCipher, type FnrCipher, FnrDecryptError } from './fnr-crypto.ts';
import { type CheckResult, checkPackage } from './package-checks.ts';
import {
  findCurrentPackage,
  findOrganisationForPackage,
  listConfirmations,
  listPersons,
  type PackageRow,
  type PersonRow,
} from './registration.queries.ts';
import type { PackageData } from './registration.schema.ts';
import { type FoundingSource, readFoundingSource, readStatutesSource, type StatutesSource } from './sources.ts';

/**
 * Everything one package is made of, loaded once per request: the row, its people (fødselsnummer decrypted only
 * in memory), the statutes and founding meeting it will carry, the checks, and which board members' confirmations
 * still count. A confirmation counts when it was not invalidated and its keyed hash equals the hash of the content
 * now — so a change anywhere (an answer, a person, a new statutes version, a reopened protocol) shows at once.
 */

export function fnrCipher(deps: Pick<Deps, 'config'>): FnrCipher {
  return createFnrCipher(deps.config.fnrEncryptionKey);
}

/** The additional authenticated data of a stored number: it only decrypts in its own package and person. */
export const fnrContext = (packageId: string, personId: string) => `registration:${packageId}:${personId}`;

export interface PersonState extends PersonRow {
  /** Decrypted, for this request only; never rendered except masked. */
  fnr: string | null;
  fnrUnreadable: boolean;
  confirmation: { confirmedAt: Date; valid: boolean; userName: string | null } | null;
}

export interface PackageState {
  organisation: { id: string; name: string; orgnr: string | null; kommunenummer: string | null; purpose: string | null };
  pkg: PackageRow;
  data: PackageData;
  persons: PersonState[];
  board: PersonState[];
  statutes: StatutesSource | null;
  founding: FoundingSource | null;
  icnpo: { code: string; name: string; group: string; groupName: string }[];
  check: CheckResult;
  contentHash: string;
  /** Board members whose confirmation counts, and those still missing. */
  confirmedCount: number;
  allConfirmed: boolean;
  /** Confirmations that stopped counting because the content changed after them. */
  staleConfirmations: { name: string; confirmedAt: Date }[];
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/**
 * The content a board member confirms, canonically: the answers, every person as listed (with the number in
 * clear — which is why the hash is keyed, see fnr-crypto.ts) and the identity of both attachments.
 */
export function canonicalContent(input: {
  data: PackageData;
  persons: {
    id: string;
    kind: string;
    boardRole: string | null;
    position: number;
    name: string;
    birthDate: string | null;
    fnr: string | null;
  }[];
  statutes: StatutesSource | null;
  founding: FoundingSource | null;
}): string {
  const { boardPrefill: _notContent, ...content } = input.data;
  return JSON.stringify(
    sortKeys({
      data: content,
      persons: input.persons.map((p) => ({
        id: p.id,
        kind: p.kind,
        boardRole: p.boardRole,
        position: p.position,
        name: p.name,
        birthDate: p.birthDate,
        fnr: p.fnr,
      })),
      statutes: input.statutes ? { version: input.statutes.version, textHash: input.statutes.textHash } : null,
      founding: input.founding ? { hash: input.founding.hash, finalised: input.founding.finalised } : null,
    }),
  );
}

export async function listIcnpo(db: Db) {
  const rows = await db.select().from(icnpoKategorier).orderBy(asc(icnpoKategorier.nummer));
  const mains = new Map(rows.filter((r) => r.erHovedkategori).map((r) => [r.hovedkategori, r.navn]));
  return rows
    .filter((r) => !r.erHovedkategori)
    .map((r) => ({ code: r.nummer, name: r.navn, group: r.hovedkategori, groupName: mains.get(r.hovedkategori) ?? '' }))
    .sort((a, b) => Number(a.code) - Number(b.code));
}

/** Oslo's calendar date now (founding dates are Norwegian dates). */
export function osloToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function loadPackageState(
  deps: Deps,
  db: Db,
  opts: { organisationId: string; pkg?: PackageRow | null },
): Promise<PackageState | null> {
  const pkg = opts.pkg === undefined ? await findCurrentPackage(db, opts.organisationId) : opts.pkg;
  if (!pkg) return null;
  const organisation = await findOrganisationForPackage(db, opts.organisationId);
  if (!organisation) return null;
  const cipher = fnrCipher(deps);
  const now = deps.now();
  const rows = await listPersons(db, pkg.id, now);
  const statutes = await readStatutesSource(db, opts.organisationId);
  const founding = await readFoundingSource(db, opts.organisationId);
  const icnpo = await listIcnpo(db);
  const data = pkg.data as PackageData;

  const decrypted = rows.map((p) => {
    if (!p.fnrCiphertext) return { ...p, fnr: null, fnrUnreadable: false };
    try {
      return { ...p, fnr: cipher.decrypt(p.fnrCiphertext, fnrContext(pkg.id, p.id)), fnrUnreadable: false };
    } catch (error) {
      if (!(error instanceof FnrDecryptError)) throw error;
      deps.logger.warn('a stored fødselsnummer could not be decrypted', { packageId: pkg.id, personId: p.id });
      return { ...p, fnr: null, fnrUnreadable: true, fnrCiphertext: null };
    }
  });
  const contentHash = cipher.contentHash(canonicalContent({ data, persons: decrypted, statutes, founding }));

  const confirmations = await listConfirmations(db, pkg.id);
  const staleConfirmations: PackageState['staleConfirmations'] = [];
  const persons: PersonState[] = decrypted.map((p) => {
    // A confirmation by this person counts only if it was not invalidated and still matches the content; else
    // the newest one is shown as no longer counting.
    const mineAll = confirmations.filter((c) => c.personId === p.id && c.userId === p.userId);
    const mine = mineAll.find((c) => c.invalidatedAt === null && c.contentHash === contentHash) ?? mineAll[0];
    if (!mine) return { ...p, confirmation: null };
    const valid = mine.invalidatedAt === null && mine.contentHash === contentHash;
    if (!valid && mine.invalidatedReason !== 'discarded') staleConfirmations.push({ name: p.name, confirmedAt: mine.confirmedAt });
    return { ...p, confirmation: { confirmedAt: mine.confirmedAt, valid, userName: mine.userName } };
  });
  const board = persons.filter((p) => p.kind === 'board');
  const check = checkPackage({
    data,
    persons: persons.map((p) => ({ ...p, fnrCiphertext: p.fnr ? 'present' : null })),
    statutes: statutes ? { answers: statutes.answers, version: statutes.version } : null,
    founding: founding ? { heldOn: founding.meeting.heldOn, finalised: founding.finalised } : null,
    icnpoGroups: new Map(icnpo.map((c) => [c.code, c.group])),
    today: osloToday(now),
  });
  const confirmedCount = board.filter((p) => p.confirmation?.valid).length;
  return {
    organisation,
    pkg,
    data,
    persons,
    board,
    statutes,
    founding,
    icnpo,
    check,
    contentHash,
    confirmedCount,
    allConfirmed: board.length > 0 && confirmedCount === board.length,
    staleConfirmations,
  };
}
