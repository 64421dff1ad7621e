import type { Lead } from '../model.js';
import type { LocalTime } from '../time/zone-clock.js';

/** What a condition can look at while one lead is being decided. */
export interface EvalContext {
  readonly lead: Lead;
  readonly score: number;
  readonly grade: string | null;
  /** Keys of the territories the lead lies in. */
  territories(): ReadonlySet<string>;
  /** The decision instant in the configuration's time zone. */
  localTime(): LocalTime;
}
