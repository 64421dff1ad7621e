import type { SmsMessage } from '../message.js';
import type { Channel } from './channel.js';
import { post } from './http-post.js';

/** An account on a Twilio-compatible Messages API. */
export interface SmsSettings {
  /** The API's base URL: `https://api.twilio.com`, or a compatible provider's. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** The number (E.164) or sender id the messages come from. */
  from: string;
}

/**
 * Sends SMS as Twilio's Messages API takes them: a form-encoded POST of `To`, `From` and `Body`
 * to `/2010-04-01/Accounts/{sid}/Messages.json`, with the account's sid and token as basic auth.
 * The dedupe key goes as an `Idempotency-Key` header, for providers that honour one.
 */
export function smsChannel(settings: SmsSettings, options: { timeoutMs?: number } = {}): Channel<SmsMessage> {
  const endpoint = `${settings.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  return {
    async send(message, dedupeKey) {
      await post(endpoint, {
        what: `sms to ${message.to}`,
        headers: {
          authorization,
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': dedupeKey,
        },
        body: new URLSearchParams({ To: message.to, From: settings.from, Body: message.text }).toString(),
        timeoutMs: options.timeoutMs ?? 10_000,
      });
    },
  };
}
