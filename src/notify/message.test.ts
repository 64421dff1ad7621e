import { describe, expect, it } from 'vitest';
import { emailMessage, slackMessage, smsMessage, webhookMessage } from './compose.js';
import { withoutSecret, type OutboundMessage } from './message.js';
import { renderRepNotice } from './templates.js';
import { webhookEvent } from './webhook-event.js';

const notice = renderRepNotice({
  lead: { id: 'L1', fields: { firstName: 'Maria', lastName: 'Lopez' } },
  rep: { id: 'ava', name: 'Ava Thompson' },
  consoleUrl: 'https://console.example',
});
const event = webhookEvent('lead.assigned', { id: 'L1' }, Date.parse('2026-11-24T18:00:00Z'), { id: 'ava', name: 'Ava Thompson' });

describe('the messages a notice makes', () => {
  it('survive the outbox row: what goes in as JSON comes out the same', () => {
    const messages: OutboundMessage[] = [
      emailMessage('ava@agency.example', notice),
      smsMessage('+14155550100', notice),
      slackMessage('https://hooks.slack.example/services/T/B/X', notice),
      webhookMessage({ url: 'https://crm.example/hooks', secret: 'whsec_1' }, event),
    ];
    expect(JSON.parse(JSON.stringify(messages))).toEqual(messages);
  });

  it('an email carries the subject and both parts', () => {
    expect(emailMessage('ava@agency.example', notice)).toEqual({ channel: 'email', to: 'ava@agency.example', subject: notice.subject, text: notice.text, html: notice.html });
  });

  it('an SMS carries the short text', () => {
    expect(smsMessage('+14155550100', notice)).toEqual({ channel: 'sms', to: '+14155550100', text: notice.sms });
  });

  it('a Slack message carries the subject and the plain text', () => {
    expect(slackMessage('https://hooks.slack.example/x', notice)).toMatchObject({ format: 'slack', subject: notice.subject, text: notice.text.trim() });
  });
});

describe('a message as shown', () => {
  it("leaves out a webhook's signing secret", () => {
    const shown = withoutSecret(webhookMessage({ url: 'https://crm.example/hooks', secret: 'whsec_1' }, event));
    expect(shown).not.toHaveProperty('secret');
    expect(shown).toMatchObject({ channel: 'webhook', to: 'https://crm.example/hooks', body: event });
  });

  it('is the message itself for the other channels', () => {
    const email = emailMessage('ava@agency.example', notice);
    expect(withoutSecret(email)).toBe(email);
  });
});
