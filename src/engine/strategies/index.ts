import type { StrategyName } from '../config/schema.js';
import { bestMatch } from './best-match.js';
import { loadBalanced } from './load-balanced.js';
import { performance } from './performance.js';
import { roundRobin } from './round-robin.js';
import type { Strategy } from './strategy.js';

/** Strategies that pick among eligible members. `sticky` is a preference applied before one of these. */
export const STRATEGY_BY_NAME: Record<Exclude<StrategyName, 'sticky'>, Strategy> = {
  'round-robin': roundRobin,
  'load-balanced': loadBalanced,
  performance,
  'best-match': bestMatch,
};
