import type { Lead } from '../../engine/index.js';
import { sql } from 'kysely';
import { chunks } from '../chunks.js';
import type { Db } from '../database.js';
import { fromJson, toJson } from '../json.js';
import { OPEN_STATUSES, type LeadStatus } from '../../lifecycle/statuses.js';
import { isPostgres } from '../dialect.js';
import type { LeadsTable } from '../schema.js';

export type { LeadStatus } from '../../lifecycle/statuses.js';

/** Where the lead stands: where routing put it and how far its life has gone since. */
export interface LeadState {
  status: LeadStatus;
  ownerId: string | null;
  team: string | null;
  queue: string | null;
  score: number | null;
  grade: string | null;
  route: string | null;
  configVersion: number | null;
  /** Offers made so far. */
  attempts: number;
  /** Reps who rejected the lead or let its offer expire: never offered it again. */
  triedReps: string[];
  offeredAt: number | null;
  assignedAt: number | null;
  contactedAt: number | null;
  closedAt: number | null;
  revenue: number | null;
  lostReason: string | null;
}

/** Where routing put a new lead; the rest of its state starts empty. */
export type Placement = Pick<LeadState, 'status' | 'ownerId' | 'team' | 'queue' | 'score' | 'grade' | 'route' | 'configVersion' | 'attempts' | 'offeredAt' | 'assignedAt'>;

