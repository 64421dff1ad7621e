import type { WebhookEventName } from '../../notify/index.js';
import type { Db } from '../database.js';
import { fromJson, toJson } from '../json.js';
import type { WebhooksTable } from '../schema.js';

export interface Webhook {
  id: string;
  url: string;
  /** Signs every delivery (HMAC-SHA256); shown once, when the subscription is made. */
  secret: string;
  /** The events it receives (`lead.offered`, …); empty: all of them. */
  events: WebhookEventName[];
  format: 'json' | 'slack';
  active: boolean;
  createdAt: number;
}

function fromRow(row: WebhooksTable): Webhook {
  return {
    id: row.id,
    url: row.url,
    secret: row.secret,
    events: fromJson<WebhookEventName[]>(row.events, []),
    format: row.format as Webhook['format'],
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export async function insertWebhook(db: Db, webhook: Webhook): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({ id: webhook.id, url: webhook.url, secret: webhook.secret, events: toJson(webhook.events), format: webhook.format, active: webhook.active ? 1 : 0, created_at: webhook.createdAt })
    .execute();
}

export async function listWebhooks(db: Db, options: { activeOnly?: boolean } = {}): Promise<Webhook[]> {
  let query = db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id');
  if (options.activeOnly) query = query.where('active', '=', 1);
  return (await query.execute()).map(fromRow);
}

export async function deleteWebhook(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
