import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { loadConfig } from '../../core/config.ts';
import type { Database } from '../../core/db/client.ts';
import { registerEnheter, registerQuarantine } from '../../core/db/schema.ts';
import { createLogger } from '../../core/logger.ts';
import { bulkGzipStream } from '../registry-double/bulk.ts';
import type { MalformedKind } from '../registry-double/faults.ts';
import { Registry } from '../registry-double/registry.ts';
import { importEnheter } from './import-enheter.ts';
import { ImportFailedError } from './import-errors.ts';
import { prepareEnhet, prepareFrivillig, rollerResponseSchema } from './import-records.ts';

/**
 * The importer against the register double's generated data (the documented shapes, brief §1.2, §1.6, §2.3):
 * everything the double produces is accepted, and its spoiled records are quarantined for the right reason.
 */
let database: Database;
let dir: string;
const registry = new Registry({ seed: 'import-test', units: 1200 });
const deps = () => ({ database, logger: createLogger('silent'), config: loadConfig({ NODE_ENV: 'test' }), now: () => new Date() });

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'frivillig-import-double-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function bulkFile(name: string, malformed = new Map<number, MalformedKind>()): Promise<string> {
  const path = join(dir, name);
  await pipeline(bulkGzipStream(registry, { malformed }), createWriteStream(path));
  return path;
}

describe('importing the register double', () => {
  it('accepts every unit, FRR record and roles answer the double generates', () => {
    for (let i = 0; i < registry.units; i++) {
      const checked = prepareEnhet(registry.enhet(i, 'snapshot'));
      expect(checked.ok ? '' : `${i}: ${checked.reason}`).toBe('');
      const roles = registry.roller(i, 'snapshot');
      if (roles) expect(rollerResponseSchema.safeParse(roles).success, `roles of ${i}`).toBe(true);
    }
    let frr = 0;
    for (let i = 0; i < registry.units; i++) {
      const record = registry.frivillig(i, 'snapshot');
      if (!record) continue;
      frr++;
      const checked = prepareFrivillig(record);
      expect(checked.ok ? '' : `${i}: ${checked.reason}`).toBe('');
    }
    expect(frr).toBeGreaterThan(0);
  });

  it("imports the double's bulk file, quarantining exactly its spoiled records", async () => {
    const malformed = new Map<number, MalformedKind>([
      [3, 'invalid-orgnr'],
      [10, 'missing-field'],
      [20, 'bad-date'],
      [30, 'wrong-type'],
      [40, 'not-an-object'],
    ]);
    const result = await importEnheter(deps(), { source: await bulkFile('bulk.json.gz', malformed), batchSize: 250 });
    expect(result).toMatchObject({ status: 'completed', read: registry.units, inserted: registry.units - 5, quarantined: 5 });

    const bad = await database.db
      .select()
      .from(registerQuarantine)
      .orderBy(asc(sql`${registerQuarantine.position}::int`));
    expect(bad.map((q) => q.position)).toEqual(['3', '10', '20', '30', '40']);
    expect(bad.map((q) => q.reason)).toEqual([
      expect.stringMatching(/organisasjonsnummer: fails the MOD11 check/),
      expect.stringMatching(/navn/),
      expect.stringMatching(/registreringsdatoEnhetsregisteret/),
      expect.stringMatching(/antallAnsatte/),
      expect.stringMatching(/not a JSON object/),
    ]);

    // Derived columns agree with the records.
    const sample = registry.enhet(0, 'snapshot');
    const [row] = await database.db.select().from(registerEnheter).where(sql`${registerEnheter.orgnr} = ${sample.organisasjonsnummer}`);
    expect(row).toMatchObject({
      navn: sample.navn,
      organisasjonsform: sample.organisasjonsform.kode,
      kommunenummer: sample.forretningsadresse?.kommunenummer ?? sample.postadresse?.kommunenummer ?? null,
      registrertIFrivillighetsregisteret: sample.registrertIFrivillighetsregisteret,
    });
  });

  it('a record cut off in the middle of the file breaks the file: a clear error, register_enheter unchanged', async () => {
    const before = await database.db.select({ orgnr: registerEnheter.orgnr, hash: registerEnheter.dataHash }).from(registerEnheter);
    const file = await bulkFile('cut.json.gz', new Map([[600, 'truncated-json']]));
    const outcome = await importEnheter(deps(), { source: file, batchSize: 250 }).catch((e) => e);
    // Half a record leaves an open string or bracket: either the rest of the file is swallowed (an error) or
    // the damage closes within a few elements (those are quarantined). Never a silent loss.
    if (outcome instanceof ImportFailedError) {
      expect(outcome.message).toMatch(/truncated or corrupt|larger than/);
      expect(await database.db.select({ orgnr: registerEnheter.orgnr, hash: registerEnheter.dataHash }).from(registerEnheter)).toEqual(
        before,
      );
    } else {
      expect(outcome.quarantined).toBeGreaterThan(0);
      expect(outcome.read + outcome.quarantined).toBeGreaterThan(0);
    }
  });
});
