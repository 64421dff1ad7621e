import type { LightMyRequestResponse } from 'fastify';
import { createApiKey, type ApiKeyRole } from '../service/api-keys.js';
import { captureDeps, seedExample, TestClock, WEEKDAY } from '../service/test-support.js';
import { TimerWorker } from '../service/timer-worker.js';
import type { Database } from '../store/database.js';
import type { StoreTarget } from '../store/test-support.js';
import { buildApp, type AppDeps } from './app.js';
import type { App } from './context.js';

export type Role = ApiKeyRole;
export const ROLES: readonly Role[] = ['admin', 'manager', 'rep', 'capture'];

/** An app on a fresh store seeded with the insurance example, and a key for every role (the rep key is Emma's). */
export interface TestApp {
  app: App;
  db: Database;
  clock: TestClock;
  /** Applies the timers due at the test clock's instant, as serve does in the background. */
  timers: TimerWorker;
  keys: Record<Role, string>;
  /** Sends a request as a role (or without a key), JSON in and out. */
  call(role: Role | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function openTestApp(store: StoreTarget, options: Partial<AppDeps> = {}): Promise<TestApp> {
  const { db, close } = await store.open();
  await seedExample(db, 'insurance');
  const clock = new TestClock(WEEKDAY);
  const deps = captureDeps(db, clock);
  const app = buildApp({ ...deps, validateResponses: true, ...options });
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) keys[role] = (await createApiKey(db, { name: `${role} key`, role, repId: role === 'rep' ? 'emma' : null }, clock)).key;
  return {
    app,
    db,
    clock,
    timers: new TimerWorker(deps, (error) => {
      throw error;
    }),
    keys,
    call: (role, method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { ...(role && { authorization: `Bearer ${keys[role]}` }), ...headers },
        ...(body !== undefined && { payload: body as object }),
      }),
    async close() {
      await app.close();
      await close();
    },
  };
}

export { westHealth } from '../service/test-support.js';
