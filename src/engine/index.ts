/**
 * The routing engine: pure functions from a lead, a compiled configuration, a roster and the
 * current instant to a decision with its explanation. No I/O, no clock, no globals.
 */
export { loadConfig, type LoadResult, type LoadOptions } from './config/load.js';
export type { CompiledConfig, CompiledQueue, ConfigContext, QueuePullers } from './config/compile.js';
export { RoutingConfig, type RoutingConfigDoc, type RoutingConfigInput } from './config/schema.js';
export { describeError, formatPath, type ConfigError, type ConfigPath } from './config/errors.js';
export { parseDocumentText, type ParsedText } from './config/parse.js';
export { validate } from './config/issues.js';
export { durationMs } from './config/duration.js';
export { decide, type DecideInput } from './decide.js';
export type { Decision, Explanation, Outcome, RouteTrace, CandidateTrace, BranchTrace, StateChange } from './decision.js';
export { Roster } from './roster.js';
export { isoDate, ZoneClock } from './time/zone-clock.js';
export type { Exclusion, ExclusionCode } from './eligibility.js';
export { pullRefusal, pullsFrom, type PullRefusal } from './pull-eligibility.js';
export { exclusionText, pullRefusalText } from './explain/exclusion-text.js';
export { formatExplanation } from './explain/format.js';
export { PeopleSchema, RepSchema, TeamSchema, type PeopleDoc } from './people/schema.js';
export { loadPeople, type PeopleResult } from './people/load.js';
export * from './model.js';
