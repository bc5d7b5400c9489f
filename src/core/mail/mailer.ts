import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { outboundEmails } from '../db/schema.ts';
import type { Logger } from '../logger.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 2369) on reminder e-mails. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Records the e-mail in the outbox, then tries to deliver it. Never throws for delivery failures. */
  send(email: OutgoingEmail): Promise<{ id: string; delivered: boolean }>;
}

/**
 * With SMTP_URL set, e-mail goes out over SMTP. Without it (the embedded demo), the e-mail is written to
 * the log so a developer can follow the link; the outbox row records which happened.
 */
export function createMailer(deps: { config: Config; database: Database; logger: Logger }): Mailer {
  const transport = deps.config.SMTP_URL ? nodemailer.createTransport(deps.config.SMTP_URL) : null;
  return {
    async send(email) {
      const [row] = await deps.database.db
        .insert(outboundEmails)
        .values({ toAddress: email.to, subject: email.subject, textBody: email.text })
        .returning({ id: outboundEmails.id });
      const id = row!.id;
      try {
        if (transport) {
          await transport.sendMail({
            from: deps.config.MAIL_FROM,
            to: email.to,
            subject: email.subject,
            text: email.text,
            headers: email.headers,
          });
        } else {
          deps.logger.info('email.logged (no SMTP_URL configured)', { to: email.to, subject: email.subject, text: email.text });
        }
        await deps.database.db
          .update(outboundEmails)
          .set({ status: 'sent', sentAt: new Date(), attempts: sql`${outboundEmails.attempts} + 1` })
          .where(eq(outboundEmails.id, id));
        return { id, delivered: true };
      } catch (error) {
        deps.logger.error('email.failed', { to: email.to, error });
        await deps.database.db
          .update(outboundEmails)
          .set({ status: 'failed', lastError: String(error), attempts: sql`${outboundEmails.attempts} + 1` })
          .where(eq(outboundEmails.id, id));
        return { id, delivered: false };
      }
    },
  };
}
