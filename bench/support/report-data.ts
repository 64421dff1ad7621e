/**
 * A year and more of a large sales organisation's leads, generated in batches for the reports
 * bench: 200 reps in 20 teams (half of them dealt by weighted round-robin), leads arriving more
 * and more over 400 days, mostly in US business hours, from a dozen sources; each routed,
 * offered (a fifth of them more than once, after a rejection or an expired offer), accepted,
 * contacted (a first-contact deadline missed now and then), won with revenue or lost — with
 * the timeline events the service writes for each step. Deterministic: the same every run.
 */
import { newId } from '../../src/service/ids.js';
import { seeded } from '../../src/service/seeded-random.js';
import type { LeadEventsTable, LeadsTable } from '../../src/store/schema.js';

export const REP_COUNT = 200;
export const TEAM_COUNT = 20;
const DAY = 24 * 3600_000;
export const HISTORY_DAYS = 400;

export interface BenchRep {
  id: string;
  name: string;
  maxOpenLeads: number;
}

export interface BenchTeam {
  key: string;
  name: string;
  strategy: 'round-robin' | 'load-balanced' | 'performance';
  members: { repId: string; weight: number }[];
}

/** The people: team sizes from 4 to 16, member weights 1 to 3. */
export function benchPeople(): { reps: BenchRep[]; teams: BenchTeam[] } {
  const random = seeded(3);
  const reps: BenchRep[] = Array.from({ length: REP_COUNT }, (_, i) => ({
    id: `rep-${String(i).padStart(3, '0')}`,
    name: `Rep ${i}`,
    maxOpenLeads: 40 + Math.floor(random() * 40),
  }));
  const sizes = Array.from({ length: TEAM_COUNT }, (_, i) => 4 + ((i * 7) % 13));
  const scale = REP_COUNT / sizes.reduce((a, b) => a + b, 0);
  const teams: BenchTeam[] = [];
  let next = 0;
  for (let t = 0; t < TEAM_COUNT; t++) {
    const size = t === TEAM_COUNT - 1 ? REP_COUNT - next : Math.max(2, Math.round(sizes[t]! * scale));
    const members = reps.slice(next, next + size).map((r, i) => ({ repId: r.id, weight: 1 + ((i * 5 + t) % 3) }));
    next += size;
    const strategy = t % 2 === 0 ? 'round-robin' : t % 4 === 1 ? 'load-balanced' : 'performance';
    teams.push({ key: `team-${String(t).padStart(2, '0')}`, name: `Team ${t}`, strategy, members });
  }
  return { reps, teams };
}

/** A routing configuration that sends each region to one team, with its strategy. */
export function benchConfig(teams: readonly BenchTeam[]): string {
  const routes = teams.map((t, i) => `  - name: ${t.key}\n    when: { region: R${i} }\n    assign: { team: ${t.key}, strategy: ${t.strategy} }`).join('\n');
  return [
    'timezone: America/New_York',
    'routes:',
    routes,
    'fallback:',
    '  assign: { queue: general }',
    'offer:',
    '  timeout: 5m',
    '  maxAttempts: 3',
    '  onExhausted: { queue: managers }',
    'sla:',
    '  firstContact: 15m',
    '  onBreach: escalate',
    '',
  ].join('\n');
}

export const LEAD_COLUMNS = [
  'id', 'status', 'source', 'fields', 'email', 'phone', 'email_key', 'phone_key', 'email_domain', 'company_key', 'owner_id', 'team_key', 'queue',
  'score', 'grade', 'route', 'config_version', 'is_test', 'created_at', 'updated_at', 'attempts', 'tried_reps', 'offered_at', 'assigned_at',
  'contacted_at', 'closed_at', 'revenue', 'lost_reason',
] as const satisfies readonly (keyof LeadsTable)[];

/** One row of `leads`: the columns the bench writes. */
export type LeadRow = Pick<LeadsTable, (typeof LEAD_COLUMNS)[number]>;

export const EVENT_COLUMNS = ['lead_id', 'type', 'at', 'actor', 'data', 'rep_id'] as const satisfies readonly (keyof LeadEventsTable)[];

