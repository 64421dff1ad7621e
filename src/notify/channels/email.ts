import { createHash } from 'node:crypto';
import nodemailer, { type NodemailerError } from 'nodemailer';
import { DeliveryError } from '../delivery-error.js';
import type { EmailMessage } from '../message.js';
import type { Channel } from './channel.js';

export const DEFAULT_MAIL_FROM = 'leadrouter <leadrouter@localhost>';

/**
 * A few connections kept open and reused: a new SMTP session per message costs the server's
 * greeting delay every time, and messages for a burst of leads would queue behind it.
 */
export const SMTP_POOL = { pool: true, maxConnections: 5 } as const;

export interface EmailSettings {
  /** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465` (TLS). */
  smtpUrl: string;
  /** The From address of every message. */
  from?: string;
  /** How long to wait for the connection and for the server's greeting. */
  connectTimeoutMs?: number;
  /**
   * How long the server may stay silent once connected. Longer than the connect timeout: a
   * server may take its time over a message it is scanning, and giving up then can send it twice.
   */
  socketTimeoutMs?: number;
}

/**
 * Sends email over SMTP with nodemailer, as a plain-text part and an HTML one. Each message's
 * Message-ID is made from its dedupe key, so a message sent again after a lost answer is the
 * same message to mail clients and to anyone looking through the logs; the key itself goes in a
 * `Leadrouter-Delivery` header.
 */
export function emailChannel(settings: EmailSettings): Channel<EmailMessage> & { close(): void } {
  const connectTimeout = settings.connectTimeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    url: smtpUrl(settings.smtpUrl),
    ...SMTP_POOL,
    connectionTimeout: connectTimeout,
    greetingTimeout: connectTimeout,
    dnsTimeout: connectTimeout,
    socketTimeout: settings.socketTimeoutMs ?? 60_000,
  });
  const from = settings.from ?? DEFAULT_MAIL_FROM;
  const domain = /@([^\s@>]+)>?\s*$/.exec(from)?.[1] ?? 'leadrouter';
  return {
    async send(message, dedupeKey) {
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: messageId(dedupeKey, domain),
          headers: { 'Leadrouter-Delivery': dedupeKey },
        });
      } catch (error) {
        throw smtpFailure(error, message.to);
      }
    },
    close: () => transport.close(),
  };
}

/** `<32 hex digits@domain>`: the same key makes the same id, in a form every header parser takes. */
export function messageId(dedupeKey: string, domain: string): string {
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${domain}>`;
}

function smtpUrl(url: string): string {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error('not an SMTP URL: expected smtp://user:pass@host:587');
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new Error(`not an SMTP URL: expected smtp:// or smtps://, not ${protocol}//`);
  return url;
}

/** Failures without an SMTP reply that sending again cannot mend: the settings or the message are wrong. */
const PERMANENT_CODES: ReadonlySet<string> = new Set(['ECONFIG', 'EENVELOPE', 'ENOAUTH', 'EAUTH', 'EREQUIRETLS']);

/**
 * Whether to try again, by RFC 5321's reply classes: 4xx is transient, 5xx permanent (nodemailer
 * reads the class into `permanent`, with 503 — commands out of sequence — as transient). An
 * error with no reply is a connection that failed or timed out, worth trying again, unless it
 * comes from the configuration or the message.
 */
function smtpFailure(error: unknown, to: string): DeliveryError {
  const failure = error as NodemailerError;
  const reason = failure.response ?? failure.message;
  const retryable = typeof failure.responseCode === 'number'
    ? !(failure.permanent ?? failure.responseCode >= 500)
    : !PERMANENT_CODES.has(failure.code ?? '');
  return new DeliveryError(`email to ${to}: ${reason}`, retryable, { cause: error });
}
