import type { Lead } from '../../engine/index.js';
import type { Db } from '../database.js';
import { fromJson, toJson } from '../json.js';
import type { LeadsTable } from '../schema.js';

export type LeadStatus = 'new' | 'unqualified' | 'held' | 'queued' | 'offered' | 'assigned' | 'contacted' | 'won' | 'lost';
export const OPEN_STATUSES: readonly LeadStatus[] = ['new', 'held', 'queued', 'offered', 'assigned', 'contacted'];

/** Where routing put the lead. */
export interface Placement {
  status: LeadStatus;
  ownerId: string | null;
  team: string | null;
  queue: string | null;
  score: number | null;
  grade: string | null;
  route: string | null;
  configVersion: number | null;
}

/** A lead as stored: its normalised fields plus where routing put it. */
export interface StoredLead extends Placement {
  id: string;
  fields: Lead;
  source: string | null;
  externalId: string | null;
  accountId: string | null;
  isTest: boolean;
  createdAt: number;
  updatedAt: number;
}

function fromRow(row: LeadsTable): StoredLead {
  return {
    id: row.id,
    status: row.status as LeadStatus,
    fields: fromJson<Lead>(row.fields, {}),
    source: row.source,
    externalId: row.external_id,
    accountId: row.account_id,
    ownerId: row.owner_id,
    team: row.team_key,
    queue: row.queue,
    score: row.score,
    grade: row.grade,
    route: row.route,
    configVersion: row.config_version,
    isTest: row.is_test === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewLead {
  id: string;
  fields: Lead;
  /** The keys it is deduped by (see findOpenDuplicate). */
  emailKey: string | null;
  phoneKey: string | null;
  emailDomain: string | null;
  companyKey: string | null;
  isTest: boolean;
  placement: Placement;
  now: number;
}

/** Stores a captured lead where routing put it, and returns it as stored. */
export async function insertLead(db: Db, lead: NewLead): Promise<StoredLead> {
  const f = lead.fields;
  const p = lead.placement;
  const row: LeadsTable = {
    id: lead.id,
    status: p.status,
    source: f.source ?? null,
    external_id: f.externalId ?? null,
    fields: toJson(f),
    email: f.email ?? null,
    phone: f.phone ?? null,
    email_key: lead.emailKey,
    phone_key: lead.phoneKey,
    email_domain: lead.emailDomain,
    company_key: lead.companyKey,
    account_id: f.account?.id ?? null,
    owner_id: p.ownerId,
    team_key: p.team,
    queue: p.queue,
    score: p.score,
    grade: p.grade,
    route: p.route,
    config_version: p.configVersion,
    duplicate_of: null,
    is_test: lead.isTest ? 1 : 0,
    created_at: lead.now,
    updated_at: lead.now,
  };
  await db.insertInto('leads').values(row).execute();
  return fromRow(row);
}

export async function getLead(db: Db, id: string): Promise<StoredLead | undefined> {
  const row = await db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
  return row && fromRow(row);
}

export async function findLeadByExternalId(db: Db, externalId: string): Promise<StoredLead | undefined> {
  const row = await db.selectFrom('leads').selectAll().where('external_id', '=', externalId).executeTakeFirst();
  return row && fromRow(row);
}

/** The oldest open lead with the same email key or phone key, if any: a new submission is linked to it. */
export async function findOpenDuplicate(db: Db, emailKey: string | null, phoneKey: string | null): Promise<StoredLead | undefined> {
  if (!emailKey && !phoneKey) return undefined;
  const row = await db
    .selectFrom('leads')
    .selectAll()
    .where((eb) => eb.or([...(emailKey ? [eb('email_key', '=', emailKey)] : []), ...(phoneKey ? [eb('phone_key', '=', phoneKey)] : [])]))
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row && fromRow(row);
}

export interface LeadFilter {
  status?: LeadStatus;
  ownerId?: string;
  team?: string;
  source?: string;
  createdFrom?: number;
  createdTo?: number;
}

/** Newest first, `limit` at a time; the cursor is the last lead's (created_at, id). */
export async function listLeads(
  db: Db,
  filter: LeadFilter,
  page: { limit: number; after?: { createdAt: number; id: string } },
): Promise<StoredLead[]> {
  let query = db.selectFrom('leads').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.team) query = query.where('team_key', '=', filter.team);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.createdFrom !== undefined) query = query.where('created_at', '>=', filter.createdFrom);
  if (filter.createdTo !== undefined) query = query.where('created_at', '<', filter.createdTo);
  const after = page.after;
  if (after) {
    query = query.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map(fromRow);
}
