import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, startBrowserHarness } from './helpers.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

// The journeys trust these checks, so prove they can fail.
describe('browser harness', () => {
  it('reports axe violations readably', async () => {
    const page = await h.newPage();
    await h.visit(page, '/');
    // tsconfig has no DOM lib (server code must not use it), so page-side code is passed as a string.
    await page.evaluate(`document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/static/none.png' }))`);
    const failure = await h.checkA11y(page).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/accessibility violation\(s\) on http:\/\/127\.0\.0\.1:\d+\//);
    expect(failure).toContain('image-alt');
    expect(failure).toContain('<img src="/static/none.png">');
  });

  it('checks pages in a context without JavaScript too', async () => {
    const page = await h.newPage({ javaScriptEnabled: false });
    await h.visit(page, '/');
    await page.evaluate(`document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/static/none.png' }))`);
    await expect(h.checkA11y(page)).rejects.toThrow(/image-alt/);
  });

  it('notices a page that was loaded but never checked', async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/om`);
    expect(() => h.assertEveryPageChecked()).toThrow(/never checked with axe:\n.*\/om/);
  });
});
