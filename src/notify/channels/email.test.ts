import { afterEach, describe, expect, it } from 'vitest';
import type { EmailMessage } from '../message.js';
import { closedPort, deliveryFailure, SMTP_USER, startSilentServer, startSmtpServer, type SmtpInbox } from '../test-support.js';
import { emailChannel, messageId } from './email.js';

const message: EmailMessage = {
  channel: 'email',
  to: 'Ava Thompson <ava@agency.example>',
  subject: 'Lead offered to you: Maria Lopez',
  text: 'A lead is offered to you: Maria Lopez\n\nOpen the lead: https://console.example/leads/L1\n',
  html: '<p>A lead is offered to you: <strong>Maria Lopez</strong></p>',
};

describe('the email channel', () => {
  let inbox: SmtpInbox | undefined;
  afterEach(async () => inbox?.close());

  it('delivers to the recipient with the subject, over an authenticated SMTP session', async () => {
    inbox = await startSmtpServer();
    await emailChannel({ smtpUrl: inbox.url }).send(message, 'row-1');
    expect(inbox.messages).toHaveLength(1);
    const [{ envelopeTo, user, mail }] = inbox.messages as [SmtpInbox['messages'][number]];
    expect(envelopeTo).toEqual(['ava@agency.example']);
    expect(user).toBe(SMTP_USER);
    expect(mail.subject).toBe('Lead offered to you: Maria Lopez');
    expect(mail.headers.get('to')).toMatchObject({ value: [{ name: 'Ava Thompson', address: 'ava@agency.example' }] });
  });

  it('sends a plain-text part and an HTML part', async () => {
    inbox = await startSmtpServer();
    await emailChannel({ smtpUrl: inbox.url }).send(message, 'row-1');
    const { mail } = inbox.messages[0]!;
    expect(mail.text).toBe(message.text);
    expect(mail.html).toBe(message.html);
  });

  it('sends plain text alone for a message without HTML', async () => {
    inbox = await startSmtpServer();
    await emailChannel({ smtpUrl: inbox.url }).send({ ...message, html: undefined }, 'row-1');
    expect(inbox.messages[0]!.mail.text).toBe(message.text);
    expect(inbox.messages[0]!.mail.html).toBe(false);
  });

  it('sends from leadrouter@localhost unless told otherwise', async () => {
    inbox = await startSmtpServer();
    await emailChannel({ smtpUrl: inbox.url }).send(message, 'row-1');
    expect(inbox.messages[0]!.mail.from?.value).toEqual([{ name: 'leadrouter', address: 'leadrouter@localhost' }]);
  });

  it('sends from the configured address', async () => {
    inbox = await startSmtpServer();
    await emailChannel({ smtpUrl: inbox.url, from: 'Lakeshore Leads <leads@lakeshore.example>' }).send(message, 'row-1');
    expect(inbox.messages[0]!.mail.from?.value).toEqual([{ name: 'Lakeshore Leads', address: 'leads@lakeshore.example' }]);
  });

  it('gives a message sent again under the same dedupe key the same Message-ID, in the sender\'s domain', async () => {
    inbox = await startSmtpServer();
    const channel = emailChannel({ smtpUrl: inbox.url, from: 'leads@lakeshore.example' });
    await channel.send(message, 'outbox:42');
    await channel.send(message, 'outbox:42');
    await channel.send(message, 'outbox:43');
    const ids = inbox.messages.map((m) => m.mail.messageId);
    expect(ids[0]).toBe(messageId('outbox:42', 'lakeshore.example'));
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(ids[0]).toMatch(/^<[0-9a-f]{32}@lakeshore\.example>$/);
  });

  it('names the dedupe key in a Leadrouter-Delivery header', async () => {
    inbox = await startSmtpServer();
    await emailChannel({ smtpUrl: inbox.url }).send(message, 'outbox:42');
    expect(inbox.messages[0]!.mail.headers.get('leadrouter-delivery')).toBe('outbox:42');
  });

  it('fails retryably when the server answers 451 (try later), and delivers when tried again', async () => {
    inbox = await startSmtpServer({ data: [451] });
    const channel = emailChannel({ smtpUrl: inbox.url });
    const error = await deliveryFailure(channel.send(message, 'row-1'));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/^email to Ava Thompson <ava@agency.example>: 451/);
    await channel.send(message, 'row-1');
    expect(inbox.messages).toHaveLength(1);
  });

  it('fails for good when the server refuses the recipient with 550', async () => {
    inbox = await startSmtpServer({ rcpt: [550] });
    const error = await deliveryFailure(emailChannel({ smtpUrl: inbox.url }).send(message, 'row-1'));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('550');
  });

  it('fails for good when the server refuses the message with 554', async () => {
    inbox = await startSmtpServer({ data: [554] });
    const error = await deliveryFailure(emailChannel({ smtpUrl: inbox.url }).send(message, 'row-1'));
    expect(error.retryable).toBe(false);
  });

  it('fails for good when the credentials are wrong', async () => {
    inbox = await startSmtpServer();
    const error = await deliveryFailure(emailChannel({ smtpUrl: inbox.url.replace('mail-secret', 'wrong') }).send(message, 'row-1'));
    expect(error.retryable).toBe(false);
  });

  it('fails retryably when nothing listens', async () => {
    const port = await closedPort();
    const error = await deliveryFailure(emailChannel({ smtpUrl: `smtp://127.0.0.1:${port}` }).send(message, 'row-1'));
    expect(error.retryable).toBe(true);
  });

  it('fails retryably within the connect timeout when the server never greets', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const error = await deliveryFailure(emailChannel({ smtpUrl: `smtp://127.0.0.1:${silent.port}`, connectTimeoutMs: 200 }).send(message, 'row-1'));
      expect(error.retryable).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await silent.close();
    }
  });

  it('refuses a URL that is not an SMTP one when it is made', () => {
    expect(() => emailChannel({ smtpUrl: 'https://mail.example' })).toThrow('not an SMTP URL');
  });
});
