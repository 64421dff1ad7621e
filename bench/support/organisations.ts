import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, Roster, type CompiledConfig, type Lead, type Rep, type Team } from '../../src/engine/index.js';
import { pick, seeded } from '../../src/service/seeded-random.js';

const WEEKDAYS_9_TO_5 = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['09:00-17:00']]));
const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];

export function compile(source: string | object, teams: readonly Team[]): CompiledConfig {
  const result = loadConfig(source, { version: 1, context: { teams: new Set(teams.map((t) => t.key)) } });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.config;
}

/** `count` reps with realistic profiles; capacities large enough that the bench measures routing, not exhaustion. */
export function makeReps(count: number, seed = 7): Rep[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `rep-${i}`,
    name: `Rep ${i}`,
    active: random() > 0.05,
    timezone: pick(random, ZONES),
    workingHours: WEEKDAYS_9_TO_5,
    presence: 'online' as const,
    languages: random() < 0.3 ? ['en', 'es'] : ['en'],
    skills: [pick(random, ['health', 'auto', 'life', 'home']), pick(random, ['enterprise', 'commercial', 'personal'])],
    seniority: Math.floor(random() * 6),
    maxOpenLeads: 1_000_000,
    openLeads: Math.floor(random() * 40),
    won: Math.floor(random() * 50),
    lost: Math.floor(random() * 80),
  }));
}

/** The insurance example (PRODUCT.md §10) with `repCount` reps split 20/30/50 over its three teams. */
export function insurance(repCount: number) {
  const reps = makeReps(repCount);
  const enterpriseEnd = Math.floor(repCount * 0.2);
  const westEnd = enterpriseEnd + Math.floor(repCount * 0.3);
  const members = (from: number, to: number) => reps.slice(from, to).map((r, i) => ({ repId: r.id, weight: 1 + (i % 3) }));
  const teams: Team[] = [
    { key: 'enterprise', name: 'Enterprise', members: members(0, enterpriseEnd) },
    { key: 'west', name: 'West', members: members(enterpriseEnd, westEnd) },
    { key: 'inbound', name: 'Inbound', members: members(westEnd, repCount) },
  ];
  const text = readFileSync(resolve('examples/insurance/routing.yaml'), 'utf8');
  return { config: compile(text, teams), roster: new Roster(reps, teams), reps, teams };
}

const US_REGIONS = ['CA', 'OR', 'WA', 'NV', 'AZ', 'NY', 'NJ', 'TX', 'FL', 'IL', 'MA', 'GA'];
const EU = ['GB', 'IE', 'DE', 'FR', 'NL', 'ES', 'IT'];

/** `count` distinct leads spread over every route of the insurance example. */
export function insuranceLeads(count: number, seed = 11): Lead[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const us = random() < 0.75;
    return {
      id: `lead-${i}`,
      firstName: `First${i}`,
      lastName: `Last${i}`,
      email: `lead${i}@example${i % 97}.com`,
      phone: random() < 0.7 ? `+1212555${String(i % 10000).padStart(4, '0')}` : null,
      company: `Company ${i % 1000}`,
      country: us ? 'US' : pick(random, [...EU, 'MX', 'CA']),
      region: us ? pick(random, US_REGIONS) : null,
      postalCode: us ? String(10000 + Math.floor(random() * 89999)) : null,
      language: random() < 0.15 ? 'es' : 'en',
      product: pick(random, ['health', 'auto', 'life', 'home']),
      value: Math.floor(random() * 100_000),
      source: pick(random, ['web', 'web', 'web', 'referral', 'partner', 'google-ads']),
      custom: { income: Math.floor(random() * 200_000) },
      account: random() < 0.05 ? { id: `acct-${i}`, ownerId: `rep-${Math.floor(random() * 10)}` } : null,
    };
  });
}

/**
 * A franchise-shaped organisation: one parent team whose branches each serve one 4-digit ZIP
 * prefix territory with five agents; routing picks the branch by territory, then round robin.
 */
export function franchise(repCount: number) {
  const reps = makeReps(repCount, 13);
  const branchCount = Math.max(1, Math.floor(repCount / 5));
  const territories: Record<string, { country: string; postalCode: { prefix: string } }> = {};
  const teams: Team[] = [];
  for (let b = 0; b < branchCount; b++) {
    const key = `zip-${1000 + b}`;
    territories[key] = { country: 'US', postalCode: { prefix: String(1000 + b) } };
    teams.push({ key: `branch-${b}`, name: `Branch ${b}`, territories: [key], members: reps.slice(b * 5, b * 5 + 5).map((r) => ({ repId: r.id })) });
  }
  teams.push({ key: 'franchise', name: 'Franchise', members: [], subTeams: teams.map((t) => ({ key: t.key })) });
  const config = compile(
    {
      timezone: 'America/New_York',
      territories,
      routes: [{ name: 'local-branch', assign: { team: 'franchise', branch: { by: 'territory' }, strategy: 'round-robin' } }],
      fallback: { assign: { team: 'branch-0', strategy: 'load-balanced' } },
    },
    teams,
  );
  const random = seeded(17);
  const leads: Lead[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `lead-${i}`,
    country: 'US',
    postalCode: `${1000 + Math.floor(random() * branchCount)}${Math.floor(random() * 10)}`,
    value: Math.floor(random() * 10_000),
  }));
  return { config, roster: new Roster(reps, teams), leads };
}

/** `count` distinct leads the insurance example offers to a rep: spread over its team routes, none a partner's, each with a phone (so qualified). */
export function offerableInsuranceLeads(count: number, seed = 29): Lead[] {
  return insuranceLeads(count, seed).map(({ id: _id, account: _account, ...lead }, i) => ({
    ...lead,
    phone: `+1212${2_000_000 + i}`,
    source: lead.source === 'partner' ? 'web' : lead.source,
  }));
}

/** `count` distinct partner referrals, which the insurance example sends to its `partners` queue; a third have no phone (a lower score). */
export function partnerInsuranceLeads(count: number): Lead[] {
  return Array.from({ length: count }, (_, i) => ({
    firstName: `Partner${i}`,
    lastName: `Lead${i}`,
    email: `partner${i}@gmail.com`,
    phone: i % 3 === 0 ? null : `+1646${2_000_000 + i}`,
    country: 'US',
    region: 'NY',
    product: 'auto',
    value: 1000 + (i % 40_000),
    source: 'partner',
  }));
}
