import type { Db } from '../store/database.js';
import { listRejectedSubmissions, type RejectedSubmission, type RejectedSubmissionFilter } from '../store/repositories/rejected-submissions.js';
import { readPage, type Page } from './page.js';

export type { RejectedSubmission } from '../store/repositories/rejected-submissions.js';

export type RejectedSubmissionPage = Page<RejectedSubmission, { receivedAt: number; id: string }>;

/** Submissions refused as spam, newest first: what an admin looks through to recover a real lead caught by mistake. */
export function findRejectedSubmissions(
  db: Db,
  filter: RejectedSubmissionFilter,
  page: { limit: number; after?: { receivedAt: number; id: string } },
): Promise<RejectedSubmissionPage> {
  return readPage(page.limit, (limit) => listRejectedSubmissions(db, filter, { ...page, limit }), (last) => ({ receivedAt: last.receivedAt, id: last.id }));
}
