import { DeliveryError } from '../delivery-error.js';
import type { EmailMessage, OutboundMessage, SmsMessage } from '../message.js';
import type { Channel } from './channel.js';
import { emailChannel } from './email.js';
import { smsChannel, type SmsSettings } from './sms.js';
import { webhookChannel } from './webhook.js';

export const TWILIO_API_URL = 'https://api.twilio.com';

/** The channels' settings, as the service reads them from the environment; any may be missing. */
export interface ChannelSettings {
  /** LEADROUTER_SMTP_URL */
  smtpUrl?: string | undefined;
  /** LEADROUTER_MAIL_FROM */
  mailFrom?: string | undefined;
  /** LEADROUTER_SMS_URL (Twilio's own API when absent), _ACCOUNT_SID, _AUTH_TOKEN, _FROM */
  sms?: Partial<SmsSettings> | undefined;
  /** How long an HTTP delivery, or an SMTP connection, may take. */
  timeoutMs?: number | undefined;
}

/** Every channel behind one `send`: the dispatcher hands it whatever message a row holds. */
export interface Channels {
  send(message: OutboundMessage, dedupeKey: string): Promise<void>;
  close(): void;
}

/**
 * The channels the settings make possible. A message for a channel that is not set up fails for
 * good, naming the setting that is missing: no retry can supply it, and the dead letter says
 * what to set. Webhooks need no settings: each subscription carries its own URL and secret.
 */
export function createChannels(settings: ChannelSettings): Channels {
  const timeoutMs = settings.timeoutMs;
  const email = settings.smtpUrl
    ? emailChannel({ smtpUrl: settings.smtpUrl, from: settings.mailFrom, connectTimeoutMs: timeoutMs })
    : undefined;
  const sms = smsSettings(settings.sms);
  const channels: { email: Channel<EmailMessage>; sms: Channel<SmsMessage> } = {
    email: email ?? unconfigured('email', ['LEADROUTER_SMTP_URL']),
    sms: Array.isArray(sms) ? unconfigured('sms', sms) : smsChannel(sms, { timeoutMs }),
  };
  const webhook = webhookChannel({ timeoutMs });
  return {
    send(message, dedupeKey) {
      switch (message.channel) {
        case 'email':
          return channels.email.send(message, dedupeKey);
        case 'sms':
          return channels.sms.send(message, dedupeKey);
        case 'webhook':
          return webhook.send(message, dedupeKey);
        default:
          // A row written by another version, or by hand: never to be taken for sent.
          return Promise.reject(new DeliveryError(`no channel "${String((message as { channel?: unknown }).channel)}"`, false));
      }
    },
    close: () => email?.close(),
  };
}

/** The SMS settings when complete, else the variables still to set. */
function smsSettings(sms: Partial<SmsSettings> = {}): SmsSettings | string[] {
  const { accountSid, authToken, from } = sms;
  if (accountSid && authToken && from) return { baseUrl: sms.baseUrl || TWILIO_API_URL, accountSid, authToken, from };
  const required = { LEADROUTER_SMS_ACCOUNT_SID: accountSid, LEADROUTER_SMS_AUTH_TOKEN: authToken, LEADROUTER_SMS_FROM: from };
  return Object.entries(required).filter(([, value]) => !value).map(([name]) => name);
}

function unconfigured<M>(channel: string, missing: string[]): Channel<M> {
  return {
    send: () => Promise.reject(new DeliveryError(`${channel} is not configured: set ${missing.join(', ')}`, false)),
  };
}
