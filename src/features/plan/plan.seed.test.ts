import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { organisations, users } from '../../core/db/schema.ts';
import { readProvenanceSummary } from '../../core/prefill/provenance.ts';
import { seedDemoData } from '../seed/seed.ts';
import { readPlan } from './read-plan.ts';

describe(`demo plans (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.setNow(new Date('2026-04-01T10:00:00Z'));
    await seedDemoData(ctx.deps);
  });
  afterAll(() => ctx.close());

  async function planOf(name: string, email: string) {
    const [org] = await ctx.database.db.select().from(organisations).where(eq(organisations.name, name));
    const [user] = await ctx.database.db.select().from(users).where(eq(users.email, email));
    const plan = await readPlan(ctx.deps, {
      user: { id: user!.id, name: user!.name, email: user!.email, platformRoles: [], sessionIdHash: 'test' },
      organisationId: org!.id,
    });
    return { orgId: org!.id, status: Object.fromEntries(plan.tasks.map((t) => [t.id, t.status])) };
  }

  it('gives the demo organisations plans in different states', async () => {
    const idea = await planOf('Strikkeklubben i Bodø', 'kari@demo.frivillig.no');
    expect(idea.status).toMatchObject({
      'finn-likesinnede': 'done',
      'lag-vedtekter': 'not-started',
      'hold-stiftelsesmote': 'cannot-start',
      politiattest: 'not-relevant',
    });

    const starting = await planOf('Nabolagshagen Grünerløkka', 'ola@demo.frivillig.no');
    expect(starting.status).toMatchObject({
      'lag-vedtekter': 'in-progress',
      'hold-stiftelsesmote': 'not-started',
      'registrer-mva': 'cannot-start',
      politiattest: 'not-started',
    });

    const club = await planOf('Tromsø Sjakklubb', 'kari@demo.frivillig.no');
    expect(club.status).toMatchObject({
      'registrer-frivillighetsregisteret': 'done',
      'opprett-bankkonto': 'done',
      'meld-grasrotandel': 'done',
      'sok-momskompensasjon': 'not-started',
      'hold-arsmote': 'done',
      'oppdater-register-etter-arsmote': 'not-started',
    });
    const gain = await readProvenanceSummary(ctx.database.db, { organisationId: club.orgId });
    expect(gain.bySource.map((s) => s.source)).toEqual(expect.arrayContaining(['enhetsregisteret', 'frivillighetsregisteret']));

    const employer = await planOf('Fjellstien Turlag', 'ingrid@demo.frivillig.no');
    expect(employer.status).toMatchObject({
      'registrer-arbeidsgiver': 'done',
      'registrer-mva': 'done',
      'a-melding': 'not-started',
      'registrer-frivillighetsregisteret': 'not-started',
      'sok-momskompensasjon': 'cannot-start',
      innsamlingskontrollen: 'not-started',
    });

    const closing = await planOf('Gamle Stavanger Historielag', 'ingrid@demo.frivillig.no');
    expect(closing.status).toMatchObject({
      'vedta-opplosning': 'done',
      avviklingsperiode: 'in-progress',
      'ekstraordinaert-arsmote-sletting': 'cannot-start',
      'meld-sletting': 'cannot-start',
    });
  });
});
