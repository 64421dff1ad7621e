import { randomBytes } from 'node:crypto';
import type { WebhookEventName } from '../notify/index.js';
import type { Database } from '../store/database.js';
import { deleteWebhook, insertWebhook, listWebhooks, type Webhook } from '../store/repositories/webhooks.js';
import type { Clock } from './clock.js';
import { ServiceError } from './errors.js';
import { newId } from './ids.js';

export type { Webhook } from '../store/repositories/webhooks.js';

export interface NewWebhook {
  url: string;
  events?: WebhookEventName[];
  format?: 'json' | 'slack';
}

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** Subscribes a URL to lead events; the answer holds the signing secret, which is not shown again. */
export async function createWebhook(db: Database, input: NewWebhook, clock: Clock): Promise<Webhook> {
  if (!isHttpUrl(input.url)) throw new ServiceError('invalid', 'the webhook URL must be http(s)', [{ path: 'url', message: 'expected an http(s) URL' }]);
  const now = clock.now();
  const webhook: Webhook = {
    id: newId(now),
    url: input.url,
    secret: `whsec_${randomBytes(24).toString('base64url')}`,
    events: [...new Set(input.events ?? [])],
    format: input.format ?? 'json',
    active: true,
    createdAt: now,
  };
  await insertWebhook(db, webhook);
  return webhook;
}

export const findWebhooks = (db: Database): Promise<Webhook[]> => listWebhooks(db);

export async function removeWebhook(db: Database, id: string): Promise<void> {
  if (!(await deleteWebhook(db, id))) throw new ServiceError('not_found', `no webhook "${id}"`);
}
