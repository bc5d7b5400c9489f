import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { auditEvents, lifeEventMapRevisions } from '../../core/db/schema.ts';
import { lifeEventMapChangeSchema } from './life-event-map.changes.ts';
import { findTask, repositoryLifeEventMap } from './life-event-map.content.ts';
import { phaseToForm, taskToForm } from './life-event-map.schema.ts';
import { readCurrentLifeEventMap, readLifeEventMap } from './read-life-event-map.ts';
import { readLifeEventMapHistory } from './read-life-event-map-history.ts';
import { saveLifeEventMapRevision } from './save-life-event-map-revision.ts';

/**
 * Orchestrators edit the map in the app: every save is a revision (author, time, change note), validated by
 * the content schema, audited; the public pages show the newest; the history compares two revisions.
 */
describe(`editing the life-event map (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let orchestrator: TestClient;
  let orchestratorId: string;
  let other: TestClient;

  beforeAll(async () => {
    ctx = await createTestContext();
    const o = await ctx.createUser({ name: 'Olga Orkestrator', platformRoles: ['orchestrator'] });
    orchestratorId = o.id;
    orchestrator = ctx.client();
    await orchestrator.signInAs(o.id);
    const o2 = await ctx.createUser({ name: 'Otto Orkestrator', platformRoles: ['orchestrator'] });
    other = ctx.client();
    await other.signInAs(o2.id);
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    await ctx.database.db.delete(lifeEventMapRevisions);
    await ctx.database.db.delete(auditEvents);
  });

  /** Posts a form that may repeat a field (the owners checkboxes), with the CSRF token. */
  const post = async (client: TestClient, path: string, fields: Record<string, string>, owners: string[] = [], lang = 'nb') => {
    if (!client.cookies.has('frivillig_csrf')) await client.get('/');
    const body = new URLSearchParams(fields);
    for (const owner of owners) body.append('owners', owner);
    body.set('_csrf', client.cookies.get('frivillig_csrf') ?? '');
    return client.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': lang },
    });
  };
  const taskForm = (taskId: string, changes: Record<string, string>, base = '0') => {
    const task = findTask(repositoryLifeEventMap(), taskId)!.task;
    const form = taskToForm(task);
    const fields: Record<string, string> = { ...form.fields, base, changeNote: 'Presisert teksten', ...changes };
    return { fields, owners: form.owners };
  };
  const revisions = () => ctx.database.db.select().from(lifeEventMapRevisions).orderBy(lifeEventMapRevisions.number);

  describe('who may edit', () => {
    it('sends an anonymous reader to sign in, and refuses a signed-in person without the orchestrator role (403) on every page', async () => {
      const anonymous = await ctx.client().get('/livshendelse/rediger');
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toBe('/logg-inn?tilbake=%2Flivshendelse%2Frediger');

      const admin = await ctx.createUser({ platformRoles: ['administrator', 'public_official'] });
      const client = ctx.client();
      await client.signInAs(admin.id);
      for (const path of [
        '/livshendelse/rediger',
        '/livshendelse/rediger/oppgave/lag-vedtekter',
        '/livshendelse/rediger/fase/starte',
        '/livshendelse/rediger/fase/starte/ny-oppgave',
        '/livshendelse/rediger/aktorer',
      ]) {
        expect((await client.get(path)).status, path).toBe(403);
      }
      const { fields, owners } = taskForm('lag-vedtekter', { 'title.nb': 'Kapret' });
      for (const path of [
        '/livshendelse/rediger/oppgave/lag-vedtekter',
        '/livshendelse/rediger/fase/starte',
        '/livshendelse/rediger/aktorer',
      ]) {
        expect((await post(client, path, fields, owners)).status, path).toBe(403);
      }
      expect((await post(client, '/livshendelse/rediger/oppgave/forsikring/fjern', { base: '0', changeNote: 'x' })).status).toBe(403);
      expect(await revisions()).toHaveLength(0);
      // Administrators may read the history; others may not.
      expect((await client.get('/livshendelse/historikk')).status).toBe(200);
      const plain = await ctx.createUser();
      const plainClient = ctx.client();
      await plainClient.signInAs(plain.id);
      expect((await plainClient.get('/livshendelse/historikk')).status).toBe(403);
      expect((await plainClient.get('/livshendelse/historikk/sammenlign?fra=0&til=0')).status).toBe(403);
    });

    it('shows orchestrators the way to the editor from the public pages', async () => {
      const html = await (await orchestrator.get('/livshendelse')).text();
      expect(html).toContain('href="/livshendelse/rediger">Rediger innholdet</a>');
      expect(html).toContain('href="/livshendelse/historikk">Historikk</a>');
    });
  });

  describe('editing a task', () => {
    it('saves a new revision with author, time and note, audits it, and the public page shows it', async () => {
      const editor = await (await orchestrator.get('/livshendelse/rediger/oppgave/lag-vedtekter')).text();
      expect(editor).toContain('value="Lag vedtekter"');
      expect(editor).toContain('name="base" value="0"');

      const at = new Date('2026-03-02T10:00:00Z');
      ctx.setNow(at);
      const { fields, owners } = taskForm('lag-vedtekter', {
        'title.nb': 'Skriv vedtektene',
        'title.nn': 'Skriv vedtektene',
        'rules.2.title.nb': 'Lovnorm for idrettslag',
        'rules.2.title.nn': 'Lovnorm for idrettslag',
        'rules.2.certainty': 'secondary',
        changeNote: 'Kortere tittel, og lovnormen som regel',
      });
      const res = await post(orchestrator, '/livshendelse/rediger/oppgave/lag-vedtekter', fields, owners);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/livshendelse/rediger');
      expect(await (await orchestrator.get('/livshendelse/rediger')).text()).toContain('Endringen er lagret som versjon 1.');

      const [row] = await revisions();
      expect(row).toMatchObject({ number: 1, baseNumber: 0, authorUserId: orchestratorId, authorName: 'Olga Orkestrator', origin: 'edit' });
      expect(row!.changeNote).toBe('Kortere tittel, og lovnormen som regel');
      expect(row!.createdAt.toISOString()).toBe(at.toISOString());

      const map = await readLifeEventMap(ctx.database.db);
      const task = findTask(map, 'lag-vedtekter')!.task;
      expect(task.title).toEqual({ nb: 'Skriv vedtektene', nn: 'Skriv vedtektene' });
      expect(task.rules[2]).toEqual({ title: { nb: 'Lovnorm for idrettslag', nn: 'Lovnorm for idrettslag' }, certainty: 'secondary' });
      // Everything else is as it was.
      expect(task.summary).toEqual(findTask(repositoryLifeEventMap(), 'lag-vedtekter')!.task.summary);

      const [audit] = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'life_event_map.revised'));
      expect(audit).toMatchObject({ organisationId: null, actorUserId: orchestratorId });
      expect(audit!.details).toMatchObject({ revision: 1, baseRevision: 0, kind: 'task', taskId: 'lag-vedtekter' });

      const publicPage = await (await ctx.client().get('/livshendelse/starte')).text();
      expect(publicPage).toContain('Skriv vedtektene');
      expect(publicPage).not.toContain('>Lag vedtekter<');
      expect(await (await ctx.client().get('/livshendelse')).text()).toMatch(/Innholdet ble sist endret .* \(versjon 1\)/);
    });

    it('keeps the form and names each error in the reader’s language when the input is bad; nothing is written', async () => {
      const { fields, owners } = taskForm('opprett-bankkonto', {
        'title.nn': '   ',
        'links.0.label.nb': 'Banken',
        'links.0.label.nn': 'Banken',
        'links.0.href': 'http://bank.example.no',
        'rules.0.url': 'ikke en adresse',
        changeNote: '',
      });
      const res = await post(orchestrator, '/livshendelse/rediger/oppgave/opprett-bankkonto', fields, []);
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('data-error-summary');
      expect(html).toContain('href="#title-nn">Skriv teksten på nynorsk</a>');
      expect(html).toContain('href="#links-0-href">Adressen må begynne med https:// og ha et domene');
      expect(html).toContain('href="#rules-0-url">Adressen må begynne med https:// og ha et domene</a>');
      expect(html).toContain('href="#owners">Velg minst én aktør</a>');
      expect(html).toContain('href="#changeNote">Skriv et endringsnotat: hva du endret, og hvorfor</a>');
      // What was typed is still there.
      expect(html).toContain('value="http://bank.example.no"');
      expect(html).toContain('value="ikke en adresse"');
      expect(html).toContain(`value="${fields['title.nb']}"`);
      expect(html).toContain('aria-invalid="true"');
      expect(await revisions()).toHaveLength(0);
      void owners;

      const nn = await post(orchestrator, '/livshendelse/rediger/oppgave/opprett-bankkonto', fields, [], 'nn');
      expect(nn.status).toBe(422);
      const nnHtml = await nn.text();
      expect(nnHtml).toContain('Vel minst éin aktør');
      expect(nnHtml).toContain('Skriv eit endringsnotat');
    });

    it('points an error at the row it was typed in, even when a row above was cleared', async () => {
      const { fields, owners } = taskForm('lag-vedtekter', {
        // Clearing the first link removes it; the bad address is in the second row.
        'links.0.label.nb': '',
        'links.0.label.nn': '',
        'links.0.href': '',
        'links.1.label.nb': 'Mal',
        'links.1.label.nn': 'Mal',
        'links.1.href': 'ftp://mal.example.no',
      });
      const res = await post(orchestrator, '/livshendelse/rediger/oppgave/lag-vedtekter', fields, owners);
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('href="#links-1-href"');
    });

    it('refuses a save that changes nothing', async () => {
      const { fields, owners } = taskForm('forsikring', {});
      const res = await post(orchestrator, '/livshendelse/rediger/oppgave/forsikring', fields, owners);
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('Du har ikke endret noe');
      expect(await revisions()).toHaveLength(0);
    });

    it('refuses a save made from an older revision than the newest, keeping what was typed (409)', async () => {
      const first = taskForm('forsikring', { 'title.nb': 'Tenk på forsikring', changeNote: 'Olgas endring' });
      expect((await post(orchestrator, '/livshendelse/rediger/oppgave/forsikring', first.fields, first.owners)).status).toBe(303);
      const second = taskForm('forsikring', { 'title.nb': 'Forsikre laget', changeNote: 'Ottos endring' });
      const res = await post(other, '/livshendelse/rediger/oppgave/forsikring', second.fields, second.owners);
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(html).toContain('Noen andre har lagret en ny versjon mens du redigerte');
      expect(html).toContain('value="Forsikre laget"');
      // Saving again is now a deliberate choice: the form carries the newest revision.
      expect(html).toContain('name="base" value="1"');
      expect((await revisions()).map((r) => r.changeNote)).toEqual(['Olgas endring']);
      const again = await post(other, '/livshendelse/rediger/oppgave/forsikring', { ...second.fields, base: '1' }, second.owners);
      expect(again.status).toBe(303);
      expect((await revisions()).map((r) => r.number)).toEqual([1, 2]);
    });

    it('answers 404 for a task that does not exist', async () => {
      expect((await orchestrator.get('/livshendelse/rediger/oppgave/finnes-ikke')).status).toBe(404);
    });
  });

  describe('adding, removing and reordering tasks', () => {
    const newTask = {
      id: 'sok-kulturmidler',
      relation: 'step',
      'title.nb': 'Søk kommunale kulturmidler',
      'title.nn': 'Søk kommunale kulturmidlar',
      'summary.nb': 'Mange kommuner gir tilskudd til lag.',
      'summary.nn': 'Mange kommunar gir tilskot til lag.',
      'cost.nb': 'Gratis',
      'cost.nn': 'Gratis',
      'duration.nb': 'Varierer',
      'duration.nn': 'Varierer',
      'rules.0.certainty': 'uncertain',
      base: '0',
      changeNote: 'Kulturmidler fra kommunen',
    };

    it('adds a task at the end of a phase, and refuses an id that is taken or malformed', async () => {
      expect((await orchestrator.get('/livshendelse/rediger/fase/drive/ny-oppgave')).status).toBe(200);
      const res = await post(orchestrator, '/livshendelse/rediger/fase/drive/ny-oppgave', newTask, ['kommunen']);
      expect(res.status).toBe(303);
      const map = await readLifeEventMap(ctx.database.db);
      const found = findTask(map, 'sok-kulturmidler')!;
      expect(found.phase.slug).toBe('drive');
      expect(found.index).toBe(found.phase.tasks.length - 1);
      expect(found.task.owners).toEqual(['kommunen']);
      expect(await (await ctx.client().get('/livshendelse/drive')).text()).toContain('id="sok-kulturmidler"');

      const taken = await post(orchestrator, '/livshendelse/rediger/fase/ide/ny-oppgave', { ...newTask, base: '1' }, ['kommunen']);
      expect(taken.status).toBe(422);
      expect(await taken.text()).toContain('href="#id">Det finnes allerede en oppgave med denne id-en</a>');
      const bad = await post(orchestrator, '/livshendelse/rediger/fase/ide/ny-oppgave', { ...newTask, id: 'Søk Midler', base: '1' }, [
        'kommunen',
      ]);
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain('href="#id">Id-en kan bare ha små bokstaver a–z, tall og bindestrek</a>');
      expect(await revisions()).toHaveLength(1);
    });

    it('removes a task the orchestrators added, but never a canonical one', async () => {
      await post(orchestrator, '/livshendelse/rediger/fase/drive/ny-oppgave', newTask, ['kommunen']);
      const editPage = await (await orchestrator.get('/livshendelse/rediger/oppgave/sok-kulturmidler')).text();
      expect(editPage).toContain('action="/livshendelse/rediger/oppgave/sok-kulturmidler/fjern"');
      expect(await (await orchestrator.get('/livshendelse/rediger/oppgave/politiattest')).text()).not.toContain('/fjern"');

      const noNote = await post(orchestrator, '/livshendelse/rediger/oppgave/sok-kulturmidler/fjern', { base: '1', changeNote: '' });
      expect(noNote.status).toBe(422);
      expect(await noNote.text()).toContain('href="#remove-changeNote"');
      const removed = await post(orchestrator, '/livshendelse/rediger/oppgave/sok-kulturmidler/fjern', {
        base: '1',
        changeNote: 'Feil fase',
      });
      expect(removed.status).toBe(303);
      expect(findTask(await readLifeEventMap(ctx.database.db), 'sok-kulturmidler')).toBeNull();

      const canonical = await post(orchestrator, '/livshendelse/rediger/oppgave/politiattest/fjern', { base: '2', changeNote: 'Prøver' });
      expect(canonical.status).toBe(422);
      expect(await canonical.text()).toContain('Dette er en fast oppgave som planen viser til');
      expect(await revisions()).toHaveLength(2);
    });

    it('reorders a phase by the numbers typed, and explains what is wrong with the numbers', async () => {
      const phase = repositoryLifeEventMap().phases[4]!; // utvikle: endre-vedtekter, bli-medlem-paraply, sla-sammen
      const form = phaseToForm(phase);
      const res = await post(orchestrator, '/livshendelse/rediger/fase/utvikle', {
        ...form.fields,
        'order.sla-sammen': '1',
        'order.endre-vedtekter': '3',
        'order.bli-medlem-paraply': '2',
        base: '0',
        changeNote: 'Sammenslåing først',
      });
      expect(res.status).toBe(303);
      const after = (await readLifeEventMap(ctx.database.db)).phases[4]!.tasks.map((t) => t.id);
      expect(after).toEqual(['sla-sammen', 'bli-medlem-paraply', 'endre-vedtekter']);
      const html = await (await ctx.client().get('/livshendelse/utvikle')).text();
      expect(html.indexOf('id="sla-sammen"')).toBeLessThan(html.indexOf('id="endre-vedtekter"'));

      const bad = await post(orchestrator, '/livshendelse/rediger/fase/utvikle', {
        ...form.fields,
        'order.sla-sammen': 'først',
        base: '1',
        changeNote: 'Ny rekkefølge',
      });
      expect(bad.status).toBe(422);
      const badHtml = await bad.text();
      expect(badHtml).toContain('href="#order-sla-sammen">Skriv et helt tall fra 1 til 99</a>');
      expect(badHtml).toContain('value="først"');

      // "medlemsregister" is an "and" step: it cannot come first in its phase.
      const rekruttere = phaseToForm(repositoryLifeEventMap().phases[3]!);
      const andFirst = await post(orchestrator, '/livshendelse/rediger/fase/rekruttere', {
        ...rekruttere.fields,
        'order.medlemsregister': '1',
        'order.rekrutter-medlemmer': '2',
        base: '1',
        changeNote: 'Medlemsliste først',
      });
      expect(andFirst.status).toBe(422);
      expect(await andFirst.text()).toContain('href="#order-medlemsregister">Den første oppgaven i en fase må være et eget steg');
      expect(await revisions()).toHaveLength(1);
    });
  });

  describe('owners', () => {
    it('adds an owner and refuses to remove one a task still names', async () => {
      expect((await orchestrator.get('/livshendelse/rediger/aktorer')).status).toBe(200);
      const owners = repositoryLifeEventMap().owners;
      const fields: Record<string, string> = { base: '0', changeNote: 'Kulturrådet' };
      owners.forEach((o, i) => {
        fields[`owners.${i}.id`] = o.id;
        fields[`owners.${i}.name.nb`] = o.name.nb;
        fields[`owners.${i}.name.nn`] = o.name.nn;
        if (o.url) fields[`owners.${i}.url`] = o.url;
      });
      const n = owners.length;
      const added = await post(orchestrator, '/livshendelse/rediger/aktorer', {
        ...fields,
        [`owners.${n}.newId`]: 'kulturradet',
        [`owners.${n}.name.nb`]: 'Kulturrådet',
        [`owners.${n}.name.nn`]: 'Kulturrådet',
        [`owners.${n}.url`]: 'https://www.kulturradet.no',
      });
      expect(added.status).toBe(303);
      expect((await readLifeEventMap(ctx.database.db)).owners.at(-1)).toEqual({
        id: 'kulturradet',
        name: { nb: 'Kulturrådet', nn: 'Kulturrådet' },
        url: 'https://www.kulturradet.no',
      });

      const brreg = owners.findIndex((o) => o.id === 'brreg');
      const removeUsed = await post(orchestrator, '/livshendelse/rediger/aktorer', {
        ...fields,
        base: '1',
        [`owners.${brreg}.name.nb`]: '',
        [`owners.${brreg}.name.nn`]: '',
        [`owners.${brreg}.url`]: '',
        changeNote: 'Fjerner Brreg',
      });
      expect(removeUsed.status).toBe(422);
      expect(await removeUsed.text()).toContain(
        `href="#owners-${brreg}-name-nb">Aktøren kan ikke fjernes fordi en oppgave viser til den</a>`,
      );

      const duplicate = await post(orchestrator, '/livshendelse/rediger/aktorer', {
        ...fields,
        base: '1',
        [`owners.${n}.newId`]: 'brreg',
        [`owners.${n}.name.nb`]: 'Brreg igjen',
        [`owners.${n}.name.nn`]: 'Brreg igjen',
      });
      expect(duplicate.status).toBe(422);
      expect(await duplicate.text()).toContain(`href="#owners-${n}-newId">Det finnes allerede en aktør med denne id-en</a>`);
      expect(await revisions()).toHaveLength(1);
    });
  });

  describe('history and differences', () => {
    it('lists revisions and shows a readable word-level difference between two of them', async () => {
      const one = taskForm('politiattest', {
        'summary.nb': `${findTask(repositoryLifeEventMap(), 'politiattest')!.task.summary.nb} Husk å fornye attesten.`,
        changeNote: 'Om fornying',
      });
      await post(orchestrator, '/livshendelse/rediger/oppgave/politiattest', one.fields, one.owners);
      const two = taskForm(
        'politiattest',
        { 'cost.nb': 'Gratis for frivillige', 'cost.nn': 'Gratis for frivillige', base: '1', changeNote: 'Kostnad' },
        '1',
      );
      two.fields['summary.nb'] = one.fields['summary.nb']!;
      await post(other, '/livshendelse/rediger/oppgave/politiattest', two.fields, two.owners);

      const history = await (await orchestrator.get('/livshendelse/historikk')).text();
      expect(history).toContain('<caption>Versjoner</caption>');
      expect(history).toContain('Om fornying');
      expect(history).toContain('Otto Orkestrator');
      expect(history).toContain('href="/livshendelse/historikk/sammenlign?fra=1&amp;til=2"');

      const diff = await orchestrator.get('/livshendelse/historikk/sammenlign?fra=0&til=2');
      expect(diff.status).toBe(200);
      const html = await diff.text();
      expect(html).toContain('Endringer fra innholdet i kildekoden (versjon 0) til versjon 2');
      expect(html).toContain('Oppgave: Be om politiattest');
      expect(html).toContain('Hva og hvorfor (bokmål)');
      expect(html).toMatch(/<ins><span class="ds-sr-only">\[lagt til: <\/span>\s*Husk å fornye attesten\./);
      expect(html).toContain('Kostnad (bokmål)');
      expect(html).toMatch(/<del><span class="ds-sr-only">\[fjernet: <\/span>Ikke kontrollert – se politiet\.no/);
      expect(html).toContain('Om fornying');
      expect(html).toContain('Kostnad');

      const none = await (await orchestrator.get('/livshendelse/historikk/sammenlign?fra=2&til=2')).text();
      expect(none).toContain('Det er ingen forskjell mellom de to versjonene.');

      const history2 = await readLifeEventMapHistory(ctx.deps, {
        user: { id: orchestratorId, name: 'Olga', email: null, platformRoles: ['orchestrator'], sessionIdHash: '' },
      });
      expect(history2.map((r) => r.number)).toEqual([2, 1]);
    });

    it('says which revision does not exist, or what is wrong with the numbers (400)', async () => {
      const unknown = await orchestrator.get('/livshendelse/historikk/sammenlign?fra=0&til=9');
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).toContain('href="#til">Versjonen finnes ikke</a>');
      const bad = await orchestrator.get('/livshendelse/historikk/sammenlign?fra=en&til=');
      expect(bad.status).toBe(400);
      const html = await bad.text();
      expect(html).toContain('href="#fra">Velg en versjon</a>');
      expect(html).toContain('href="#til">Velg en versjon</a>');
    });
  });

  describe('a proposal becomes a revision (for the ecosystem issue)', () => {
    it('a stored change, parsed by the change schema, is saved with origin "proposal" and its reference', async () => {
      const task = findTask(repositoryLifeEventMap(), 'forsikring')!.task;
      const stored = JSON.parse(
        JSON.stringify({
          kind: 'task',
          taskId: 'forsikring',
          task: { ...task, summary: { nb: 'Forslag på bokmål.', nn: 'Forslag på nynorsk.' } },
        }),
      ) as unknown;
      const change = lifeEventMapChangeSchema.parse(stored);
      const user = {
        id: orchestratorId,
        name: 'Olga Orkestrator',
        email: null,
        platformRoles: ['orchestrator' as const],
        sessionIdHash: '',
      };
      const { revision } = await saveLifeEventMapRevision(ctx.deps, {
        user,
        baseRevision: 0,
        changeNote: 'Forslag fra Frivillighet Norge',
        change,
        origin: { kind: 'proposal', proposalRef: 'forslag-42' },
      });
      expect(revision).toBe(1);
      const [row] = await revisions();
      expect(row).toMatchObject({ origin: 'proposal', proposalRef: 'forslag-42', authorName: 'Olga Orkestrator' });
      expect(findTask(await readLifeEventMap(ctx.database.db), 'forsikring')!.task.summary.nb).toBe('Forslag på bokmål.');
      const history = await (await orchestrator.get('/livshendelse/historikk')).text();
      expect(history).toContain('Olga Orkestrator (fra et forslag)');
      // Only orchestrators can accept: the same call without the role is refused and writes nothing.
      await expect(
        saveLifeEventMapRevision(ctx.deps, { user: { ...user, platformRoles: [] }, baseRevision: 1, changeNote: 'x', change }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      expect(await revisions()).toHaveLength(1);
    });
  });

  describe('stored revisions the current schema does not accept', () => {
    const insert = (content: unknown) =>
      ctx.database.db.insert(lifeEventMapRevisions).values({
        number: 1,
        baseNumber: 0,
        content,
        changeNote: 'gammel',
        authorName: 'Noen',
      });

    it('get the canonical tasks a newer repository copy added, at the end of their phase', async () => {
      const old = repositoryLifeEventMap();
      old.phases[2]!.tasks = old.phases[2]!.tasks.filter((t) => t.id !== 'forsikring');
      old.phases[2]!.tasks[0]!.title.nb = 'Årsmøtet';
      await insert(old);
      const current = await readCurrentLifeEventMap(ctx.database.db);
      expect(current.notice).toBe('completed');
      expect(current.revision).toBe(1);
      expect(current.map.phases[2]!.tasks.at(-1)!.id).toBe('forsikring');
      expect(current.map.phases[2]!.tasks[0]!.title.nb).toBe('Årsmøtet');
      expect(await (await orchestrator.get('/livshendelse/rediger')).text()).toContain('Versjon 1 manglet oppgaver som nå er faste');
    });

    it('fall back to the repository copy when they cannot be read, and the editor says so', async () => {
      await insert({ phases: 'ødelagt' });
      const current = await readCurrentLifeEventMap(ctx.database.db);
      expect(current).toMatchObject({ notice: 'invalid', revision: 0, latestStored: 1 });
      expect(current.map).toEqual(repositoryLifeEventMap());
      expect((await ctx.client().get('/livshendelse/starte')).status).toBe(200);
      expect(await (await orchestrator.get('/livshendelse/rediger')).text()).toContain('Versjon 1 oppfyller ikke lenger kravene');
      // An edit now builds on the repository copy and becomes revision 2.
      const { fields, owners } = taskForm('forsikring', { 'title.nb': 'Forsikring', base: '1' }, '1');
      expect((await post(orchestrator, '/livshendelse/rediger/oppgave/forsikring', fields, owners)).status).toBe(303);
      expect((await readCurrentLifeEventMap(ctx.database.db)).revision).toBe(2);
      const compare = await orchestrator.get('/livshendelse/historikk/sammenlign?fra=1&til=2');
      expect(compare.status).toBe(400);
      expect(await compare.text()).toContain('Versjonen kan ikke vises fordi den ikke oppfyller dagens krav til innholdet');
    });
  });
});
