import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../store/database.js';
import {
  countActiveKeys,
  findApiKeyByHash,
  getApiKey,
  insertApiKey,
  listApiKeys,
  revokeApiKey as revokeStoredKey,
  touchApiKey,
  type ApiKeyRole,
  type StoredApiKey,
} from '../store/repositories/api-keys.js';
import { getRep } from '../store/repositories/people.js';
import type { Clock } from './clock.js';
import { createUnder } from './create-under.js';
import { ServiceError } from './errors.js';
import { newId } from './ids.js';
import { readPage, type Page } from './page.js';

export type { ApiKeyRole, StoredApiKey } from '../store/repositories/api-keys.js';
export const API_KEY_ROLES: readonly ApiKeyRole[] = ['admin', 'manager', 'rep', 'capture'];

/** Who is calling: the key's id, its role and, for a rep key, the rep it acts as. */
export interface Principal {
  keyId: string;
  role: ApiKeyRole;
  repId: string | null;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_CHARS = 32; // 32 base62 characters: about 190 bits
const PREFIX_CHARS = 10; // `lr_` and 7 characters, to tell keys apart in a list

/** A fresh secret: `lr_` and random base62 (rejection sampling keeps every character equally likely). */
export function generateSecret(): string {
  let out = 'lr_';
  while (out.length < 3 + SECRET_CHARS) {
    for (const byte of randomBytes(SECRET_CHARS)) {
      if (byte < 248 && out.length < 3 + SECRET_CHARS) out += BASE62[byte % 62];
    }
  }
  return out;
}

/**
 * The stored form of a secret. Secrets are long and random, so a fast hash is enough: there is
 * nothing to guess from it (a slow password hash would only slow every request down).
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export interface NewApiKeyInput {
  name: string;
  role: ApiKeyRole;
  repId?: string | null;
}

/** Creates a key; the secret is in the answer and nowhere else, ever. */
export async function createApiKey(db: Database, input: NewApiKeyInput, clock: Clock, secret = generateSecret()): Promise<{ apiKey: StoredApiKey; key: string }> {
  const repId = input.repId ?? null;
  if (input.role === 'rep' && !repId) throw new ServiceError('invalid', 'a rep key needs the rep it acts as', [{ path: 'repId', message: 'required for role rep' }]);
  if (input.role !== 'rep' && repId) throw new ServiceError('invalid', 'only a rep key acts as a rep', [{ path: 'repId', message: `not allowed for role ${input.role}` }]);
  return db.transaction().execute(async (trx) => {
    if (repId && !(await getRep(trx, repId))) throw new ServiceError('invalid', `unknown rep "${repId}"`, [{ path: 'repId', message: `unknown rep "${repId}"` }]);
    const now = clock.now();
    const id = newId(now);
    await createUnder(insertApiKey(trx, { id, name: input.name, role: input.role, repId, keyHash: hashSecret(secret), prefix: secret.slice(0, PREFIX_CHARS) }, now), () => new ServiceError('conflict', 'a key with this secret exists'));
    return { apiKey: (await getApiKey(trx, id))!, key: secret };
  });
}

export function listKeys(db: Database, page: { limit: number; after?: { createdAt: number; id: string } }): Promise<Page<StoredApiKey, { createdAt: number; id: string }>> {
  return readPage(page.limit, (limit) => listApiKeys(db, { ...page, limit }), (last) => ({ createdAt: last.createdAt, id: last.id }));
}

/** Revokes a key. The last active admin key cannot be revoked: nobody could manage keys any more. */
export async function revokeApiKey(db: Database, id: string, clock: Clock): Promise<StoredApiKey> {
  return db.transaction().execute(async (trx) => {
    const key = await getApiKey(trx, id);
    if (!key) throw new ServiceError('not_found', `no API key "${id}"`);
    if (key.revokedAt !== null) return key;
    if (key.role === 'admin' && (await countActiveKeys(trx, 'admin')) <= 1) {
      throw new ServiceError('conflict', 'this is the last active admin key: create another admin key before revoking it');
    }
    await revokeStoredKey(trx, id, clock.now());
    return (await getApiKey(trx, id))!;
  });
}

/**
 * The first admin key, for the CLI and `npm start`: with `fixedSecret` (LEADROUTER_ADMIN_KEY)
 * that secret becomes an admin key unless it already is one; without it, a key is generated when
 * no active admin key exists. `key` is set only when a key was created: print it once.
 */
export async function ensureAdminKey(db: Database, fixedSecret?: string, clock: Clock = { now: () => Date.now() }): Promise<{ created: boolean; key?: string }> {
  if (fixedSecret !== undefined) {
    if (fixedSecret.length < 20) throw new ServiceError('invalid', 'an admin key must be at least 20 characters long');
    // Created first and checked after, so that instances starting together on one store agree.
    const created = await createApiKey(db, { name: 'admin (from LEADROUTER_ADMIN_KEY)', role: 'admin' }, clock, fixedSecret).catch((error: unknown) => {
      if (error instanceof ServiceError && error.code === 'conflict') return undefined;
      throw error;
    });
    if (created) return { created: true, key: created.key };
    const existing = (await findApiKeyByHash(db, hashSecret(fixedSecret)))!;
    if (existing.role !== 'admin' || existing.revokedAt !== null) throw new ServiceError('conflict', 'the given admin key exists but is revoked or not an admin key');
    return { created: false };
  }
  if ((await countActiveKeys(db, 'admin')) > 0) return { created: false };
  const { key } = await createApiKey(db, { name: 'admin (first start)', role: 'admin' }, clock);
  return { created: true, key };
}

/**
 * Checks secrets against the store. A verified key is remembered for a few seconds so that a
 * busy client costs no lookup per request, and its last use is written at most once a minute.
 * A key revoked through this verifier is forgotten at once; on other instances within `ttlMs`.
 */
export class ApiKeyVerifier {
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly options: { ttlMs?: number; touchEveryMs?: number; maxEntries?: number } = {},
  ) {}

  async verify(secret: string): Promise<Principal | null> {
    const now = this.clock.now();
    const hash = hashSecret(secret);
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) {
      if (cached.principal) await this.touch(cached.principal.keyId, now);
      return cached.principal;
    }
    const key = await findApiKeyByHash(this.db, hash);
    const principal = key && key.revokedAt === null ? { keyId: key.id, role: key.role, repId: key.repId } : null;
    if (this.cache.size >= (this.options.maxEntries ?? 10_000)) this.cache.clear();
    this.cache.set(hash, { principal, until: now + (this.options.ttlMs ?? 5_000) });
    if (principal) await this.touch(principal.keyId, now);
    return principal;
  }

  /** Forgets what was verified for a key (after revoking it). */
  forget(keyId: string): void {
    for (const [hash, entry] of this.cache) if (entry.principal?.keyId === keyId) this.cache.delete(hash);
  }

  private async touch(keyId: string, now: number): Promise<void> {
    const last = this.touched.get(keyId);
    if (last !== undefined && now - last < (this.options.touchEveryMs ?? 60_000)) return;
    this.touched.set(keyId, now);
    await touchApiKey(this.db, keyId, now);
  }
}
