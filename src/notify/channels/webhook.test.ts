import { afterEach, describe, expect, it } from 'vitest';
import type { SlackMessage, WebhookMessage } from '../message.js';
import { deliveryFailure, startReceiver, type Answer, type ReceivedRequest, type Receiver } from '../test-support.js';
import { webhookEvent } from '../webhook-event.js';
import { verifySignature, webhookChannel } from './webhook.js';

const SECRET = 'whsec_5f2b0c';
const lead = { id: 'L1', firstName: 'Maria', lastName: 'Lopez', status: 'offered' };
const event = webhookEvent('lead.offered', lead, Date.parse('2026-11-24T18:00:00Z'), { id: 'ava', name: 'Ava Thompson' });
const NOW = Date.parse('2026-11-24T18:00:07Z');

const header = (request: ReceivedRequest, name: string) => request.headers[name] as string | undefined;

/** What a subscriber does: check the signature against its copy of the secret, then take the event. */
const subscriber = (secret: string) => (request: ReceivedRequest): Answer =>
  verifySignature(secret, header(request, 'leadrouter-timestamp'), header(request, 'leadrouter-signature'), request.body, Math.floor(Date.now() / 1000))
    ? { status: 204 }
    : { status: 401, body: 'bad signature' };

describe('the webhook channel', () => {
  let receiver: Receiver | undefined;
  afterEach(async () => receiver?.close());

  const to = (path = '/hooks/leads'): WebhookMessage => ({ channel: 'webhook', to: `${receiver!.url}${path}`, format: 'json', secret: SECRET, body: event });

  it('posts the event as JSON, with its delivery id', async () => {
    receiver = await startReceiver(() => ({ status: 204 }));
    await webhookChannel().send(to(), 'outbox:42');
    const [request] = receiver.requests as [ReceivedRequest];
    expect(`${request.method} ${request.path}`).toBe('POST /hooks/leads');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      event: 'lead.offered',
      occurredAt: '2026-11-24T18:00:00.000Z',
      lead,
      rep: { id: 'ava', name: 'Ava Thompson' },
      deliveryId: 'outbox:42',
    });
  });

  it('is taken by a subscriber that verifies the signature with its secret', async () => {
    receiver = await startReceiver(subscriber(SECRET));
    await webhookChannel().send(to(), 'outbox:42');
    expect(receiver.requests).toHaveLength(1);
  });

  it('signs exactly the bytes it sends: the same body changed does not verify', async () => {
    receiver = await startReceiver(() => ({ status: 204 }));
    await webhookChannel().send(to(), 'outbox:42');
    const request = receiver.requests[0]!;
    const verify = (body: string) => verifySignature(SECRET, header(request, 'leadrouter-timestamp'), header(request, 'leadrouter-signature'), body, Math.floor(Date.now() / 1000));
    expect(verify(request.body)).toBe(true);
    expect(verify(request.body.replace('Maria', 'Mario'))).toBe(false);
  });

  it('fails for good when the subscriber refuses the signature, as it does for another secret', async () => {
    receiver = await startReceiver(subscriber('whsec_rotated'));
    const error = await deliveryFailure(webhookChannel().send(to(), 'outbox:42'));
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(`webhook to ${new URL(receiver.url).host}: HTTP 401: bad signature`);
  });

  it('sends the time of sending in unix seconds and the delivery id in headers', async () => {
    receiver = await startReceiver(() => ({ status: 204 }));
    await webhookChannel({ now: () => NOW }).send(to(), 'outbox:42');
    const request = receiver.requests[0]!;
    expect(header(request, 'leadrouter-timestamp')).toBe(String(NOW / 1000));
    expect(header(request, 'leadrouter-delivery')).toBe('outbox:42');
    expect(header(request, 'leadrouter-signature')).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it('signs a retry with the time of the retry, under the same delivery id', async () => {
    receiver = await startReceiver(() => ({ status: 204 }));
    await webhookChannel({ now: () => NOW }).send(to(), 'outbox:42');
    await webhookChannel({ now: () => NOW + 3_600_000 }).send(to(), 'outbox:42');
    const [first, retry] = receiver.requests as [ReceivedRequest, ReceivedRequest];
    expect(Number(header(retry, 'leadrouter-timestamp')) - Number(header(first, 'leadrouter-timestamp'))).toBe(3600);
    expect(header(retry, 'leadrouter-signature')).not.toBe(header(first, 'leadrouter-signature'));
    expect(JSON.parse(retry.body)).toMatchObject({ deliveryId: 'outbox:42' });
  });

  it('fails retryably when the subscriber answers 503', async () => {
    receiver = await startReceiver(() => ({ status: 503 }));
    expect((await deliveryFailure(webhookChannel().send(to(), 'outbox:42'))).retryable).toBe(true);
  });

  it('fails for good when the subscription is gone (410)', async () => {
    receiver = await startReceiver(() => ({ status: 410 }));
    expect((await deliveryFailure(webhookChannel().send(to(), 'outbox:42'))).retryable).toBe(false);
  });

  it('does not follow a redirect, and fails for good: the subscription\'s URL wants correcting', async () => {
    receiver = await startReceiver((request) => (request.path === '/old' ? { status: 308, headers: { location: '/new' } } : { status: 204 }));
    const error = await deliveryFailure(webhookChannel().send(to('/old'), 'outbox:42'));
    expect(error.retryable).toBe(false);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/old']);
  });

  it('fails retryably within the timeout when the subscriber never answers', async () => {
    receiver = await startReceiver(() => 'never');
    const started = Date.now();
    const error = await deliveryFailure(webhookChannel({ timeoutMs: 200 }).send(to(), 'outbox:42'));
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('fails for good for a URL that is not http or https', async () => {
    const error = await deliveryFailure(webhookChannel().send({ ...to(), to: 'ftp://hooks.example/leads' }, 'outbox:42'));
    expect(error.retryable).toBe(false);
  });
});

describe('the webhook channel in Slack format', () => {
  let receiver: Receiver | undefined;
  afterEach(async () => receiver?.close());

  const slack = (message: Partial<SlackMessage> = {}): SlackMessage => ({
    channel: 'webhook',
    to: `${receiver!.url}/services/T000/B000/XXXX`,
    format: 'slack',
    subject: 'Lead offered to you: Maria <Lopez> & Co',
    text: 'A lead is offered to you: Maria <Lopez> & Co\nOpen the lead: https://console.example/leads/L1',
    ...message,
  });

  it('posts the text, with Slack\'s markup characters escaped, and the subject as a heading', async () => {
    receiver = await startReceiver(() => ({ status: 200, body: 'ok' }));
    await webhookChannel().send(slack(), 'outbox:42');
    const text = 'A lead is offered to you: Maria &lt;Lopez&gt; &amp; Co\nOpen the lead: https://console.example/leads/L1';
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual({
      text,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Lead offered to you: Maria <Lopez> & Co' } },
        { type: 'section', text: { type: 'mrkdwn', text } },
      ],
    });
  });

  it('posts the text alone for a message without a subject', async () => {
    receiver = await startReceiver(() => ({ status: 200, body: 'ok' }));
    await webhookChannel().send(slack({ subject: undefined }), 'outbox:42');
    expect(Object.keys(JSON.parse(receiver.requests[0]!.body) as object)).toEqual(['text']);
  });

  it('sends no signature: a Slack message has no secret', async () => {
    receiver = await startReceiver(() => ({ status: 200, body: 'ok' }));
    await webhookChannel().send(slack(), 'outbox:42');
    expect(receiver.requests[0]!.headers['leadrouter-signature']).toBeUndefined();
  });

  it('names the host, not the secret path, when it fails', async () => {
    receiver = await startReceiver(() => ({ status: 404, body: 'no_service' }));
    const error = await deliveryFailure(webhookChannel().send(slack(), 'outbox:42'));
    expect(error.message).toBe(`webhook to ${new URL(receiver.url).host}: HTTP 404: no_service`);
    expect(error.retryable).toBe(false);
  });
});
