/** Pull queues, as `GET /v1/queues` answers. */
import type { z } from 'zod';
import type { Queue as QueueSchema } from '../../../src/http/schemas/queues';
import { api, type Page } from './client';

export type Queue = z.output<typeof QueueSchema>;

export const listQueues = () => api<Page<Queue>>('/v1/queues');
