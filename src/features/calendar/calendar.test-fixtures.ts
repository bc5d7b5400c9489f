import { eq } from 'drizzle-orm';
import type { TestClient, TestContext } from '../../../test/helpers/app.ts';
import type { Db } from '../../core/db/client.ts';
import { memberships, registerFrivillige, statutesVersions } from '../../core/db/schema.ts';
import { LOVNORM_DEFAULTS, type StatutesAnswers } from '../statutes/statutes.answers.ts';

/** Test-only helpers for the årshjul's route and reminder tests. Nothing in the application imports this file. */

/** A registered organisation (phase 3) whose leader is signed in on the returned client. */
export async function registeredOrganisation(ctx: TestContext, opts: { name: string; orgnr: string; leaderEmail?: string }) {
  const leader = await ctx.createUser({ name: 'Lea Leder', email: opts.leaderEmail });
  const client = ctx.client();
  await client.signInAs(leader.id);
  const res = await client.post('/arbeidsrom/ny', { name: opts.name, registered: 'yes', orgnr: opts.orgnr });
  if (res.status !== 303) throw new Error(`creating the organisation answered ${res.status}`);
  const organisationId = res.headers.get('location')!.split('/').pop()!;
  return { organisationId, leader, client };
}

export async function addMember(
  ctx: TestContext,
  organisationId: string,
  opts: { name: string; email?: string; role?: 'member' | 'board_member' },
) {
  const user = await ctx.createUser({ name: opts.name, email: opts.email });
  await ctx.database.db.insert(memberships).values({ organisationId, userId: user.id, role: opts.role ?? 'member' });
  const client: TestClient = ctx.client();
  await client.signInAs(user.id);
  return { user, client };
}

/** The organisation appears in Frivillighetsregisteret (as the daily walk would store it). */
export async function putInFrivillighetsregisteret(db: Db, orgnr: string, opts: { grasrotandel?: boolean } = {}) {
  await db
    .insert(registerFrivillige)
    .values({ orgnr, grasrotandel: opts.grasrotandel ?? false, data: { organisasjonsnummer: orgnr }, dataHash: 'test' });
}

export async function removeFromFrivillighetsregisteret(db: Db, orgnr: string) {
  await db.delete(registerFrivillige).where(eq(registerFrivillige.orgnr, orgnr));
}

/** Adopted statutes with the given årsmøte rules (a version row as the statutes builder writes it). */
export async function adoptStatutes(
  db: Db,
  organisationId: string,
  version: number,
  annualMeeting: Partial<StatutesAnswers['annualMeeting']>,
) {
  const answers: StatutesAnswers = {
    ...LOVNORM_DEFAULTS,
    name: 'Testlaget',
    kommunenummer: '4601',
    purpose: 'Å drive sjakk for barn og unge i nærmiljøet.',
    membership: { ...LOVNORM_DEFAULTS.membership, openTo: 'Alle som vil' },
    dissolution: { ...LOVNORM_DEFAULTS.dissolution, assetsTo: 'Norges Sjakkforbund' },
    annualMeeting: { ...LOVNORM_DEFAULTS.annualMeeting, ...annualMeeting },
  };
  await db.insert(statutesVersions).values({
    organisationId,
    version,
    language: 'nb',
    answers,
    text: 'Vedtekter',
    adoptedByName: 'Lea Leder',
    adoptedAt: new Date('2025-01-15T12:00:00Z'),
  });
}
