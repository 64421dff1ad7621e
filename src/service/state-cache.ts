import type { StrategyState } from '../engine/index.js';

/**
 * The strategy state this process last saw, so that a decision usually needs no extra read. It
 * is only a first guess: before a decision commits, the rows it changes are locked and their
 * versions compared, and a stale guess means deciding again on what the store holds.
 */
export class StrategyStateCache {
  readonly state: Record<string, StrategyState> = {};
  private readonly versions = new Map<string, number>();

  /** The version this process last saw; a scope never seen is the empty state, version 0. */
  version(scope: string): number {
    return this.versions.get(scope) ?? 0;
  }

  remember(scope: string, state: StrategyState, version: number): void {
    this.state[scope] = state;
    this.versions.set(scope, version);
  }
}
