import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import {
  auditEvents,
  calendarReminderSubscriptions,
  calendarRemindersSent,
  jobs,
  memberships,
  outboundEmails,
  users,
} from '../../core/db/schema.ts';
import { testOrgnr } from '../register/import-fixtures.ts';
import { addMember, adoptStatutes, putInFrivillighetsregisteret, registeredOrganisation } from './calendar.test-fixtures.ts';
import { createCalendarWorker, REMINDER_INTERVAL_MS, REMINDER_JOB } from './calendar-jobs.ts';
import { parseMessage, type ReceivedMessage } from './mail-message.test-helper.ts';
import { dueOffset, sendDueReminders } from './send-reminders.ts';

/**
 * Reminder e-mails end to end: the job runs on the job runner, the mailer delivers over SMTP to a real SMTP
 * server on loopback (smtp-server), and the test reads what arrived.
 */

const ORGNR = testOrgnr(402);

interface Delivery {
  to: string[];
  message: ReceivedMessage;
}

describe(`årshjul reminders over SMTP (${engineUnderTest})`, () => {
  let server: SMTPServer;
  const received: Delivery[] = [];
  const refused = new Set<string>();
  let ctx: TestContext;
  let organisationId: string;
  let leader: { id: string; email: string };
  let nils: { id: string; email: string };

  const at = (iso: string) => ctx.setNow(new Date(iso));
  const to = (email: string) => received.filter((d) => d.to.includes(email));
  /** Opts in through the page; signs in afresh because the tests move the clock past any session's expiry. */
  const subscribe = async (person: { id: string }) => {
    const client = ctx.client();
    await client.signInAs(person.id);
    expect((await client.post(`/arbeidsrom/${organisationId}/arshjul/paaminnelser`, { paaminnelser: 'pa' })).status).toBe(303);
  };

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(address, _session, callback) {
        if (refused.has(address.address)) return callback(new Error('mailbox unavailable'));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            message: parseMessage(Buffer.concat(chunks).toString('utf8')),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    ctx = await createTestContext({ SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'https://frivillig.example' });
  });
  afterAll(async () => {
    await ctx?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(async () => {
    received.length = 0;
    refused.clear();
    const db = ctx.database.db;
    for (const t of [calendarRemindersSent, calendarReminderSubscriptions, outboundEmails, jobs]) await db.delete(t);
    if (!organisationId) {
      at('2025-08-01T10:00:00Z');
      const org = await registeredOrganisation(ctx, { name: 'Sjakklubben Løperen', orgnr: ORGNR, leaderEmail: 'lea@example.no' });
      organisationId = org.organisationId;
      leader = { id: org.leader.id, email: 'lea@example.no' };
      const n = await addMember(ctx, organisationId, { name: 'Nils Nynorsk', email: 'nils@example.no' });
      await db.update(users).set({ preferredLanguage: 'nn' }).where(eq(users.id, n.user.id));
      nils = { id: n.user.id, email: 'nils@example.no' };
      // In Frivillighetsregisteret: momskompensasjon is due Monday 1 September 2025 (lovnorm årsmøte is far away).
      await putInFrivillighetsregisteret(db, ORGNR);
    }
  });

  it.each([
    [20, null],
    [14, 14],
    [10, 14],
    [4, 14],
    [3, 3],
    [0, 3],
    [-1, null],
  ])('a deadline %i days away is due for the %s-day reminder', (days, offset) => {
    expect(dueOffset(days, [14, 3])).toBe(offset);
  });

  it('sends each subscriber the 14-day reminder in their language, with an unsubscribe link and header; a second run sends nothing', async () => {
    at('2025-08-18T06:00:00Z'); // 08:00 in Oslo, 14 days before Monday 1 September
    await subscribe(leader);
    await subscribe(nils);

    const worker = createCalendarWorker(ctx.deps, { workerId: 'test-a' });
    await worker.scheduleRecurring();
    const run = await worker.runOnce();
    expect(run).toMatchObject({ ran: true, name: REMINDER_JOB, outcome: 'done' });

    expect(received).toHaveLength(2);
    const [nb] = to(leader.email);
    expect(nb!.message.headers.get('subject')).toBe('Påminnelse: Søknadsfrist for momskompensasjon – 1. september 2025');
    expect(nb!.message.text).toContain('Hei Lea Leder,');
    expect(nb!.message.text).toContain('Sjakklubben Løperen har en frist om 14 dager:');
    expect(nb!.message.text).toContain(
      'Søknaden om kompensasjon for merverdiavgift for 2025 må være hos Lotteri- og stiftelsestilsynet senest 1. september.',
    );
    expect(nb!.message.text).toContain('Regel: Forskrift 23. oktober 2018 nr. 1600');
    expect(nb!.message.text).toContain(`Se hele årshjulet: https://frivillig.example/arbeidsrom/${organisationId}/arshjul`);
    const link = /Slutt å få påminnelser: (\S+)/.exec(nb!.message.text)?.[1];
    expect(link).toMatch(/^https:\/\/frivillig\.example\/kalender\/avmelding\/[0-9a-f-]{36}\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(nb!.message.headers.get('list-unsubscribe')).toBe(`<${link}>`);

    const [nn] = to(nils.email);
    expect(nn!.message.headers.get('subject')).toBe('Påminning: Søknadsfrist for momskompensasjon – 1. september 2025');
    expect(nn!.message.text).toContain('Hei Nils Nynorsk,');
    expect(nn!.message.text).toContain('Sjakklubben Løperen har ein frist om 14 dagar:');
    expect(nn!.message.text).toContain('Slutt å få påminningar: https://frivillig.example/kalender/avmelding/');

    // Recorded once each, linked to the outbox row; the next run is queued an hour later.
    const sent = await ctx.database.db.select().from(calendarRemindersSent);
    expect(sent.map((s) => `${s.deadlineId} ${s.deadlineDate} ${s.offsetDays}`)).toEqual([
      'momskompensasjon:2025 2025-09-01 14',
      'momskompensasjon:2025 2025-09-01 14',
    ]);
    expect(sent.every((s) => s.outboundEmailId !== null)).toBe(true);
    const [next] = await ctx.database.db.select().from(jobs).where(eq(jobs.status, 'queued'));
    expect(next!.runAt.getTime()).toBe(new Date('2025-08-18T06:00:00Z').getTime() + REMINDER_INTERVAL_MS);

    // The next run, an hour later the same day: nothing new.
    at('2025-08-18T07:00:00Z');
    expect(await worker.runOnce()).toMatchObject({ ran: true, outcome: 'done' });
    expect(received).toHaveLength(2);
  });

  it('sends each reminder once when several instances run at the same time', async () => {
    at('2025-08-18T06:00:00Z');
    await subscribe(leader);
    await subscribe(nils);
    const results = await Promise.all([sendDueReminders(ctx.deps), sendDueReminders(ctx.deps), sendDueReminders(ctx.deps)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect(results.reduce((n, r) => n + r.alreadySent, 0)).toBe(4);
    expect(received).toHaveLength(2);
    expect(await ctx.database.db.select().from(calendarRemindersSent)).toHaveLength(2);
  });

  it('sends the 3-day reminder later, and after a late opt-in only the nearest one, never a burst', async () => {
    at('2025-08-25T06:00:00Z'); // 7 days before: someone opting in now gets the "14-day" reminder, saying 7 days
    await subscribe(leader);
    await sendDueReminders(ctx.deps);
    expect(to(leader.email)).toHaveLength(1);
    expect(to(leader.email)[0]!.message.text).toContain('har en frist om 7 dager:');

    at('2025-08-29T06:00:00Z'); // 3 days before
    await sendDueReminders(ctx.deps);
    await sendDueReminders(ctx.deps);
    expect(to(leader.email)).toHaveLength(2);
    expect(to(leader.email)[1]!.message.text).toContain('har en frist om 3 dager:');

    // The job was down from 3 days before until the day itself: the 3-day reminder is sent then, saying "today".
    received.length = 0;
    await subscribe(nils);
    at('2025-09-01T05:00:00Z');
    await sendDueReminders(ctx.deps);
    expect(received).toHaveLength(1);
    expect(to(nils.email)[0]!.message.text).toContain('har ein frist i dag:');
    at('2025-09-02T05:00:00Z');
    expect((await sendDueReminders(ctx.deps)).sent).toBe(0);
  });

  it('sends again when the deadline’s date changes (new statutes move the årsmøte)', async () => {
    at('2026-03-17T06:00:00Z'); // 14 days before the lovnorm årsmøte deadline (31 March 2026)
    await subscribe(leader);
    await sendDueReminders(ctx.deps);
    expect(to(leader.email).map((d) => d.message.headers.get('subject'))).toContain('Påminnelse: Siste frist for årsmøtet – 31. mars 2026');
    received.length = 0;
    await adoptStatutes(ctx.database.db, organisationId, 1, { deadlineMonth: 3, deadlineDay: 20 });
    await sendDueReminders(ctx.deps);
    expect(to(leader.email).map((d) => d.message.headers.get('subject'))).toContain('Påminnelse: Siste frist for årsmøtet – 20. mars 2026');
  });

  it('keeps a failed delivery in the outbox and tries again on the next run', async () => {
    at('2025-08-18T06:00:00Z');
    await subscribe(leader);
    refused.add(leader.email);
    const first = await sendDueReminders(ctx.deps);
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    expect(await ctx.database.db.select().from(calendarRemindersSent)).toHaveLength(0);
    const [failed] = await ctx.database.db.select().from(outboundEmails);
    expect(failed).toMatchObject({ status: 'failed', toAddress: leader.email });

    refused.clear();
    at('2025-08-18T07:00:00Z');
    expect(await sendDueReminders(ctx.deps)).toMatchObject({ sent: 1, failed: 0 });
    expect(to(leader.email)).toHaveLength(1);
  });

  it('stops with the link in the e-mail: GET asks, POST unsubscribes (audited), and no more reminders come', async () => {
    at('2025-08-18T06:00:00Z');
    await subscribe(nils);
    await sendDueReminders(ctx.deps);
    const link = /Slutt å få påminningar: (\S+)/.exec(to(nils.email)[0]!.message.text)![1]!;
    const path = new URL(link).pathname;

    const browser = ctx.client(); // the mail program's browser: not signed in
    const ask = await browser.get(path);
    expect(ask.status).toBe(200);
    const askHtml = await ask.text();
    expect(askHtml).toContain('Vil du slutte å få påminnelser på e-post om fristene til Sjakklubben Løperen?');
    expect(await ctx.database.db.select().from(calendarReminderSubscriptions)).toHaveLength(1);

    // A tampered signature or another subscription's id does not work.
    const [id, org, sig] = path.split('/').pop()!.split('.');
    const tampered = `/kalender/avmelding/${id}.${org}.${sig!.slice(0, -1)}${sig!.endsWith('A') ? 'B' : 'A'}`;
    expect((await browser.get(tampered)).status).toBe(404);
    expect((await browser.post(tampered)).status).toBe(404);
    expect((await browser.get(`/kalender/avmelding/${crypto.randomUUID()}.${org}.${sig}`)).status).toBe(404);
    expect(await ctx.database.db.select().from(calendarReminderSubscriptions)).toHaveLength(1);

    const done = await browser.post(path);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(path);
    const doneHtml = await (await browser.get(path)).text();
    expect(doneHtml).toContain('Du får ikke lenger påminnelser om fristene til Sjakklubben Løperen.');
    expect(doneHtml).toContain('Du får ikke flere påminnelser');
    expect(await ctx.database.db.select().from(calendarReminderSubscriptions)).toHaveLength(0);
    const [audit] = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'calendar.reminders_off'));
    expect(audit).toMatchObject({ organisationId, actorUserId: nils.id, details: { name: 'Nils Nynorsk', via: 'email-link' } });

    at('2025-08-29T06:00:00Z');
    received.length = 0;
    await sendDueReminders(ctx.deps);
    expect(received).toHaveLength(0);
    // Clicking the old link again is harmless.
    expect((await browser.post(path)).status).toBe(303);
  });

  it('sends nothing to someone who has left the organisation', async () => {
    at('2025-08-18T06:00:00Z');
    const gone = await addMember(ctx, organisationId, { name: 'Gunnar Gått', email: 'gunnar@example.no' });
    await subscribe(gone.user);
    await ctx.database.db.delete(memberships).where(eq(memberships.userId, gone.user.id));
    await sendDueReminders(ctx.deps);
    expect(to('gunnar@example.no')).toHaveLength(0);
  });

  it('refuses reminders to a member without an e-mail address', async () => {
    const nomail = await addMember(ctx, organisationId, { name: 'Uten E-post' });
    await ctx.database.db.update(users).set({ email: null }).where(eq(users.id, nomail.user.id));
    await nomail.client.signInAs(nomail.user.id);
    const res = await nomail.client.post(`/arbeidsrom/${organisationId}/arshjul/paaminnelser`, { paaminnelser: 'pa' });
    expect(res.status).toBe(422);
    expect(await ctx.database.db.select().from(calendarReminderSubscriptions)).toHaveLength(0);
  });
});
