import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/core/db/schema.ts';
import { recordFormProvenance } from '../../src/core/prefill/provenance.ts';
import { takeGainsSnapshot } from '../../src/features/gains/snapshot-gains.ts';
import { type BrowserHarness, startBrowserHarness } from './helpers.ts';

/**
 * The gains dashboard (/okosystem/gevinster) in the browser: reached from the ecosystem overview, with
 * figures (some withheld under the small-count rule), charts and tables; at 320 px and in nynorsk. axe runs
 * on every page.
 */
let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.database.db;
  // Six organisations saved a form where the platform filled in the name; one of them also typed a field.
  for (let i = 0; i < 6; i++) {
    const [org] = await db
      .insert(organisations)
      .values({ name: `Lag ${i}`, phase: 2 })
      .returning({ id: organisations.id });
    await recordFormProvenance(db, {
      organisationId: org!.id,
      userId: null,
      form: 'statutes',
      prefilled: { name: { value: `Lag ${i}`, source: 'workspace' } },
      submitted: { name: `Lag ${i}`, ...(i === 0 ? { purpose: 'Dugnad' } : {}) },
    });
  }
  await takeGainsSnapshot(h.deps);
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const width = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

describe('journey: the gains dashboard', () => {
  it('from the overview to the dashboard: figures with definitions, charts and tables', async () => {
    const page = await h.newPage();
    await h.visit(page, '/okosystem');
    await h.navigate(page, () => page.getByRole('link', { name: 'Se gevinstene målt med tall fra plattformen' }).click());
    expect(new URL(page.url()).pathname).toBe('/okosystem/gevinster');
    await expect(h1(page)).resolves.toBe('Gevinster');
    const fields = page.getByRole('region', { name: 'Skjemafelt plattformen fylte ut' });
    await expect(fields.getByText('I alt: 6').count()).resolves.toBe(1);
    await expect(fields.getByRole('img', { name: 'Skjemafelt plattformen fylte ut per måned' }).count()).resolves.toBe(1);
    await expect(
      fields.getByRole('table', { name: 'Skjemafelt plattformen fylte ut, per måned de siste 12 månedene' }).count(),
    ).resolves.toBe(1);
    await expect(fields.getByText('Hva telles').count()).resolves.toBe(1);
    // Six workspaces are not in the register mirror; the snapshot says 0 and the plans' schemes are counted.
    const linked = page.getByRole('region', { name: 'Arbeidsrom koblet til registrene' });
    await expect(linked.getByText(/Siste måling \(.+\): 0/).count()).resolves.toBe(1);
    await expect(
      page.getByRole('region', { name: 'Registermeldinger sendt elektronisk' }).getByText('Ingen data ennå', { exact: false }).count(),
    ).resolves.toBe(1);
  });

  it('at 320 px the page fits without sideways scrolling', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 } });
    await h.visit(page, '/okosystem/gevinster');
    expect(await width(page)).toBeLessThanOrEqual(320);
  });

  it('in nynorsk', async () => {
    const page = await h.newPage();
    await h.visit(page, '/sprak?lang=nn&tilbake=%2Fokosystem%2Fgevinster');
    await expect(h1(page)).resolves.toBe('Gevinstar');
    await expect(page.getByRole('heading', { name: 'Mindre administrasjon for organisasjonane' }).count()).resolves.toBe(1);
    await expect(page.getByText('Kva blir tald').first().count()).resolves.toBe(1);
  });
});
