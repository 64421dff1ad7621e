import { afterEach, describe, expect, it } from 'vitest';
import type { SmsMessage } from '../message.js';
import { closedPort, deliveryFailure, startReceiver, type Answer, type Receiver } from '../test-support.js';
import { smsChannel, type SmsSettings } from './sms.js';

const message: SmsMessage = { channel: 'sms', to: '+14155550100', text: 'New lead: Maria Lopez & Co, value 12,000. https://console.example/leads/L1' };
const account = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'token-secret', from: '+14155550199' };
const created: Answer = { status: 201, body: JSON.stringify({ sid: 'SM1', status: 'queued' }), headers: { 'content-type': 'application/json' } };

describe('the SMS channel', () => {
  let api: Receiver | undefined;
  afterEach(async () => api?.close());

  const channel = (options: { timeoutMs?: number } = {}, settings: Partial<SmsSettings> = {}) =>
    smsChannel({ baseUrl: api!.url, ...account, ...settings }, options);

  it('posts to the account\'s Messages resource', async () => {
    api = await startReceiver(() => created);
    await channel().send(message, 'row-1');
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json']);
  });

  it('keeps a path the base URL has, without doubling its slash', async () => {
    api = await startReceiver(() => created);
    await channel({}, { baseUrl: `${api.url}/twilio/` }).send(message, 'row-1');
    expect(api.requests[0]!.path).toBe('/twilio/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json');
  });

  it('authenticates with the account sid and token', async () => {
    api = await startReceiver(() => created);
    await channel().send(message, 'row-1');
    const [user, password] = Buffer.from(api.requests[0]!.headers.authorization!.replace(/^Basic /, ''), 'base64').toString().split(':');
    expect({ user, password }).toEqual({ user: account.accountSid, password: 'token-secret' });
  });

  it('sends To, From and Body form-encoded', async () => {
    api = await startReceiver(() => created);
    await channel().send(message, 'row-1');
    const request = api.requests[0]!;
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ To: '+14155550100', From: '+14155550199', Body: message.text });
  });

  it('sends the dedupe key as the Idempotency-Key', async () => {
    api = await startReceiver(() => created);
    await channel().send(message, 'outbox:42');
    expect(api.requests[0]!.headers['idempotency-key']).toBe('outbox:42');
  });

  it('fails retryably on a 500', async () => {
    api = await startReceiver(() => ({ status: 500, body: 'upstream broke' }));
    const error = await deliveryFailure(channel().send(message, 'row-1'));
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('sms to +14155550100: HTTP 500: upstream broke');
  });

  it('fails retryably on a 429, with the wait the API asks for', async () => {
    api = await startReceiver(() => ({ status: 429, headers: { 'retry-after': '30' } }));
    const error = await deliveryFailure(channel().send(message, 'row-1'));
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('fails for good on a 400, saying why', async () => {
    const refusal = { code: 21211, message: "The 'To' number +1415 is not a valid phone number.", status: 400 };
    api = await startReceiver(() => ({ status: 400, body: JSON.stringify(refusal) }));
    const error = await deliveryFailure(channel().send(message, 'row-1'));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('not a valid phone number');
  });

  it('fails for good on a 401: wrong credentials stay wrong', async () => {
    api = await startReceiver(() => ({ status: 401 }));
    expect((await deliveryFailure(channel().send(message, 'row-1'))).retryable).toBe(false);
  });

  it('fails retryably within the timeout when the API never answers', async () => {
    api = await startReceiver(() => 'never');
    const started = Date.now();
    const error = await deliveryFailure(channel({ timeoutMs: 200 }).send(message, 'row-1'));
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('sms to +14155550100: no answer within 200 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('fails retryably when nothing listens', async () => {
    const port = await closedPort();
    const error = await deliveryFailure(smsChannel({ baseUrl: `http://127.0.0.1:${port}`, ...account }).send(message, 'row-1'));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('ECONNREFUSED');
  });
});
