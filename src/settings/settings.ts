import { z } from 'zod';
import type { ChannelSettings } from '../notify/index.js';

/**
 * Service settings from the environment, with defaults that work out of the box
 * (PRODUCT.md §6). Unknown values are reported with the variable's name.
 */
const Settings = z.object({
  LEADROUTER_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LEADROUTER_HOST: z.string().min(1).default('127.0.0.1'),
  LEADROUTER_DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'expected sqlite:<path> or postgres://…')
    .default('sqlite:./data/leadrouter.db'),
  LEADROUTER_ADMIN_KEY: z.string().min(20, 'expected at least 20 characters').optional(),
  LEADROUTER_DEMO: z.enum(['0', '1']).default('0'),
  LEADROUTER_DEFAULT_COUNTRY: z.string().length(2).toUpperCase().default('US'),
  LEADROUTER_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LEADROUTER_CONSOLE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LEADROUTER_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'expected smtp://user:pass@host:587 or smtps://…').optional(),
  LEADROUTER_MAIL_FROM: z.string().min(3).optional(),
  LEADROUTER_SMS_URL: z.url({ protocol: /^https?$/ }).optional(),
  LEADROUTER_SMS_ACCOUNT_SID: z.string().min(1).optional(),
  LEADROUTER_SMS_AUTH_TOKEN: z.string().min(1).optional(),
  LEADROUTER_SMS_FROM: z.string().min(1).optional(),
  LEADROUTER_OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
});

export interface ServiceSettings {
  port: number;
  host: string;
  databaseUrl: string;
  adminKey: string | undefined;
  demo: boolean;
  defaultCountry: string;
  logLevel: string;
  /** Where the console is: the links in reps' messages point there. */
  consoleUrl: string;
  channels: ChannelSettings;
  /**
   * How long a message claimed for delivery is its instance's alone: one that dies mid-send
   * leaves it to others after this long. Longer than a send can take (SMTP waits up to a minute
   * for a silent server), or a slow send and its retry by another instance both go out.
   */
  outboxLeaseMs: number;
}

export function readSettings(env: NodeJS.ProcessEnv): ServiceSettings {
  const parsed = Settings.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid settings:\n${parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`).join('\n')}`);
  }
  const s = parsed.data;
  return {
    port: s.LEADROUTER_PORT,
    host: s.LEADROUTER_HOST,
    databaseUrl: s.LEADROUTER_DATABASE_URL,
    adminKey: s.LEADROUTER_ADMIN_KEY,
    demo: s.LEADROUTER_DEMO === '1',
    defaultCountry: s.LEADROUTER_DEFAULT_COUNTRY,
    logLevel: s.LEADROUTER_LOG_LEVEL,
    consoleUrl: (s.LEADROUTER_CONSOLE_URL ?? `http://${s.LEADROUTER_HOST}:${s.LEADROUTER_PORT}`).replace(/\/$/, ''),
    channels: {
      smtpUrl: s.LEADROUTER_SMTP_URL,
      mailFrom: s.LEADROUTER_MAIL_FROM,
      sms: { baseUrl: s.LEADROUTER_SMS_URL, accountSid: s.LEADROUTER_SMS_ACCOUNT_SID, authToken: s.LEADROUTER_SMS_AUTH_TOKEN, from: s.LEADROUTER_SMS_FROM },
    },
    outboxLeaseMs: s.LEADROUTER_OUTBOX_LEASE_MS,
  };
}
