import { afterEach, describe, expect, it } from 'vitest';
import type { EmailMessage, SmsMessage, WebhookMessage } from '../message.js';
import { deliveryFailure, startReceiver, startSmtpServer, type Receiver, type SmtpInbox } from '../test-support.js';
import { webhookEvent } from '../webhook-event.js';
import { createChannels } from './index.js';

const email: EmailMessage = { channel: 'email', to: 'ava@agency.example', subject: 'New lead', text: 'A new lead is yours.' };
const sms: SmsMessage = { channel: 'sms', to: '+14155550100', text: 'A new lead is yours.' };
const account = { accountSid: 'AC1', authToken: 'token', from: '+14155550199' };

describe('the channels together', () => {
  let inbox: SmtpInbox | undefined;
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await inbox?.close();
    await receiver?.close();
  });

  it('deliver each message on its own channel', async () => {
    inbox = await startSmtpServer();
    receiver = await startReceiver(() => ({ status: 201 }));
    const channels = createChannels({ smtpUrl: inbox.url, sms: { baseUrl: receiver.url, ...account } });
    const hook: WebhookMessage = { channel: 'webhook', to: `${receiver.url}/hook`, format: 'json', secret: 's', body: webhookEvent('lead.assigned', { id: 'L1' }, 0) };
    await channels.send(email, 'row-1');
    await channels.send(sms, 'row-2');
    await channels.send(hook, 'row-3');
    channels.close();
    expect(inbox.messages.map((m) => m.mail.subject)).toEqual(['New lead']);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/2010-04-01/Accounts/AC1/Messages.json', '/hook']);
  });

  it('fail email for good, naming the setting, when no SMTP server is set', async () => {
    const error = await deliveryFailure(createChannels({}).send(email, 'row-1'));
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('email is not configured: set LEADROUTER_SMTP_URL');
  });

  it('fail SMS for good, naming each setting still missing', async () => {
    const error = await deliveryFailure(createChannels({ sms: { accountSid: 'AC1' } }).send(sms, 'row-1'));
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('sms is not configured: set LEADROUTER_SMS_AUTH_TOKEN, LEADROUTER_SMS_FROM');
  });

  it('fail for good a message for a channel they do not know, rather than take it for sent', async () => {
    const error = await deliveryFailure(createChannels({}).send({ channel: 'fax', to: '+14155550100' } as unknown as SmsMessage, 'row-1'));
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('no channel "fax"');
  });
});
