import { ZoneClock } from '../engine/index.js';
import type { Database } from '../store/database.js';
import type { CaptureDeps } from './capture.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigCache } from './config-cache.js';
import type { NoticeSettings } from './notices.js';
import { OutboxSignal } from './outbox-signal.js';
import { StrategyStateCache } from './state-cache.js';

/** What the capture use cases need, for one process on one database. */
export function captureDeps(db: Database, clock: Clock = systemClock, notices: NoticeSettings = { consoleUrl: 'http://127.0.0.1:3000' }): CaptureDeps {
  return { db, clock, configs: new ConfigCache(), states: new StrategyStateCache(), zones: new ZoneClock(), outbox: new OutboxSignal(), notices };
}