/** A lead as stored: its normalised fields plus where it stands. */
export interface StoredLead extends LeadState {
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
  const fields = fromJson<Lead>(row.fields, {});
  return {
    id: row.id,
    status: row.status as LeadStatus,
    fields,
    source: row.source,
    externalId: fields.externalId ?? null,
    accountId: row.account_id,
    ownerId: row.owner_id,
    team: row.team_key,
    queue: row.queue,
    score: row.score,
    grade: row.grade,
    route: row.route,
    configVersion: row.config_version,
    attempts: row.attempts,
    triedReps: fromJson<string[]>(row.tried_reps, []),
    offeredAt: row.offered_at,
    assignedAt: row.assigned_at,
    contactedAt: row.contacted_at,
    closedAt: row.closed_at,
    revenue: row.revenue,
    lostReason: row.lost_reason,
    isTest: row.is_test === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns of a change to a lead's state. */
function stateColumns(state: Partial<LeadState>): Partial<LeadsTable> {
  const columns: Partial<LeadsTable> = {};
  if (state.status !== undefined) columns.status = state.status;
  if (state.ownerId !== undefined) columns.owner_id = state.ownerId;
  if (state.team !== undefined) columns.team_key = state.team;
  if (state.queue !== undefined) columns.queue = state.queue;
  if (state.score !== undefined) columns.score = state.score;
  if (state.grade !== undefined) columns.grade = state.grade;
  if (state.route !== undefined) columns.route = state.route;
  if (state.configVersion !== undefined) columns.config_version = state.configVersion;
  if (state.attempts !== undefined) columns.attempts = state.attempts;
  if (state.triedReps !== undefined) columns.tried_reps = toJson(state.triedReps);
  if (state.offeredAt !== undefined) columns.offered_at = state.offeredAt;
  if (state.assignedAt !== undefined) columns.assigned_at = state.assignedAt;
  if (state.contactedAt !== undefined) columns.contacted_at = state.contactedAt;
  if (state.closedAt !== undefined) columns.closed_at = state.closedAt;
  if (state.revenue !== undefined) columns.revenue = state.revenue;
  if (state.lostReason !== undefined) columns.lost_reason = state.lostReason;
  return columns;
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

/** An external id is the sending system's: unique within the lead's source, not across sources (migration 012). */
export const externalKey = (source: string | null | undefined, externalId: string) => `${source ?? ''}\u001f${externalId}`;

/** A captured lead as it stands once stored: where routing put it, nothing else happened yet. */
export function capturedLead(lead: NewLead): StoredLead {
  const f = lead.fields;
  return {
    id: lead.id,
    fields: f,
    source: f.source ?? null,
    externalId: f.externalId ?? null,
    accountId: f.account?.id ?? null,
    isTest: lead.isTest,
    createdAt: lead.now,
    updatedAt: lead.now,
    triedReps: [],
    contactedAt: null,
    closedAt: null,
    revenue: null,
    lostReason: null,
    ...lead.placement,
  };
}

/** Stores captured leads where routing put them, in as few statements as the stores allow. */
export async function insertLeads(db: Db, leads: readonly NewLead[]): Promise<void> {
  for (const chunk of chunks(leads)) await db.insertInto('leads').values(chunk.map(newRow)).execute();
}

function newRow(lead: NewLead): LeadsTable {
  const f = lead.fields;
  const p = lead.placement;
  return {
    id: lead.id,
    status: p.status,
    source: f.source ?? null,
    external_key: f.externalId ? externalKey(f.source, f.externalId) : null,
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
    attempts: p.attempts,
    tried_reps: '[]',
    offered_at: p.offeredAt,
    assigned_at: p.assignedAt,
    contacted_at: null,
    closed_at: null,
    revenue: null,
    lost_reason: null,
  };
}

export async function getLeads(db: Db, ids: readonly string[]): Promise<StoredLead[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('leads').selectAll().where('id', 'in', ids).execute()).map(fromRow);
}

export async function getLead(db: Db, id: string): Promise<StoredLead | undefined> {
  const row = await db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
  return row && fromRow(row);
}

/**
 * Reads a lead to change it: on PostgreSQL its row stays locked until the transaction ends, so
 * two changes to one lead (an accept and the offer's expiry, say) happen one after the other.
 * (On SQLite the transaction holds the write lock already.) With `skipLocked`, a lead another
 * transaction holds is not waited for: it reads as missing.
 */
export async function lockLead(db: Db, id: string, options: { skipLocked?: boolean } = {}): Promise<StoredLead | undefined> {
  let query = db.selectFrom('leads').selectAll().where('id', '=', id);
  if (isPostgres(db)) query = options.skipLocked ? query.forUpdate().skipLocked() : query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && fromRow(row);
}

export async function updateLeadState(db: Db, id: string, state: Partial<LeadState>, now: number): Promise<void> {
  await db.updateTable('leads').set({ ...stateColumns(state), updated_at: now }).where('id', '=', id).execute();
}

/** The leads sent before with these external keys (see externalKey), by key. */
export async function findLeadsByExternalKeys(db: Db, keys: readonly string[]): Promise<Map<string, StoredLead>> {
  const found = new Map<string, StoredLead>();
  for (const chunk of chunks([...new Set(keys)])) {
    for (const row of await db.selectFrom('leads').selectAll().where('external_key', 'in', chunk).execute()) found.set(row.external_key!, fromRow(row));
  }
  return found;
}

/** An open lead with the keys it is deduped by. */
export interface OpenLead {
  lead: StoredLead;
  emailKey: string | null;
  phoneKey: string | null;
}

/** The open leads with any of these email keys or phone keys, in no particular order. */
export async function findOpenLeadsByKeys(db: Db, emailKeys: readonly string[], phoneKeys: readonly string[]): Promise<OpenLead[]> {
  const found = new Map<string, OpenLead>();
  for (const [column, keys] of [['email_key', emailKeys], ['phone_key', phoneKeys]] as const) {
    for (const chunk of chunks([...new Set(keys)])) {
      // The status is checked here, not in SQL: given both lists, SQLite would pick the status index and scan every open lead.
      const rows = await db.selectFrom('leads').selectAll().where(column, 'in', chunk).execute();
      for (const row of rows) if (OPEN_STATUSES.includes(row.status as LeadStatus)) found.set(row.id, { lead: fromRow(row), emailKey: row.email_key, phoneKey: row.phone_key });
    }
  }
  return [...found.values()];
}

export interface LeadFilter {
  status?: LeadStatus;
  ownerId?: string;
  team?: string;
  source?: string;
  createdFrom?: number;
  createdTo?: number;
  /** Words that must all appear in the lead's fields (name, email, phone, company, …), in any case. */
  q?: string;
}

/** A LIKE pattern matching `word` anywhere, its own % and _ taken literally (escaped with a backslash). */
const containing = (word: string) => `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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
  for (const word of filter.q?.split(/\s+/).filter(Boolean) ?? []) query = query.where(sql<boolean>`lower(fields) like ${containing(word)} escape '\\'`);
  const after = page.after;
  if (after) {
    query = query.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map(fromRow);
}

/**
 * The `limit` leads captured last, newest first: real leads only — not the test leads lead
 * sources send to check their set-up, nor a submission linked to an earlier lead.
 */
export async function recentLeads(db: Db, limit: number): Promise<StoredLead[]> {
  const rows = await db
    .selectFrom('leads')
    .selectAll()
    .where('is_test', '=', 0)
    .where('duplicate_of', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

/**
 * Takes the best lead waiting in a queue — highest score (unscored last), then oldest — for this
 * transaction to change. On PostgreSQL its row stays locked until the transaction ends and other
 * pullers skip it for the next one, so concurrent pulls never wait on each other nor take the
 * same lead; on SQLite the transaction holds the write lock already.
 */
export async function claimQueuedLead(db: Db, queue: string): Promise<StoredLead | undefined> {
  let query = db
    .selectFrom('leads')
    .selectAll()
    .where('status', '=', 'queued')
    .where('queue', '=', queue)
    .orderBy('score', (ob) => ob.desc().nullsLast())
    .orderBy('created_at')
    .orderBy('id')
    .limit(1);
  if (isPostgres(db)) query = query.forUpdate().skipLocked();
  const row = await query.executeTakeFirst();
  return row && fromRow(row);
}

export interface QueueDepth {
  queue: string;
  depth: number;
  /** When the lead that has waited longest was captured. */
  oldestAt: number;
}

/** The queues that hold leads now, by name: how many wait in each and since when. */
export async function queueDepths(db: Db): Promise<QueueDepth[]> {
  const rows = await db
    .selectFrom('leads')
    .select((eb) => ['queue', eb.fn.countAll<number>().as('depth'), eb.fn.min('created_at').as('oldest_at')])
    .where('status', '=', 'queued')
    .where('queue', 'is not', null)
    .groupBy('queue')
    .orderBy('queue')
    .execute();
  return rows.map((r) => ({ queue: r.queue!, depth: r.depth, oldestAt: r.oldest_at }));
}
