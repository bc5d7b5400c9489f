import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { memberships, organisations } from '../../core/db/schema.ts';
import { ALL_CANONICAL_TASK_IDS, PHASE_SLUGS, repositoryLifeEventMap } from './life-event-map.content.ts';

/** The public pages of the life-event map, in bokmål and nynorsk (English shows the bokmål content). */
describe(`life-event map pages (${engineUnderTest})`, () => {
  let ctx: TestContext;
  const map = repositoryLifeEventMap();

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  const page = async (path: string, lang = 'nb', client = ctx.client()) => {
    const res = await client.get(path, { 'accept-language': lang });
    return { status: res.status, html: await res.text(), res };
  };

  describe('overview /livshendelse', () => {
    it('lists the six phases and links every task to its place on its phase page (bokmål)', async () => {
      const { status, html } = await page('/livshendelse');
      expect(status).toBe(200);
      expect(html).toContain('<h1 class="ds-heading" data-size="lg">Starte og drive en frivillig organisasjon</h1>');
      for (const [i, phase] of map.phases.entries()) {
        expect(html).toContain(`href="/livshendelse/${phase.slug}">Fase ${i + 1}: ${phase.title.nb}</a>`);
        for (const task of phase.tasks) expect(html).toContain(`href="/livshendelse/${phase.slug}#${task.id}"`);
      }
      expect(html).toContain('Utenfor livshendelsen');
      expect(html).toContain('Starte og drive en bedrift');
      expect(html).toContain('href="/ide"');
      // Anonymous readers get no editing links.
      expect(html).not.toContain('/livshendelse/rediger');
    });

    it('is in nynorsk for a nynorsk reader', async () => {
      const { status, html } = await page('/livshendelse', 'nn');
      expect(status).toBe(200);
      expect(html).toContain('<html lang="nn"');
      expect(html).toContain('Starte og drive ein frivillig organisasjon');
      expect(html).toContain('Utanfor livshendinga');
      expect(html).toContain(map.phases[1]!.tasks.find((t) => t.id === 'hold-stiftelsesmote')!.title.nn);
      expect(html).not.toContain('Hold stiftelsesmøte');
    });

    it('marks the Norwegian content as bokmål on English pages', async () => {
      const { html } = await page('/livshendelse', 'en');
      expect(html).toContain('<html lang="en"');
      expect(html).toContain(`lang="nb">${map.phases[0]!.summary.nb}</p>`);
    });
  });

  describe('phase pages /livshendelse/<phase>', () => {
    for (const lang of ['nb', 'nn'] as const) {
      it(`every phase page shows its steps with owner, rules, cost, time and links (${lang})`, async () => {
        for (const [i, phase] of map.phases.entries()) {
          const { status, html } = await page(`/livshendelse/${phase.slug}`, lang);
          expect(status, phase.slug).toBe(200);
          expect(html).toContain(lang === 'nb' ? `Fase ${i + 1} av 6` : `Fase ${i + 1} av 6`);
          for (const task of phase.tasks) {
            expect(html).toContain(`id="${task.id}"`);
            expect(html).toContain(task.title[lang]);
            expect(html).toContain(task.cost[lang]);
            for (const rule of task.rules) expect(html).toContain(rule.title[lang]);
            for (const link of task.links) expect(html).toContain(`href="${link.href}"`);
          }
          // Details are closed until asked for (they open without JavaScript: <details>, or "show all").
          expect(html).toContain('<details class="ds-details">');
          expect(html).not.toContain('<details class="ds-details" open');
        }
      });
    }

    it('numbers steps GOV.UK-style: an "and" step shares the number of the step before it', async () => {
      const { html } = await page('/livshendelse/starte');
      const enhet = html.indexOf('id="registrer-enhetsregisteret"');
      const frr = html.indexOf('id="registrer-frivillighetsregisteret"');
      expect(html.slice(enhet, frr)).toContain('<span class="ds-sr-only">Steg </span>3');
      expect(html.slice(frr, frr + 400)).toContain('og<span class="ds-sr-only"> (hører til steg 3)</span>');
    });

    it('says plainly what is uncertain, and what a rule is based on', async () => {
      const { html } = await page('/livshendelse/starte');
      expect(html).toContain('Forskrift 5.12.2022 nr. 2124 om grasrotandel');
      expect(html).toContain('Ikke bekreftet');
      expect(html).toContain('Usikkert:');
      const drive = (await page('/livshendelse/drive')).html;
      expect(drive).toContain('Forskrift 23.10.2018 nr. 1600');
      expect(drive).toContain('Politiregisterloven § 39 første ledd og politiregisterforskriften § 34-1');
    });

    it('"show all" is a link that opens every step without JavaScript', async () => {
      const { html } = await page('/livshendelse/drive?vis=alle');
      const open = html.match(/<details class="ds-details" open/g) ?? [];
      expect(open).toHaveLength(map.phases[2]!.tasks.length);
      expect(html).toContain('href="/livshendelse/drive">Skjul detaljene</a>');
    });

    it('links previous and next phase', async () => {
      const { html } = await page('/livshendelse/drive');
      expect(html).toContain('href="/livshendelse/starte" rel="prev"');
      expect(html).toContain('href="/livshendelse/rekruttere" rel="next"');
    });

    it('answers 404 for a phase that does not exist', async () => {
      expect((await page('/livshendelse/fase-7')).status).toBe(404);
    });

    it('/livshendelse/oppgave/<id> leads to the task wherever it is on the map', async () => {
      for (const id of ALL_CANONICAL_TASK_IDS) {
        const res = await ctx.app.request(`/livshendelse/oppgave/${id}`);
        expect(res.status).toBe(302);
        expect(res.headers.get('location')).toMatch(new RegExp(`^/livshendelse/(${PHASE_SLUGS.join('|')})#${id}$`));
      }
      expect((await ctx.app.request('/livshendelse/oppgave/finnes-ikke')).status).toBe(404);
    });
  });

  describe('links into the workspace tools', () => {
    it('send an anonymous reader to sign in, someone without a workspace to create one', async () => {
      const anonymous = (await page('/livshendelse/starte')).html;
      expect(anonymous).toContain('<a class="ds-link" href="/arbeidsrom">logg inn for å gjøre det i arbeidsrommet</a>');
      const user = await ctx.createUser();
      const client = ctx.client();
      await client.signInAs(user.id);
      const none = (await page('/livshendelse/starte', 'nb', client)).html;
      expect(none).toContain('<a class="ds-link" href="/arbeidsrom/ny">opprett et arbeidsrom først</a>');
    });

    it('go straight into the reader’s own workspace, one link per workspace when there are several', async () => {
      const user = await ctx.createUser();
      const db = ctx.database.db;
      const [a] = await db.insert(organisations).values({ name: 'Bygdelaget' }).returning();
      await db.insert(memberships).values({ organisationId: a!.id, userId: user.id, role: 'leader' });
      const client = ctx.client();
      await client.signInAs(user.id);
      const one = (await page('/livshendelse/starte', 'nb', client)).html;
      expect(one).toContain(`href="/arbeidsrom/${a!.id}/vedtekter"`);
      expect(one).toContain(`href="/arbeidsrom/${a!.id}/stiftelsesmote"`);
      expect(one).toContain(`href="/arbeidsrom/${a!.id}/registrering"`);
      expect(one).toContain('(Bygdelaget)');

      const [b] = await db.insert(organisations).values({ name: 'Sjakklubben' }).returning();
      await db.insert(memberships).values({ organisationId: b!.id, userId: user.id, role: 'member' });
      const two = (await page('/livshendelse/starte', 'nb', client)).html;
      expect(two).toContain(`href="/arbeidsrom/${a!.id}/vedtekter">Bygdelaget</a>`);
      expect(two).toContain(`href="/arbeidsrom/${b!.id}/vedtekter">Sjakklubben</a>`);
      // Tools that need no workspace link straight to their page.
      expect((await page('/livshendelse/ide', 'nb', client)).html).toContain('href="/ide/registrering"');
    });
  });
});
