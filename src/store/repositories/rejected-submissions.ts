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

/** The latest first. */
export async function listRejectedSubmissions(db: Db, limit: number): Promise<RejectedSubmission[]> {
  const rows = await db.selectFrom('rejected_submissions').selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, source: r.source, reason: r.reason as 'honeypot', fields: fromJson<Record<string, unknown>>(r.fields, {}), receivedAt: r.received_at }));
}
