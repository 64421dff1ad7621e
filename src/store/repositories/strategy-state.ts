import type { StrategyState } from '../../engine/index.js';
import type { Db } from '../database.js';
import { isPostgres } from '../dialect.js';
import { fromJson, toJson } from '../json.js';

export interface VersionedState {
  state: StrategyState;
  version: number;
}

/**
 * Reads strategy state rows, locking them for the rest of the transaction on PostgreSQL so that
 * two instances never rotate from the same state. (SQLite has one writer at a time already.)
 * Rows that do not exist yet are created first, so that there is something to lock.
 */
export async function lockStates(db: Db, scopes: readonly string[], now: number): Promise<Map<string, VersionedState>> {
  const found = new Map<string, VersionedState>();
  if (scopes.length === 0) return found;
  const sorted = [...new Set(scopes)].sort(); // one lock order everywhere: no deadlocks
  await db
    .insertInto('strategy_state')
    .values(sorted.map((scope) => ({ scope, state: '{}', version: 0, updated_at: now })))
    .onConflict((oc) => oc.column('scope').doNothing())
    .execute();
  let query = db.selectFrom('strategy_state').selectAll().where('scope', 'in', sorted).orderBy('scope');
  if (isPostgres(db)) query = query.forUpdate();
  for (const row of await query.execute()) found.set(row.scope, { state: fromJson<StrategyState>(row.state, {}), version: row.version });
  return found;
}

export async function writeState(db: Db, scope: string, state: StrategyState, version: number, now: number): Promise<void> {
  await db.updateTable('strategy_state').set({ state: toJson(state), version, updated_at: now }).where('scope', '=', scope).execute();
}

export async function readAllStates(db: Db): Promise<Map<string, VersionedState>> {
  const rows = await db.selectFrom('strategy_state').selectAll().execute();
  return new Map(rows.map((r) => [r.scope, { state: fromJson<StrategyState>(r.state, {}), version: r.version }]));
}
