import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  accessRequests,
  icnpoKategorier,
  kommuner,
  memberships,
  organisasjonsformer,
  organisations,
  registerChanges,
  registerEnheter,
  registerFrivillige,
  registerRoller,
  registerRolleSett,
  rolletyper,
  users,
} from '../../core/db/schema.ts';
import type { OrgRole } from '../organisations/organisations.schema.ts';

/** All SQL of the organisation profile, the workspace claim and access requests. */

export async function findEnhet(db: Db, orgnr: string) {
  const [row] = await db
    .select({
      orgnr: registerEnheter.orgnr,
      navn: registerEnheter.navn,
      organisasjonsform: registerEnheter.organisasjonsform,
      formBeskrivelse: organisasjonsformer.beskrivelse,
      kommunenummer: registerEnheter.kommunenummer,
      kommuneNavn: kommuner.navn,
      stiftelsesdato: registerEnheter.stiftelsesdato,
      slettedato: registerEnheter.slettedato,
      underAvvikling: registerEnheter.underAvvikling,
      konkurs: registerEnheter.konkurs,
      data: registerEnheter.data,
      updatedAt: registerEnheter.updatedAt,
    })
    .from(registerEnheter)
    .leftJoin(organisasjonsformer, eq(organisasjonsformer.kode, registerEnheter.organisasjonsform))
    .leftJoin(kommuner, eq(kommuner.nummer, registerEnheter.kommunenummer))
    .where(eq(registerEnheter.orgnr, orgnr));
  return row ?? null;
}

export async function findFrivillig(db: Db, orgnr: string) {
  const [row] = await db.select().from(registerFrivillige).where(eq(registerFrivillige.orgnr, orgnr));
  return row ?? null;
}

export async function icnpoNames(db: Db, numbers: string[]): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await db
    .select({ nummer: icnpoKategorier.nummer, navn: icnpoKategorier.navn })
    .from(icnpoKategorier)
    .where(inArray(icnpoKategorier.nummer, numbers));
  return new Map(rows.map((r) => [r.nummer, r.navn]));
}

/** Current roles (not resigned, not deregistered), with role names; birth dates are not selected here on purpose. */
export async function listPublicRoles(db: Db, orgnr: string) {
  return db
    .select({
      rollegruppe: registerRoller.rollegruppe,
      rolle: registerRoller.rolle,
      rolleNavn: rolletyper.nb,
      fornavn: registerRoller.fornavn,
      mellomnavn: registerRoller.mellomnavn,
      etternavn: registerRoller.etternavn,
      enhetOrgnr: registerRoller.enhetOrgnr,
      enhetNavn: registerRoller.enhetNavn,
      rekkefolge: registerRoller.rekkefolge,
    })
    .from(registerRoller)
    .leftJoin(rolletyper, eq(rolletyper.kode, registerRoller.rolle))
    .where(and(eq(registerRoller.orgnr, orgnr), eq(registerRoller.fratraadt, false), eq(registerRoller.avregistrert, false)))
    .orderBy(asc(registerRoller.rollegruppe), asc(registerRoller.rekkefolge));
}

export async function findRolleSett(db: Db, orgnr: string) {
  const [row] = await db
    .select({ data: registerRolleSett.data, fetchedAt: registerRolleSett.fetchedAt })
    .from(registerRolleSett)
    .where(eq(registerRolleSett.orgnr, orgnr));
  return row ?? null;
}

/** The current board roles held by a living person born on `birthDate`: the candidates for a claim. */
export async function listBoardRolesBornOn(db: Db, orgnr: string, birthDate: string, boardRoles: readonly string[]) {
  return db
    .select({
      rolle: registerRoller.rolle,
      rolleNavn: rolletyper.nb,
      fornavn: registerRoller.fornavn,
      mellomnavn: registerRoller.mellomnavn,
      etternavn: registerRoller.etternavn,
    })
    .from(registerRoller)
    .leftJoin(rolletyper, eq(rolletyper.kode, registerRoller.rolle))
    .where(
      and(
        eq(registerRoller.orgnr, orgnr),
        eq(registerRoller.fodselsdato, birthDate),
        eq(registerRoller.fratraadt, false),
        eq(registerRoller.avregistrert, false),
        eq(registerRoller.erDoed, false),
        inArray(registerRoller.rolle, [...boardRoles]),
      ),
    );
}

export async function listChanges(db: Db, orgnr: string, limit: number) {
  return db
    .select({
      oppdateringsid: registerChanges.oppdateringsid,
      endringstype: registerChanges.endringstype,
      dato: registerChanges.dato,
      endringer: registerChanges.endringer,
    })
    .from(registerChanges)
    .where(eq(registerChanges.orgnr, orgnr))
    .orderBy(desc(registerChanges.dato), desc(registerChanges.oppdateringsid))
    .limit(limit);
}

export async function findWorkspaceByOrgnr(db: Db, orgnr: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.orgnr, orgnr));
  return row ?? null;
}

/** Locks the workspace row so two claims of the same organisation cannot interleave their membership checks. */
export async function lockWorkspaceByOrgnr(db: Db, orgnr: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.orgnr, orgnr))
    .for('update');
  return row ?? null;
}

export async function findMembershipRole(db: Db, organisationId: string, userId: string): Promise<OrgRole | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

export async function insertWorkspace(db: Db, v: { name: string; orgnr: string; kommunenummer: string | null; purpose: string | null }) {
  const [row] = await db
    .insert(organisations)
    .values({ ...v, phase: 3 })
    .onConflictDoNothing()
    .returning({ id: organisations.id });
  return row ?? null;
}

export async function upsertMembership(db: Db, v: { organisationId: string; userId: string; role: OrgRole }) {
  await db
    .insert(memberships)
    .values(v)
    .onConflictDoUpdate({ target: [memberships.organisationId, memberships.userId], set: { role: v.role } });
}

export async function findUserIdentity(db: Db, userId: string) {
  const [row] = await db
    .select({ name: users.name, email: users.email, birthDate: users.birthDate, oidcSubject: users.oidcSubject })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function updateBirthDate(db: Db, userId: string, birthDate: string) {
  await db.update(users).set({ birthDate }).where(eq(users.id, userId));
}

export async function insertAccessRequest(db: Db, v: { organisationId: string; userId: string; message: string | null; createdAt: Date }) {
  // The partial unique index (one pending request per person and organisation) makes a repeat a no-op.
  const [row] = await db.insert(accessRequests).values(v).onConflictDoNothing().returning({ id: accessRequests.id });
  return row ?? null;
}

export async function findPendingAccessRequest(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select({ id: accessRequests.id, createdAt: accessRequests.createdAt })
    .from(accessRequests)
    .where(and(eq(accessRequests.organisationId, organisationId), eq(accessRequests.userId, userId), eq(accessRequests.status, 'pending')));
  return row ?? null;
}

export async function listLeaderContacts(db: Db, organisationId: string) {
  return db
    .select({ name: users.name, email: users.email, preferredLanguage: users.preferredLanguage })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'leader')))
    .orderBy(asc(users.name));
}
