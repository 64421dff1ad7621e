import { z } from 'zod';
import { named } from './registry.js';
import { Instant } from './common.js';

export const ROLES = ['admin', 'manager', 'rep', 'capture'] as const;

export const ApiKey = named(z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    repId: z.string().nullable(),
    prefix: z.string().describe('the first characters of the secret, to tell keys apart'),
    createdAt: Instant,
    lastUsedAt: Instant.nullable().describe('to the minute'),
    revokedAt: Instant.nullable(),
  }), 'ApiKey');

export const CreatedApiKey = named(ApiKey.extend({ key: z.string().describe('the secret: shown this once, never again') }), 'CreatedApiKey');

export const CreateApiKeyBody = z.strictObject({
  name: z.string().min(1).max(200),
  role: z.enum(ROLES).describe('admin: everything; manager: people, routing and leads; rep: own profile and own leads; capture: create leads only'),
  repId: z.string().min(1).nullish().describe('for a rep key: the rep it acts as'),
});

export const ApiKeyParams = z.strictObject({ id: z.string().min(1) });
