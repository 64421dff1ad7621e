import type { Db } from '../store/database.js';
import { listRejectedSubmissions, type RejectedSubmission, type RejectedSubmissionFilter } from '../store/repositories/rejected-submissions.js';

export type { RejectedSubmission } from '../store/repositories/rejected-submissions.js';

export interface RejectedSubmissionPage {
  submissions: RejectedSubmission[];
  /** Where the next page starts, when there is one. */
  next: { receivedAt: number; id: string } | null;
}

/** Submissions refused as spam, newest first: what an admin looks through to recover a real lead caught by mistake. */
export async function findRejectedSubmissions(
  db: Db,
  filter: RejectedSubmissionFilter,
  page: { limit: number; after?: { receivedAt: number; id: string } },
): Promise<RejectedSubmissionPage> {
  const submissions = await listRejectedSubmissions(db, filter, { ...page, limit: page.limit + 1 });
  const more = submissions.length > page.limit;
  if (more) submissions.length = page.limit;
  const last = submissions.at(-1);
  return { submissions, next: more && last ? { receivedAt: last.receivedAt, id: last.id } : null };
}
