import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { auditEvents, calendarFeeds, calendarReminderSubscriptions, registerFrivillige, statutesVersions } from '../../core/db/schema.ts';
import { createLogger } from '../../core/logger.ts';
import { testOrgnr } from '../register/import-fixtures.ts';
import {
  addMember,
  adoptStatutes,
  putInFrivillighetsregisteret,
  registeredOrganisation,
  removeFromFrivillighetsregisteret,
} from './calendar.test-fixtures.ts';
import { parseIcs, prop, unescapeText } from './ics-parser.test-helper.ts';

const ORGNR = testOrgnr(401);

describe(`årshjul page, feed and reminder switch (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let organisationId: string;
  let leader: TestClient;
  let member: TestClient;

  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.setNow(new Date('2025-08-18T10:00:00Z'));
    const org = await registeredOrganisation(ctx, { name: 'Sjakklubben Løperen', orgnr: ORGNR });
    organisationId = org.organisationId;
    leader = org.client;
    member = (await addMember(ctx, organisationId, { name: 'Mona Medlem' })).client;
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    await ctx.database.db.delete(registerFrivillige);
    await ctx.database.db.delete(statutesVersions);
    await ctx.database.db.delete(calendarFeeds);
    await ctx.database.db.delete(calendarReminderSubscriptions);
  });

  const page = async (client: TestClient = member) => {
    const res = await client.get(`/arbeidsrom/${organisationId}/arshjul`);
    expect(res.status).toBe(200);
    return res.text();
  };

  it('shows any member the coming twelve months by month, each with why, rule and sources', async () => {
    const html = await page();
    expect(html).toContain('<h1 class="ds-heading" data-size="lg">Årshjul</h1>');
    expect(html).toContain('Mars 2026');
    expect(html).toContain('Siste frist for årsmøtet');
    expect(html).toContain('<time datetime="2026-03-31">tirsdag 31. mars</time>');
    expect(html).toContain('Send innkalling til årsmøtet');
    expect(html).toContain('<time datetime="2026-03-01">søndag 1. mars</time>');
    expect(html).toContain('Meld det nye styret til registrene');
    expect(html).toContain('Anbefalt dato');
    expect(html).toContain('Lovnorm for idrettslag § 14');
    expect(html).toContain('frist og varsler for årsmøtet (fra standardverdi)');
    expect(html).toContain('registrert i Enhetsregisteret (fra arbeidsrommet)');
    expect(html).toContain('bygger på lovnormen for idrettslag');
    expect(html).toContain('href="/livshendelse/drive#hold-arsmote"');
    // Not in Frivillighetsregisteret and not asking to be: no momskompensasjon.
    expect(html).not.toContain('Søknadsfrist for momskompensasjon');
    // The wheel has a text alternative.
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="wheel-title"[^>]*aria-describedby="wheel-caption"/);
    // Members see the feed's state but cannot make one.
    expect(html).toContain('Be en leder i organisasjonen om abonnementsadressen.');
    expect(html).not.toContain(`/arbeidsrom/${organisationId}/arshjul/abonnement`);
  });

  it('changes when the register says the organisation is in Frivillighetsregisteret with grasrotandel', async () => {
    expect(await page()).not.toContain('Utbetaling av grasrotandel');
    await putInFrivillighetsregisteret(ctx.database.db, ORGNR, { grasrotandel: true });
    const html = await page();
    expect(html).toContain('Søknadsfrist for momskompensasjon');
    expect(html).toContain('<time datetime="2025-09-01">mandag 1. september</time>');
    expect(html).toContain('Utbetaling av grasrotandel');
    expect(html).toContain('<time datetime="2026-01-01">torsdag 1. januar</time>');
    expect(html).toContain('registrert i Frivillighetsregisteret (fra Frivillighetsregisteret)');
    expect(html).toContain('href="https://lovdata.no/dokument/SF/forskrift/2018-10-23-1600"');
    await removeFromFrivillighetsregisteret(ctx.database.db, ORGNR);
    expect(await page()).not.toContain('Søknadsfrist for momskompensasjon');
  });

  it('changes when the statutes change the årsmøte deadline and notice', async () => {
    await adoptStatutes(ctx.database.db, organisationId, 1, { deadlineMonth: 6, deadlineDay: 30, noticeDays: 21 });
    const html = await page();
    expect(html).toContain('Fristene for årsmøtet bygger på vedtektene deres (versjon 1).');
    expect(html).toContain('<time datetime="2026-06-30">tirsdag 30. juni</time>');
    expect(html).toContain('<time datetime="2026-06-09">tirsdag 9. juni</time>'); // 21 days' notice
    expect(html).not.toContain('<time datetime="2026-03-31">');
    expect(html).toContain('Vedtektene deres');
    expect(html).toContain('frist og varsler for årsmøtet (fra vedtektene)');
  });

  it('lets a leader make the secret feed address, shows it once, serves it without a session, and rotates it', async () => {
    expect((await member.post(`/arbeidsrom/${organisationId}/arshjul/abonnement`)).status).toBe(403);
    expect(await ctx.database.db.select().from(calendarFeeds)).toHaveLength(0);

    await putInFrivillighetsregisteret(ctx.database.db, ORGNR);
    const made = await leader.post(`/arbeidsrom/${organisationId}/arshjul/abonnement`);
    expect(made.status).toBe(303);
    expect(made.headers.get('location')).toBe(`/arbeidsrom/${organisationId}/arshjul#abonnement`);
    const shown = await page(leader);
    expect(shown).toContain('Abonnementsadressen er laget.');
    const url = /id="feed-url" type="text" readonly="" value="([^"]+)"/.exec(shown)?.[1];
    expect(url).toMatch(/^http:\/\/localhost\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(shown).toContain(`href="${url!.replace('http:', 'webcal:')}"`);
    // Shown once: the next visit no longer has it, and the database has only its hash.
    const again = await page(leader);
    expect(again).not.toContain('id="feed-url"');
    expect(again).toContain('Det finnes en abonnementsadresse, laget 18. august 2025.');
    const token = url!.split('/').pop()!.slice(0, -4);
    const [row] = await ctx.database.db.select().from(calendarFeeds);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);

    const anonymous = ctx.client();
    const feed = await anonymous.get(`/kalender/${token}.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const cal = parseIcs(await feed.text());
    expect(unescapeText(prop(cal, 'X-WR-CALNAME')!.value)).toBe('Årshjul – Sjakklubben Løperen');
    const moms = cal.components.find((e) => unescapeText(prop(e, 'SUMMARY')!.value) === 'Søknadsfrist for momskompensasjon');
    expect(prop(moms!, 'DTSTART')?.value).toBe('20250901');
    expect(prop(moms!, 'UID')?.value).toBe(`momskompensasjon:2025.${organisationId}@localhost`);
    expect(unescapeText(prop(moms!, 'DESCRIPTION')!.value)).toContain('Regel: Forskrift 23. oktober 2018 nr. 1600');
    // Three months back to fifteen months ahead: last year's 1 September (moved to Monday 2 Sep 2024) is gone,
    // next year's is there.
    const dates = cal.components.map((e) => prop(e, 'DTSTART')!.value);
    expect(dates).toContain('20260901');
    expect(dates.every((d) => d >= '20250518' && d < '20261118')).toBe(true);

    const rotated = await leader.post(`/arbeidsrom/${organisationId}/arshjul/abonnement`);
    expect(rotated.status).toBe(303);
    const newUrl = /id="feed-url" type="text" readonly="" value="([^"]+)"/.exec(await page(leader))?.[1];
    expect(newUrl).toBeDefined();
    expect(newUrl).not.toBe(url);
    expect((await anonymous.get(`/kalender/${token}.ics`)).status).toBe(404);
    expect((await anonymous.get(new URL(newUrl!).pathname)).status).toBe(200);

    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.organisationId, organisationId));
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('calendar.feed'))).toEqual([
      'calendar.feed_created',
      'calendar.feed_rotated',
    ]);
    const log = await (await leader.get(`/arbeidsrom/${organisationId}/logg`)).text();
    expect(log).toContain('Laget en ny abonnementsadresse for årshjulet; den gamle ble slått av');
  });

  it('keeps feed and unsubscribe tokens out of the request log', async () => {
    const lines: string[] = [];
    const quiet = ctx.deps.logger;
    ctx.deps.logger = createLogger('info', (line) => lines.push(line));
    try {
      const token = 'B'.repeat(43);
      await ctx.client().get(`/kalender/${token}.ics`);
      await ctx.client().get(`/kalender/avmelding/${token}`);
      const paths = lines.map((l) => JSON.parse(l) as { msg: string; path?: string }).filter((l) => l.msg === 'request');
      expect(paths.map((l) => l.path)).toEqual(['/kalender/[redacted].ics', '/kalender/avmelding/[redacted]']);
      expect(lines.join('\n')).not.toContain(token);
    } finally {
      ctx.deps.logger = quiet;
    }
  });

  it('answers 404 to unknown and malformed feed tokens, the same for both', async () => {
    const anonymous = ctx.client();
    expect((await anonymous.get(`/kalender/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await anonymous.get('/kalender/kort.ics')).status).toBe(404);
    expect((await anonymous.get(`/kalender/${'A'.repeat(42)}%3B.ics`)).status).toBe(404);
  });

  it('turns reminders on and off for the signed-in member, audited, and refuses a bad value', async () => {
    expect(await page()).toContain('Du får ikke påminnelser på e-post.');
    const on = await member.post(`/arbeidsrom/${organisationId}/arshjul/paaminnelser`, { paaminnelser: 'pa' });
    expect(on.status).toBe(303);
    const html = await page();
    expect(html).toContain('Du får nå påminnelser om fristene til Sjakklubben Løperen.');
    expect(html).toMatch(/Du får påminnelser på e-post til person\d+-\w+@test\.frivillig\.no\./);
    expect(html).toContain('Få en e-post 14 og 3 dager før hver frist.');
    expect(await ctx.database.db.select().from(calendarReminderSubscriptions)).toHaveLength(1);
    // Pressing it again is harmless.
    await member.post(`/arbeidsrom/${organisationId}/arshjul/paaminnelser`, { paaminnelser: 'pa' });
    expect(await ctx.database.db.select().from(calendarReminderSubscriptions)).toHaveLength(1);

    const bad = await member.post(`/arbeidsrom/${organisationId}/arshjul/paaminnelser`, { paaminnelser: 'kanskje' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Velg om du vil ha påminnelser eller ikke.');
    expect(await ctx.database.db.select().from(calendarReminderSubscriptions)).toHaveLength(1);

    await member.post(`/arbeidsrom/${organisationId}/arshjul/paaminnelser`, { paaminnelser: 'av' });
    expect(await ctx.database.db.select().from(calendarReminderSubscriptions)).toHaveLength(0);
    const actions = (await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.organisationId, organisationId))).map(
      (a) => a.action,
    );
    expect(actions.filter((a) => a.startsWith('calendar.reminders'))).toEqual(['calendar.reminders_on', 'calendar.reminders_off']);
  });

  it('speaks nynorsk', async () => {
    await putInFrivillighetsregisteret(ctx.database.db, ORGNR);
    const nn = ctx.client();
    await nn.get('/sprak?lang=nn&tilbake=/');
    const { user } = await addMember(ctx, organisationId, { name: 'Nils Nynorsk' });
    await nn.signInAs(user.id);
    const html = await page(nn);
    expect(html).toContain('<html lang="nn"');
    expect(html).toContain('Fristane for Sjakklubben Løperen dei neste tolv månadene');
    expect(html).toContain('Søknadsfrist for momskompensasjon');
    expect(html).toContain('<time datetime="2025-09-01">måndag 1. september</time>');
    expect(html).toContain('registrert i Frivilligregisteret (frå Frivilligregisteret)');
    expect(html).toContain('Send meg påminningar');
  });

  it('answers the same deadlines as JSON under /api/v1 for members, documented in the OpenAPI document', async () => {
    await putInFrivillighetsregisteret(ctx.database.db, ORGNR);
    const res = await member.get(`/api/v1/arbeidsrom/${organisationId}/arshjul`);
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as {
      data: {
        today: string;
        statutes: { source: string };
        deadlines: { id: string; date: string; kind: string; title: string; citation: { url: string | null }; inputs: unknown[] }[];
      };
    };
    expect(data.today).toBe('2025-08-18');
    expect(data.statutes).toEqual({ source: 'default', version: null });
    const moms = data.deadlines.find((d) => d.id === 'momskompensasjon:2025');
    expect(moms).toMatchObject({
      date: '2025-09-01',
      kind: 'deadline',
      title: 'Søknadsfrist for momskompensasjon',
      citation: { url: 'https://lovdata.no/dokument/SF/forskrift/2018-10-23-1600' },
      inputs: [{ name: 'inFrivillighetsregisteret', source: 'frivillighetsregisteret' }],
    });
    const stranger = ctx.client();
    await stranger.signInAs((await ctx.createUser()).id);
    expect((await stranger.get(`/api/v1/arbeidsrom/${organisationId}/arshjul`)).status).toBe(403);
    expect((await ctx.client().get(`/api/v1/arbeidsrom/${organisationId}/arshjul`)).status).toBe(401);
    const doc = (await (await ctx.client().get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/arbeidsrom/{orgId}/arshjul');
  });

  it('is linked from the workspace page', async () => {
    const html = await (await member.get(`/arbeidsrom/${organisationId}`)).text();
    expect(html).toContain(`href="/arbeidsrom/${organisationId}/arshjul"`);
  });
});
