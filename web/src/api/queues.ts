/** Pull queues, as `GET /v1/queues` answers. */
import { api, type Page } from './client';

export interface Queue {
  key: string;
  depth: number;
  oldestAt: string | null;
  oldestAgeSeconds: number | null;
  /** Who may pull from it: every rep, nobody (managers hand its leads out), or these teams' members and these reps. */
  pullers: 'everyone' | 'nobody' | { teams: string[]; reps: string[] };
  /** For a rep key: whether the rep pulls from this queue, even if not this minute; null for other keys. */
  mayPull: boolean | null;
}

export const listQueues = () => api<Page<Queue>>('/v1/queues');
