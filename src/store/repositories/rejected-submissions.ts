import type { Db } from '../database.js';
import { fromJson, toJson } from '../json.js';

export interface RejectedSubmission {
  id: string;
  /** Where it came from, e.g. `form:quote`. */
  source: string;
  reason: 'honeypot';
  fields: Record<string, unknown>;
  receivedAt: number;
}

export async function insertRejectedSubmission(db: Db, submission: RejectedSubmission): Promise<void> {
  await db
    .insertInto('rejected_submissions')
    .values({ id: submission.id, source: submission.source, reason: submission.reason, fields: toJson(submission.fields), received_at: submission.receivedAt })
    .execute();
}

export interface RejectedSubmissionFilter {
  source?: string;
}

/** Newest first, `limit` at a time; the cursor is the last submission's (received_at, id). */
export async function listRejectedSubmissions(
  db: Db,
  filter: RejectedSubmissionFilter,
  page: { limit: number; after?: { receivedAt: number; id: string } },
): Promise<RejectedSubmission[]> {
  let query = db.selectFrom('rejected_submissions').selectAll();
  if (filter.source !== undefined) query = query.where('source', '=', filter.source);
  const after = page.after;
  if (after) {
    query = query.where((eb) => eb.or([eb('received_at', '<', after.receivedAt), eb.and([eb('received_at', '=', after.receivedAt), eb('id', '<', after.id)])]));
  }
  const rows = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map((r) => ({ id: r.id, source: r.source, reason: r.reason as 'honeypot', fields: fromJson<Record<string, unknown>>(r.fields, {}), receivedAt: r.received_at }));
}
