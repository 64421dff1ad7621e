import { readFileSync } from 'node:fs';
import { loadPeople, type Lead } from '../engine/index.js';
import type { Database } from '../store/database.js';
import { activateConfigVersion, insertConfigVersion } from '../store/repositories/routing-configs.js';
import { saveRep, saveTeam } from '../store/repositories/people.js';
import type { Clock } from './clock.js';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private instant: number) {}
  now(): number {
    return this.instant;
  }
  advance(ms: number): void {
    this.instant += ms;
  }
}

/** Tuesday 2026-11-24 18:00 UTC: 13:00 in New York, 10:00 in Los Angeles — everyone is working. */
export const WEEKDAY = Date.parse('2026-11-24T18:00:00Z');

/** Seeds an example organisation's people and routing configuration (activated as version 1). */
export async function seedExample(db: Database, example: string, now = WEEKDAY): Promise<void> {
  const people = loadPeople(readFileSync(`examples/${example}/people.yaml`, 'utf8'));
  if (!people.ok) throw new Error(people.errors.map((e) => e.message).join('\n'));
  await db.transaction().execute(async (trx) => {
    for (const rep of people.people.reps) await saveRep(trx, rep, now);
    for (const team of people.people.teams) await saveTeam(trx, { ...team, subTeams: [] }, now);
    for (const team of people.people.teams) await saveTeam(trx, team, now);
    const version = await insertConfigVersion(trx, readFileSync(`examples/${example}/routing.yaml`, 'utf8'), null, now);
    await activateConfigVersion(trx, version);
  });
}

export { captureDeps } from './deps.js';

/** A lead for the west-health route of the insurance example: California, health, with a phone. */
export const westHealth = (n: number): Lead => ({
  firstName: `Pat${n}`,
  lastName: 'Jones',
  email: `pat${n}@gmail.com`,
  phone: `+1415555${String(1000 + n)}`,
  country: 'US',
  region: 'CA',
  product: 'health',
  value: 5000,
  source: 'web',
});

/** A lead for the partners queue of the insurance example: a partner referral from New York, with a phone (score 30, grade B). */
export const partnerLead = (n: number): Lead => ({
  firstName: `Sam${n}`,
  lastName: 'Rivera',
  email: `sam${n}@gmail.com`,
  phone: `+1212555${String(n).padStart(4, '0')}`,
  country: 'US',
  region: 'NY',
  product: 'auto',
  value: 5000,
  source: 'partner',
});