/** One row of `lead_events`, its id left to the store. */
export type EventRow = Pick<LeadEventsTable, (typeof EVENT_COLUMNS)[number]>;

const SOURCES: readonly [string, number][] = [
  ['web', 34], ['google-ads', 18], ['facebook', 8], ['referral', 8], ['partner', 7], ['chat', 7], ['import', 6], ['webinar', 4],
  ['trade-show', 3], ['linkedin', 3], ['outbound', 1.5], ['other', 0.5],
];
const LOST_REASONS = ['no budget', 'went with a competitor', 'no answer', 'not a fit', 'timing'];

function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((a, [, w]) => a + w, 0);
  let r = random() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** A log-normal duration: half are below `median`; `spread` widens the tail. */
function logNormal(random: () => number, median: number, spread: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.round(median * Math.exp(spread * normal));
}

/**
 * Lead `i` of `total` and its events, created before `now`. Leads come in order of creation,
 * denser towards `now` (the business grew: twice as many a day at the end as at the start).
 */
export class LeadGenerator {
  private readonly random = seeded(11);
  private readonly teamPicks: (readonly [BenchTeam, number])[];
  private readonly regions = new Map<string, number>();

  constructor(
    private readonly teams: readonly BenchTeam[],
    private readonly total: number,
    private readonly now: number,
  ) {
    this.teamPicks = teams.map((t) => [t, t.members.length] as const);
    teams.forEach((t, i) => this.regions.set(t.key, i));
  }

  private createdAt(i: number): number {
    // Density 1 + t over t in [0, 1]: the inverse of its distribution function.
    const u = (i + 0.5) / this.total;
    const t = -1 + Math.sqrt(1 + 3 * u);
    const day = this.now - HISTORY_DAYS * DAY + Math.floor(t * HISTORY_DAYS) * DAY;
    const midnight = day - (day % DAY);
    // 85 % in US business hours (13:00–23:00 UTC), the rest any time.
    const offset = this.random() < 0.85 ? 13 * 3600_000 + this.random() * 10 * 3600_000 : this.random() * DAY;
    return Math.min(this.now - 1000, Math.floor(midnight + offset));
  }

  private member(team: BenchTeam, except: readonly string[]): string {
    // Round-robin deals by weight; a few reps take a little less than their share (away for a while).
    const choices = team.members.filter((m) => !except.includes(m.repId)).map((m, i) => [m.repId, m.weight * (i % 7 === 3 ? 0.8 : 1)] as const);
    return choices.length ? weighted(this.random, choices) : team.members[0]!.repId;
  }

