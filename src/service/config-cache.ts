import { loadConfig, type CompiledConfig } from '../engine/index.js';
import type { Db } from '../store/database.js';
import { activeConfigVersion, getConfigVersion } from '../store/repositories/routing-configs.js';

/**
 * Compiled configurations by version. A version never changes once saved, so a compiled one
 * can be kept for the life of the process; which version is active is read from the store.
 */
export class ConfigCache {
  private readonly compiled = new Map<number, CompiledConfig>();

  async active(db: Db): Promise<CompiledConfig | null> {
    const version = await activeConfigVersion(db);
    return version === null ? null : this.version(db, version);
  }

  async version(db: Db, version: number): Promise<CompiledConfig> {
    const cached = this.compiled.get(version);
    if (cached) return cached;
    const stored = await getConfigVersion(db, version);
    if (!stored) throw new Error(`routing configuration version ${version} does not exist`);
    // Saved versions were validated against the teams of their day; a team removed since is simply found empty.
    const result = loadConfig(stored.source, { version });
    if (!result.ok) throw new Error(`routing configuration version ${version} no longer compiles: ${result.errors[0]?.message}`);
    this.compiled.set(version, result.config);
    return result.config;
  }
}
