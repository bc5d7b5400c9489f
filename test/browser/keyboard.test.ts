import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, PASSWORD, registerLocal, startBrowserHarness } from './helpers.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

/** Tag, id and text of the focused element (page-side code as a string: tsconfig has no DOM lib). */
const focused = (page: Page) =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    return el ? { tag: el.tagName.toLowerCase(), id: el.id, text: (el.textContent || '').trim(), className: String(el.className) } : null;
  })()`) as Promise<{ tag: string; id: string; text: string; className: string } | null>;

describe('journey: keyboard only', () => {
  it('the skip link is the first Tab stop, becomes visible and moves focus to main', async () => {
    const page = await h.newPage();
    for (const path of ['/', '/logg-inn', '/om']) {
      await h.visit(page, path);
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first, `first Tab stop on ${path}`).toMatchObject({ tag: 'a', text: 'Hopp til hovedinnhold' });
      expect(first?.className).toContain('ds-skip-link');
      // Visible while focused (it is off-screen otherwise).
      const box = await page.locator('.ds-skip-link').boundingBox();
      expect(box && box.width > 10 && box.height > 10 && box.y >= 0 && box.x >= 0).toBe(true);
      await page.keyboard.press('Enter');
      await expect(focused(page)).resolves.toMatchObject({ tag: 'main', id: 'main' });
      expect(new URL(page.url()).hash).toBe('#main');
    }
  });

  it('signs in and creates an organisation with the keyboard alone', async () => {
    const setup = await h.newPage();
    await registerLocal(h, setup, { name: 'Tastatur Tone', email: 'tone@example.no' });

    const page = await h.newPage();
    await h.visit(page, '/logg-inn');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // skip link → main
    // From main, the next stop is the first field of the sign-in form.
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'input', id: 'email' });
    await page.keyboard.type('tone@example.no');
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'input', id: 'password' });
    await page.keyboard.type(PASSWORD);
    await h.navigate(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/arbeidsrom');

    // Tab to the "create" link and follow it.
    let guard = 0;
    while ((await focused(page))?.text !== 'Opprett et arbeidsrom for en organisasjon') {
      await page.keyboard.press('Tab');
      if (++guard > 30) throw new Error('never reached the create link by Tab');
    }
    await h.navigate(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/arbeidsrom/ny');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ id: 'name' });
    await page.keyboard.type('Tastaturklubben');
    await page.keyboard.press('Tab'); // into the radio group
    await expect(focused(page)).resolves.toMatchObject({ tag: 'input', id: 'registered' });
    await page.keyboard.press('Space'); // choose "no"
    await expect(page.getByLabel('Nei, vi er en gruppe med en idé eller har ikke registrert oss ennå').isChecked()).resolves.toBe(true);
    // With "no" chosen the hidden orgnr field is skipped; the next stop is the submit button.
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'button', text: 'Opprett arbeidsrom' });
    await h.navigate(page, () => page.keyboard.press('Enter'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Tastaturklubben');
  });
});