  lead(i: number): { lead: LeadRow; events: EventRow[] } {
    const r = this.random;
    const created = this.createdAt(i);
    const id = newId(created);
    const source = weighted(r, SOURCES);
    const phone = r() < 0.7 ? `+1${2000000000 + Math.floor(r() * 7999999999)}` : null;
    const company = r() < 0.6 ? `company ${Math.floor(r() * 50000)}` : null;
    const email = `lead${i}@example${Math.floor(r() * 5000)}.com`;
    const value = Math.round(logNormal(r, 5000, 1));
    const score = (phone ? 10 : 0) + (value >= 50000 ? 40 : 0) + (source === 'referral' || source === 'partner' ? 20 : 0);
    const events: EventRow[] = [];
    const event = (type: string, at: number, data: Record<string, unknown> | null, repId: string | null = null, actor: string | null = null) =>
      events.push({ lead_id: id, type, at, actor, data: data && JSON.stringify(data), rep_id: repId });
    const lead: LeadRow = {
      id,
      status: 'new',
      source,
      fields: JSON.stringify({ firstName: `First${i}`, lastName: `Last${i}`, email, phone, company, country: 'US', region: 'R0', product: 'health', value, source }),
      email,
      phone,
      email_key: email,
      phone_key: phone,
      email_domain: email.slice(email.indexOf('@') + 1),
      company_key: company,
      owner_id: null,
      team_key: null,
      queue: null,
      score,
      grade: score >= 60 ? 'A' : score >= 30 ? 'B' : score >= 10 ? 'C' : null,
      route: null,
      config_version: 1,
      is_test: r() < 0.002 ? 1 : 0,
      created_at: created,
      updated_at: created,
      attempts: 0,
      tried_reps: '[]',
      offered_at: null,
      assigned_at: null,
      contacted_at: null,
      closed_at: null,
      revenue: null,
      lost_reason: null,
    };
    event('captured', created, { source }, null, 'key-web');
    event('scored', created, { score, grade: lead.grade });

    const kind = r();
    if (kind < 0.05) {
      lead.status = 'unqualified';
      event('routed', created, { route: null, summary: 'unqualified' });
      event('unqualified', created, { score });
      return { lead, events };
    }
    if (kind < 0.08) {
      const queue = created > this.now - 2 * DAY ? 'general' : null;
      lead.status = queue ? 'queued' : 'lost';
      lead.queue = queue;
      event('routed', created, { route: null, summary: 'fallback: queue general' });
      event('queued', created, { queue: 'general' });
      if (!queue) {
        lead.closed_at = created + logNormal(r, 3 * DAY, 0.8);
        lead.lost_reason = 'no answer';
        event('lost', lead.closed_at, { reason: 'no answer' }, null, 'key-manager');
      }
      return { lead, events };
    }

    const team = weighted(r, this.teamPicks);
    lead.team_key = team.key;
    lead.route = team.key;
    lead.fields = lead.fields.replace('"R0"', `"R${this.regions.get(team.key)}"`);
    event('routed', created, { route: team.key, summary: `team ${team.key} (${team.strategy})` });
    const attempts = weighted(r, [[1, 80], [2, 15], [3, 5]] as const);
    const tried: string[] = [];
    let at = created;
    let owner = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      owner = this.member(team, tried);
      event('offered', at, { repId: owner, team: team.key, attempt }, owner);
      lead.offered_at = at;
      if (attempt === attempts) break;
      const rejected = r() < 0.6;
      at += rejected ? Math.min(299_000, logNormal(r, 40_000, 0.9)) : 300_000;
      if (at >= this.now) break;
      event(rejected ? 'rejected' : 'expired', at, rejected ? { repId: owner, reason: 'busy' } : { repId: owner }, owner, rejected ? `key-${owner}` : null);
      tried.push(owner);
    }
    lead.owner_id = owner;
    lead.attempts = attempts;
    lead.tried_reps = JSON.stringify(tried);
    lead.status = 'offered';
    const accepted = at + Math.min(299_000, logNormal(r, 45_000, 0.9));
    if (accepted >= this.now) return { lead, events };
    event('accepted', accepted, { repId: owner }, owner, `key-${owner}`);
    lead.status = 'assigned';
    lead.assigned_at = accepted;

    const contacted = r() < 0.93 ? accepted + logNormal(r, 7 * 60_000, 1.1) : null;
    const deadline = accepted + 15 * 60_000;
    if ((contacted === null || contacted > deadline) && deadline < this.now) event('sla-breached', deadline, { repId: owner, onBreach: 'escalate' }, owner);
    if (contacted === null || contacted >= this.now) return { lead, events };
    event('contacted', contacted, { activity: 'call', note: null }, null, `key-${owner}`);
    lead.status = 'contacted';
    lead.contacted_at = contacted;

    const closed = contacted + logNormal(r, 6 * DAY, 1);
    if (closed >= this.now || r() < 0.08) return { lead, events };
    const won = r() < 0.28;
    lead.status = won ? 'won' : 'lost';
    lead.closed_at = closed;
    if (won) {
      lead.revenue = r() < 0.95 ? logNormal(r, 4000, 0.8) : null;
      event('won', closed, { revenue: lead.revenue }, null, `key-${owner}`);
    } else {
      lead.lost_reason = LOST_REASONS[Math.floor(r() * LOST_REASONS.length)]!;
      event('lost', closed, { reason: lead.lost_reason }, null, `key-${owner}`);
    }
    lead.updated_at = closed;
    return { lead, events };
  }
}
