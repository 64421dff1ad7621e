import { loadConfig, type CompiledConfig, type ConfigError, type LoadResult } from '../engine/index.js';
import { AUTO_RESPONSE_TEMPLATES } from '../notify/index.js';
import type { Database, Db } from '../store/database.js';
import { allRepIds, allTeamKeys } from '../store/repositories/people.js';
import {
  activateConfigVersion,
  activeConfigVersion,
  getConfigVersion,
  insertConfigVersion,
  listConfigVersions,
  type StoredConfig,
} from '../store/repositories/routing-configs.js';
import { wakeHeldLeads } from '../store/repositories/timers.js';
import type { Clock } from './clock.js';
import { ServiceError } from './errors.js';

/** A configuration as given: YAML or JSON text, or an already parsed document. */
export type ConfigSource = string | Record<string, unknown>;

export interface ConfigVersion extends StoredConfig {
  active: boolean;
}

/** The text a configuration is stored as: text as given, a parsed document as JSON (which is YAML too). */
const sourceText = (source: ConfigSource): string => (typeof source === 'string' ? source : JSON.stringify(source, null, 2));

/**
 * Loads a configuration against the teams and reps that exist now and the auto-response
 * templates there are: a name the service cannot render is an error when the configuration is
 * saved, not a failed capture later.
 */
async function loadLive(db: Db, source: ConfigSource, version: number | null = null): Promise<LoadResult> {
  const [teams, reps] = await Promise.all([allTeamKeys(db), allRepIds(db)]);
  const result = loadConfig(source, { version, context: { teams: new Set(teams), reps: new Set(reps) } });
  const template = result.ok ? result.config.doc.notify?.lead?.autoResponse?.template : undefined;
  if (template === undefined || AUTO_RESPONSE_TEMPLATES.includes(template)) return result;
  return {
    ok: false,
    errors: [{ path: 'notify.lead.autoResponse.template', message: `unknown template "${template}" (expected one of ${AUTO_RESPONSE_TEMPLATES.join(', ')})` }],
  };
}

/** Every problem of a configuration, each with its path and (from text) its line. */
export async function validateConfig(db: Db, source: ConfigSource): Promise<{ valid: boolean; errors: ConfigError[] }> {
  const result = await loadLive(db, source);
  return { valid: result.ok, errors: result.errors };
}

/** A draft compiled for a simulation; every problem is a 400. */
export async function compileDraft(db: Db, source: ConfigSource): Promise<CompiledConfig> {
  const result = await loadLive(db, source);
  if (!result.ok) throw new ServiceError('invalid', 'the routing configuration has errors', result.errors);
  return result.config;
}

export async function activeConfig(db: Db): Promise<ConfigVersion> {
  const version = await activeConfigVersion(db);
  const stored = version === null ? undefined : await getConfigVersion(db, version);
  if (!stored) throw new ServiceError('not_found', 'no routing configuration is active');
  return { ...stored, active: true };
}

export async function findConfigVersion(db: Db, version: number): Promise<ConfigVersion> {
  const stored = await getConfigVersion(db, version);
  if (!stored) throw new ServiceError('not_found', `no routing configuration version ${version}`);
  return { ...stored, active: (await activeConfigVersion(db)) === version };
}

export async function listVersions(db: Db, page: { limit: number; before?: number }): Promise<Omit<ConfigVersion, 'source'>[]> {
  const [versions, active] = await Promise.all([listConfigVersions(db, page), activeConfigVersion(db)]);
  return versions.map((v) => ({ ...v, active: v.version === active }));
}

/** Saves a valid configuration as the next version, and makes it live when asked. Invalid: a 400 with every error. */
export async function createConfigVersion(
  db: Database,
  input: { source: ConfigSource; activate: boolean; createdBy: string | null },
  clock: Clock,
): Promise<ConfigVersion> {
  return db.transaction().execute(async (trx) => {
    const result = await loadLive(trx, input.source);
    if (!result.ok) throw new ServiceError('invalid', 'the routing configuration has errors', result.errors);
    const version = await insertConfigVersion(trx, sourceText(input.source), input.createdBy, clock.now());
    if (input.activate) await activate(trx, version, clock.now());
    return { ...(await getConfigVersion(trx, version))!, active: input.activate || (await activeConfigVersion(trx)) === version };
  });
}

/** Makes a saved version live, once it still holds against today's teams and reps. */
/** Makes a version live; held leads are looked at again under it. */
async function activate(trx: Db, version: number, now: number): Promise<void> {
  await activateConfigVersion(trx, version);
  await wakeHeldLeads(trx, now);
}

export async function activateVersion(db: Database, version: number, clock: Clock): Promise<ConfigVersion> {
  return db.transaction().execute(async (trx) => {
    const stored = await getConfigVersion(trx, version);
    if (!stored) throw new ServiceError('not_found', `no routing configuration version ${version}`);
    const result = await loadLive(trx, stored.source, version);
    if (!result.ok) throw new ServiceError('invalid', `version ${version} no longer holds against the current teams and reps`, result.errors);
    await activate(trx, version, clock.now());
    return { ...stored, active: true };
  });
}
