import type { Db } from '../database.js';
import { fromJson, toJson } from '../json.js';
import type { FormsTable } from '../schema.js';

/** A form source as stored, `googleKey` included: only the service decides who sees it. */
export interface StoredForm {
  key: string;
  name: string;
  mapping: Record<string, string>;
  honeypot: string | null;
  thankYouUrl: string | null;
  allowedRedirectHosts: string[];
  allowedOrigins: string[];
  googleKey: string | null;
  source: string | null;
  createdAt: number;
  updatedAt: number;
}

export type NewForm = Omit<StoredForm, 'createdAt' | 'updatedAt'>;

function fromRow(row: FormsTable): StoredForm {
  return {
    key: row.key,
    name: row.name,
    mapping: fromJson(row.mapping, {}),
    honeypot: row.honeypot,
    thankYouUrl: row.thank_you_url,
    allowedRedirectHosts: fromJson(row.allowed_redirect_hosts, []),
    allowedOrigins: fromJson(row.allowed_origins, []),
    googleKey: row.google_key,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertForm(db: Db, form: NewForm, now: number): Promise<void> {
  await db
    .insertInto('forms')
    .values({
      key: form.key,
      name: form.name,
      mapping: toJson(form.mapping),
      honeypot: form.honeypot,
      thank_you_url: form.thankYouUrl,
      allowed_redirect_hosts: toJson(form.allowedRedirectHosts),
      allowed_origins: toJson(form.allowedOrigins),
      google_key: form.googleKey,
      source: form.source,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function getForm(db: Db, key: string): Promise<StoredForm | undefined> {
  const row = await db.selectFrom('forms').selectAll().where('key', '=', key).executeTakeFirst();
  return row && fromRow(row);
}

/** Every form source, by key. */
export async function listForms(db: Db): Promise<StoredForm[]> {
  const rows = await db.selectFrom('forms').selectAll().orderBy('key').execute();
  return rows.map(fromRow);
}
