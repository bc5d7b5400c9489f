import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import type { Database, Db } from '../db/client.ts';
import { formFieldProvenance, organisations, users } from '../db/schema.ts';
import { classifyFields, readPlatformProvenanceTotals, readProvenanceSummary, recordFormProvenance } from './provenance.ts';

describe('classifyFields', () => {
  it('kept prefill → prefilled, changed → corrected, no prefill → typed, absent/empty without prefill → nothing', () => {
    const rows = classifyFields(
      {
        name: { value: 'Bygdelaget', source: 'enhetsregisteret' },
        kommune: { value: '3403', source: 'workspace' },
        employees: { value: '2', source: 'enhetsregisteret' },
        bank: { value: null, source: 'frivillighetsregisteret' },
        purpose: { value: 'Kultur', source: 'statutes' },
      },
      {
        name: '  Bygdelaget ', // whitespace is not a correction
        kommune: '3405',
        employees: '',
        bank: '12345678903',
        members: '40',
        email: '',
        notOnForm: undefined,
      },
    );
    expect(rows).toEqual([
      { field: 'name', outcome: 'prefilled', source: 'enhetsregisteret' },
      { field: 'kommune', outcome: 'corrected', source: 'workspace' },
      { field: 'employees', outcome: 'corrected', source: 'enhetsregisteret' },
      // a prefill that knew nothing is no prefill
      { field: 'bank', outcome: 'typed', source: null },
      { field: 'members', outcome: 'typed', source: null },
    ]);
  });
});

describe('recordFormProvenance and the summaries', () => {
  let database: Database;
  let db: Db;
  let orgA: string;
  let orgB: string;
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    const [user] = await db.insert(users).values({ name: 'Kari', email: 'kari@test.frivillig.no' }).returning();
    userId = user!.id;
    const [a] = await db.insert(organisations).values({ name: 'A-laget' }).returning();
    const [b] = await db.insert(organisations).values({ name: 'B-laget' }).returning();
    orgA = a!.id;
    orgB = b!.id;
  });
  afterAll(() => database.close());

  it('counts per organisation by form and by source, and platform totals with since', async () => {
    await recordFormProvenance(db, {
      organisationId: orgA,
      userId,
      form: 'organisation-facts',
      prefilled: { employees: { value: '0', source: 'enhetsregisteret' }, frr: { value: 'yes', source: 'frivillighetsregisteret' } },
      submitted: { employees: '0', frr: 'no', members: '25' },
      at: new Date('2026-01-10T10:00:00Z'),
    });
    await recordFormProvenance(db, {
      organisationId: orgA,
      userId,
      form: 'statutes',
      prefilled: { name: { value: 'A-laget', source: 'workspace' } },
      submitted: { name: 'A-laget', purpose: 'Korps' },
      at: new Date('2026-02-10T10:00:00Z'),
    });
    await recordFormProvenance(db, {
      organisationId: orgB,
      userId: null,
      form: 'statutes',
      prefilled: {},
      submitted: { name: 'B-laget' },
      at: new Date('2026-03-10T10:00:00Z'),
    });

    const a = await readProvenanceSummary(db, { organisationId: orgA });
    expect(a.totals).toEqual({ prefilled: 2, corrected: 1, typed: 2 });
    expect(a.submissions).toBe(2);
    expect(a.byForm).toEqual([
      { form: 'organisation-facts', prefilled: 1, corrected: 1, typed: 1, submissions: 1 },
      { form: 'statutes', prefilled: 1, corrected: 0, typed: 1, submissions: 1 },
    ]);
    expect(a.bySource).toEqual([
      { source: 'enhetsregisteret', prefilled: 1, corrected: 0 },
      { source: 'frivillighetsregisteret', prefilled: 0, corrected: 1 },
      { source: 'workspace', prefilled: 1, corrected: 0 },
    ]);

    const all = await readPlatformProvenanceTotals(db);
    expect(all.organisations).toBe(2);
    expect(all.totals).toEqual({ prefilled: 2, corrected: 1, typed: 3 });
    const recent = await readPlatformProvenanceTotals(db, { since: new Date('2026-02-01T00:00:00Z') });
    expect(recent.organisations).toBe(2);
    expect(recent.totals).toEqual({ prefilled: 1, corrected: 0, typed: 2 });
    expect(recent.byForm).toEqual([{ form: 'statutes', prefilled: 1, corrected: 0, typed: 2, submissions: 2 }]);
  });

  it('an organisation with nothing recorded has zero figures', async () => {
    const [c] = await db.insert(organisations).values({ name: 'C-laget' }).returning();
    const summary = await readProvenanceSummary(db, { organisationId: c!.id });
    expect(summary).toEqual({ totals: { prefilled: 0, corrected: 0, typed: 0 }, submissions: 0, byForm: [], bySource: [] });
  });

  it('writes within the caller transaction: a rolled-back save leaves no figures', async () => {
    const [d] = await db.insert(organisations).values({ name: 'D-laget' }).returning();
    await expect(
      db.transaction(async (tx) => {
        await recordFormProvenance(tx as unknown as Db, {
          organisationId: d!.id,
          userId,
          form: 'statutes',
          prefilled: {},
          submitted: { name: 'D-laget' },
        });
        throw new Error('the form save failed');
      }),
    ).rejects.toThrow('the form save failed');
    const rows = await db.select().from(formFieldProvenance).where(eq(formFieldProvenance.organisationId, d!.id));
    expect(rows).toEqual([]);
  });

  it('never stores the submitted values', async () => {
    const [e] = await db.insert(organisations).values({ name: 'E-laget' }).returning();
    await recordFormProvenance(db, {
      organisationId: e!.id,
      userId,
      form: 'registration',
      prefilled: {},
      submitted: { contactEmail: 'secret-value@example.no' },
    });
    const rows = await db.select().from(formFieldProvenance).where(eq(formFieldProvenance.organisationId, e!.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('secret-value');
  });
});
