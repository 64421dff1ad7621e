import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { companyKey } from '../capture/index.js';
import { loadPeople, type Lead } from '../engine/index.js';
import { packageRoot } from '../settings/package.js';
import type { Database } from '../store/database.js';
import { saveAccount } from '../store/repositories/accounts.js';
import { saveRep, saveTeam } from '../store/repositories/people.js';
import { activateConfigVersion, insertConfigVersion } from '../store/repositories/routing-configs.js';
import { captureLead, type CaptureDeps } from './capture.js';
import { createForm } from './forms.js';
import { pick, seeded } from './seeded-random.js';

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
 * ordinary capture path. Does nothing if reps already exist.
 */
export async function seedDemo(deps: CaptureDeps, leads = 300): Promise<{ seeded: boolean; leads: number }> {
  const db: Database = deps.db;
  if (await db.selectFrom('reps').select('id').limit(1).executeTakeFirst()) return { seeded: false, leads: 0 };
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
  const week = 7 * 24 * 3_600_000;
  for (let n = 0; n < leads; n++) {
    const at = now - week + Math.floor((week * n) / leads);
    await captureLead({ ...deps, clock: { now: () => at } }, { lead: demoLead(n, random), actor: 'demo' });
  }
  return { seeded: true, leads };
}
