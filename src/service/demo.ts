import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { companyKey } from '../capture/index.js';
import { loadPeople, type Lead } from '../engine/index.js';
import { packageRoot } from '../settings/package.js';
import type { Database } from '../store/database.js';
import { saveAccount } from '../store/repositories/accounts.js';
import { getLead, listLeads } from '../store/repositories/leads.js';
import { saveRep, saveTeam } from '../store/repositories/people.js';
import { activateConfigVersion, insertConfigVersion } from '../store/repositories/routing-configs.js';
import { claimSetting } from '../store/repositories/settings.js';
import { captureLead, type CaptureDeps } from './capture.js';
import { createForm } from './forms.js';
import { accept, closeLead, logActivity, reject, type Caller } from './lifecycle.js';
import { pick, seeded } from './seeded-random.js';
import { TimerWorker } from './timer-worker.js';

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mateo', 'Amelia', 'Ethan', 'Harper', 'Daniel', 'Camila', 'Wei', 'Priya', 'Aisha', 'Diego', 'Hannah', 'Kenji', 'Fatima', 'Grace'];
const LAST = ['Smith', 'Johnson', 'Garcia', 'Martinez', 'Nguyen', 'Patel', 'Kim', 'Brown', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Hernandez', 'Moore', 'Chen', 'Okafor', 'Rossi', 'Cohen', 'Silva', 'Murphy'];
const COMPANIES = ['Harbor Logistics', 'Cedar Health', 'Bluebird Foods', 'Summit Dental', 'Pinecrest Schools', 'Redwood Labs', 'Lakeside Realty', 'Granite Builders', 'Maple Clinics', 'Oakridge Farms'];
const PLACES: [string, string, string][] = [
  ['CA', 'Los Angeles', '90012'], ['CA', 'San Diego', '92101'], ['OR', 'Portland', '97201'], ['WA', 'Seattle', '98101'], ['AZ', 'Phoenix', '85004'],
  ['NY', 'New York', '10001'], ['NY', 'Brooklyn', '11201'], ['TX', 'Austin', '78701'], ['FL', 'Miami', '33130'], ['IL', 'Chicago', '60601'],
  ['MA', 'Boston', '02108'], ['GA', 'Atlanta', '30303'], ['NV', 'Las Vegas', '89101'], ['CO', 'Denver', '80202'],
];
const PRODUCTS = ['health', 'auto', 'life', 'home'];
const SOURCES = ['web', 'web', 'web', 'google-ads', 'referral', 'partner', 'chat'];
const FREE_MAIL = ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'];

const domainOf = (company: string) => `${company.toLowerCase().replace(/[^a-z]/g, '')}.com`;

function demoLead(n: number, random: () => number): Lead {
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const business = random() < 0.4;
  const company = business ? pick(random, COMPANIES) : null;
  const domain = company ? domainOf(company) : pick(random, FREE_MAIL);
  const [region, city, postalCode] = pick(random, PLACES);
  const enterprise = business && random() < 0.3;
  return {
    firstName: first,
    lastName: last,
    email: `${first}.${last}${n}@${domain}`.toLowerCase(),
    phone: random() < 0.8 ? `+1${Math.floor(2000000000 + random() * 7999999999)}` : null,
    company,
    country: 'US',
    region,
    city,
    postalCode,
    language: random() < 0.12 ? 'es' : 'en',
    product: pick(random, PRODUCTS),
    value: Math.round(enterprise ? 50000 + random() * 150000 : 500 + random() * 20000),
    source: pick(random, SOURCES),
  };
}

/**
 * Seeds the demo organisation into an empty store: the insurance agency of the examples (its
 * reps, teams and routing configuration), a few accounts, a website form source (`website`,
 * honeypot `website_url`), and `leads` realistic leads captured over the past week through the
 * ordinary capture path and worked on through the ordinary lifecycle. Does nothing if reps
 * already exist.
 */
export async function seedDemo(deps: CaptureDeps, leads = 300): Promise<{ seeded: boolean; leads: number }> {
  const db: Database = deps.db;
  if (await db.selectFrom('reps').select('id').limit(1).executeTakeFirst()) return { seeded: false, leads: 0 };
  // Instances started together on an empty store: one seeds, the others serve what it seeds.
  if (!(await claimSetting(db, 'demo-seeded-at', String(deps.clock.now())))) return { seeded: false, leads: 0 };
  const dir = join(packageRoot(), 'examples', 'insurance');
  const people = loadPeople(readFileSync(join(dir, 'people.yaml'), 'utf8'));
  if (!people.ok) throw new Error(`examples/insurance/people.yaml: ${people.errors[0]?.message}`);
  const now = deps.clock.now();
  await db.transaction().execute(async (trx) => {
    for (const rep of people.people.reps) await saveRep(trx, { ...rep, openLeads: 0, daily: null }, now);
    for (const team of people.people.teams) await saveTeam(trx, team, now);
    await activateConfigVersion(trx, await insertConfigVersion(trx, readFileSync(join(dir, 'routing.yaml'), 'utf8'), 'demo', now));
    for (const [i, company] of COMPANIES.slice(0, 4).entries()) {
      const key = companyKey(company)!;
      await saveAccount(trx, { id: `acct-${i + 1}`, name: company, domain: domainOf(company), companyKey: key, ownerId: ['ava', 'ben', 'chloe', 'ava'][i]! }, now);
    }
  });
  await createForm(
    db,
    {
      key: 'website',
      name: 'Website quote form',
      honeypot: 'website_url',
      thankYouUrl: 'http://localhost:3000/healthz',
      allowedOrigins: ['http://localhost:3000'],
      source: 'web',
    },
    { now: () => now },
  );
  const random = seeded(2026);
  // The week is played out in order: a moving clock, the timers due at each moment applied as
  // serve would have, and reps answering each offer, so the leads stand where a real week leaves them.
  let at = now - WEEK;
  const week: CaptureDeps = { ...deps, clock: { now: () => at } };
  const timers = new TimerWorker(week, (error) => {
    throw error;
  });
  for (let n = 0; n < leads; n++) {
    at = now - WEEK + Math.floor((WEEK * n) / leads);
    const answering = at < now - FRESH;
    await timers.runDue();
    // Offers the timers just made (held leads released in the morning, expired offers moved on).
    if (answering) for (const waiting of await listLeads(db, { status: 'offered' }, { limit: 1000 })) await workOn(week, waiting.id, random);
    const { lead } = await captureLead(week, { lead: demoLead(n, random), actor: 'demo' });
    if (answering) await workOn(week, lead.id, random);
  }
  at = now;
  await timers.runDue();
  return { seeded: true, leads };
}

const WEEK = 7 * 24 * 3_600_000;
/** Leads younger than this are left as they came in: offers waiting for an answer. */
const FRESH = 3_600_000;
const LOST_REASONS = ['price', 'went with a competitor', 'no longer interested', 'could not reach'];

/**
 * What the reps did with a lead of the past week: most offers accepted (some rejected first),
 * most accepted leads contacted in time (the others breach the first-contact deadline), and
 * about half of those closed, won or lost.
 */
async function workOn(deps: CaptureDeps, leadId: string, random: () => number): Promise<void> {
  const demo: Caller = { actor: 'demo', repId: null };
  let lead = (await getLead(deps.db, leadId))!;
  if (lead.status === 'offered' && random() < 0.1) lead = (await reject(deps, leadId, demo, 'on another call')).lead;
  if (lead.status !== 'offered') return;
  await accept(deps, leadId, demo);
  if (random() < 0.15) return;
  await logActivity(deps, leadId, demo, { type: pick(random, ['call', 'email', 'contacted'] as const) });
  const close = random();
  if (close < 0.25) await closeLead(deps, leadId, demo, { outcome: 'won', revenue: lead.fields.value ?? null });
  else if (close < 0.55) await closeLead(deps, leadId, demo, { outcome: 'lost', reason: pick(random, LOST_REASONS) });
}
