import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest } from '../../../test/helpers/database.ts';
import type { Database } from '../../core/db/client.ts';
import { fylker, icnpoKategorier, kommuner, organisasjonsformer, rolletyper } from '../../core/db/schema.ts';

describe(`reference data in the database (${engineUnderTest})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const n = async (table: typeof fylker | typeof kommuner | typeof icnpoKategorier | typeof organisasjonsformer | typeof rolletyper) =>
    Number((await database.db.select({ n: count() }).from(table))[0]!.n);

  it('has 357 kommuner in 15 fylker (2024)', async () => {
    expect(await n(kommuner)).toBe(357);
    expect(await n(fylker)).toBe(15);
    const [vestland] = await database.db.select({ n: count() }).from(kommuner).where(eq(kommuner.fylkesnummer, '46'));
    expect(Number(vestland!.n)).toBe(43);
  });

  it('has ICNPO with 14 main and 32 sub-categories', async () => {
    expect(await database.db.select({ n: count() }).from(icnpoKategorier).where(eq(icnpoKategorier.erHovedkategori, true))).toEqual([
      { n: 14 },
    ]);
    expect(await database.db.select({ n: count() }).from(icnpoKategorier).where(eq(icnpoKategorier.erHovedkategori, false))).toEqual([
      { n: 32 },
    ]);
    const [idrett] = await database.db.select().from(icnpoKategorier).where(eq(icnpoKategorier.nummer, '1200'));
    expect(idrett).toMatchObject({ navn: 'Idrett', hovedkategori: '1' });
  });

  it('has organisation forms and role types', async () => {
    const [fli] = await database.db.select().from(organisasjonsformer).where(eq(organisasjonsformer.kode, 'FLI'));
    expect(fli?.beskrivelse).toBe('Forening/lag/innretning');
    expect(await n(organisasjonsformer)).toBe(44);
    const [lede] = await database.db.select().from(rolletyper).where(eq(rolletyper.kode, 'LEDE'));
    expect(lede).toMatchObject({ nb: 'Styrets leder', relevantForFrivillige: true });
  });
});
