import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { memberships, organisations, userPlatformRoles, users } from '../../core/db/schema.ts';
import type { Deps } from '../../core/http/context.ts';
import { hashPassword } from '../auth/password.ts';
import { seedDemoPlans } from '../plan/plan.seed.ts';
import { seedDemoEcosystem } from './seed-ecosystem.ts';
import { seedDemoMarketplace } from './seed-marketplace.ts';
import { seedDemoNeeds } from './seed-needs.ts';
import { seedDemoPortfolio } from './seed-portfolio.ts';
import { seedDemoRoadmap } from './seed-roadmap.ts';

/**
 * Demo data so a newcomer can click through: people with each kind of role, and organisations in
 * different phases of the life event. Idempotent: running it again changes nothing.
 * The organisation numbers are valid MOD11 numbers (MOD11-valid, in the 91xxxxxxx range used by Brønnøysund's test environment).
 */
export const DEMO_PASSWORD = 'frivillig-demo';

export const DEMO_PEOPLE = [
  { key: 'kari', name: 'Kari Nordmann', email: 'kari@demo.frivillig.no', platformRoles: [] },
  { key: 'ola', name: 'Ola Hansen', email: 'ola@demo.frivillig.no', platformRoles: [] },
  { key: 'ingrid', name: 'Ingrid Berg', email: 'ingrid@demo.frivillig.no', platformRoles: [] },
  { key: 'sara', name: 'Sara Saksbehandler', email: 'sara@demo.frivillig.no', platformRoles: ['public_official'] },
  { key: 'otto', name: 'Otto Orkestrator', email: 'otto@demo.frivillig.no', platformRoles: ['orchestrator'] },
  { key: 'ada', name: 'Ada Administrator', email: 'ada@demo.frivillig.no', platformRoles: ['administrator'] },
] as const;

type PersonKey = (typeof DEMO_PEOPLE)[number]['key'];

export const DEMO_ORGANISATIONS: {
  name: string;
  orgnr: string | null;
  phase: number;
  members: [PersonKey, 'leader' | 'board_member' | 'treasurer' | 'member'][];
}[] = [
  { name: 'Strikkeklubben i Bodø', orgnr: null, phase: 1, members: [['kari', 'leader']] },
  {
    name: 'Nabolagshagen Grünerløkka',
    orgnr: null,
    phase: 2,
    members: [
      ['ola', 'leader'],
      ['kari', 'board_member'],
    ],
  },
  {
    name: 'Tromsø Sjakklubb',
    orgnr: '910000012',
    phase: 3,
    members: [
      ['kari', 'leader'],
      ['ola', 'treasurer'],
      ['ingrid', 'member'],
    ],
  },
  {
    name: 'Fjellstien Turlag',
    orgnr: '910000020',
    phase: 4,
    members: [
      ['ingrid', 'leader'],
      ['ola', 'board_member'],
    ],
  },
  { name: 'Gamle Stavanger Historielag', orgnr: '910000039', phase: 6, members: [['ingrid', 'leader']] },
];

export async function seedDemoData(deps: Deps): Promise<{ created: boolean }> {
  const { db } = deps.database;
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, DEMO_PEOPLE[0].email));
  if (existing) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const ids = new Map<PersonKey, string>();
    for (const p of DEMO_PEOPLE) {
      const [row] = await t.insert(users).values({ name: p.name, email: p.email, passwordHash }).returning({ id: users.id });
      ids.set(p.key, row!.id);
      for (const role of p.platformRoles) await t.insert(userPlatformRoles).values({ userId: row!.id, role });
    }
    const orgIds = new Map<string, { id: string; orgnr: string | null }>();
    for (const o of DEMO_ORGANISATIONS) {
      const [org] = await t
        .insert(organisations)
        .values({ name: o.name, orgnr: o.orgnr, phase: o.phase })
        .returning({ id: organisations.id });
      for (const [person, role] of o.members) {
        await t.insert(memberships).values({ organisationId: org!.id, userId: ids.get(person)!, role });
      }
      await recordAudit(t, {
        organisationId: org!.id,
        actorUserId: ids.get(o.members[0]![0])!,
        action: 'organisation.created',
        details: { name: o.name, orgnr: o.orgnr },
      });
      orgIds.set(o.name, { id: org!.id, orgnr: o.orgnr });
    }
    // Facts and plans in different states (src/features/plan/plan.seed.ts).
    await seedDemoPlans(t, { organisations: orgIds, people: ids, at: deps.now() });
    // The ecosystem's actors, people at them, and the core group's meetings and decisions (seed-ecosystem.ts).
    await seedDemoEcosystem(t, { people: ids, names: new Map(DEMO_PEOPLE.map((p) => [p.key, p.name])), at: deps.now() });
    // Needs, "we have this too" and the building blocks that lift them (seed-needs.ts), after the actors.
    await seedDemoNeeds(t, { organisations: orgIds, people: ids, names: new Map(DEMO_PEOPLE.map((p) => [p.key, p.name])), at: deps.now() });
    // The roadmap of simplifications and an open change proposal to the life-event map (seed-roadmap.ts), after needs and blocks.
    await seedDemoRoadmap(t, { people: ids, names: new Map(DEMO_PEOPLE.map((p) => [p.key, p.name])), at: deps.now() });
    // Offerings, interest figures and an open challenge with a proposal (seed-marketplace.ts), after needs and blocks.
    await seedDemoMarketplace(t, { people: ids, names: new Map(DEMO_PEOPLE.map((p) => [p.key, p.name])), at: deps.now() });
    // Initiatives in every stage and a running demonstrator with participants and answers (seed-portfolio.ts), after needs.
    await seedDemoPortfolio(t, {
      organisations: orgIds,
      people: ids,
      names: new Map(DEMO_PEOPLE.map((p) => [p.key, p.name])),
      at: deps.now(),
    });
  });
  return { created: true };
}

export async function isDatabaseEmpty(deps: Deps): Promise<boolean> {
  const [row] = await deps.database.db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row?.n ?? 0) === 0;
}
