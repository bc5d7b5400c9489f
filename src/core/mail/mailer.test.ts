import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { outboundEmails } from '../db/schema.ts';
import { createLogger } from '../logger.ts';
import { createMailer } from './mailer.ts';

/** A real SMTP server on loopback receives what the mailer sends. */
describe('mailer over SMTP', () => {
  let database: Database;
  let server: SMTPServer;
  let port: number;
  const received: { to: string[]; data: string }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => {
          data += chunk.toString('utf8');
        });
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  it('delivers the e-mail and marks it sent in the outbox', async () => {
    const config = loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, LOG_LEVEL: 'silent' });
    const mailer = createMailer({ config, database, logger: createLogger('silent') });
    const result = await mailer.send({ to: 'kari@example.no', subject: 'Invitasjon til Sjakklubben', text: 'Hei Kari æøå' });
    expect(result.delivered).toBe(true);
    expect(received.at(-1)?.to).toEqual(['kari@example.no']);
    expect(received.at(-1)?.data).toContain('Subject: Invitasjon til Sjakklubben');
    const [row] = await database.db.select().from(outboundEmails).where(eq(outboundEmails.id, result.id));
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('keeps a failed delivery in the outbox with the reason instead of losing it', async () => {
    const config = loadConfig({ SMTP_URL: 'smtp://127.0.0.1:1', LOG_LEVEL: 'silent' });
    const mailer = createMailer({ config, database, logger: createLogger('silent') });
    const result = await mailer.send({ to: 'ola@example.no', subject: 'S', text: 'T' });
    expect(result.delivered).toBe(false);
    const [row] = await database.db.select().from(outboundEmails).where(eq(outboundEmails.id, result.id));
    expect(row).toMatchObject({ status: 'failed', toAddress: 'ola@example.no' });
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/);
  });
});
