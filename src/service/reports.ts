import type { CompiledConfig } from '../engine/index.js';
import type { Database } from '../store/database.js';
import { teamGraph } from '../store/repositories/people.js';
import { breachCounts, DAY_MS, offerCounts, outcomeCounts, rebuildStaleDays, speedToLead, timeToAccept } from '../store/repositories/report-days.js';
import { groupNames, repLoads, teamShares, type DurationFigures, type GroupBy, type Window } from '../store/repositories/reports.js';
import type { Clock } from './clock.js';
import type { ConfigCache } from './config-cache.js';
import { ServiceError } from './errors.js';

export type { GroupBy } from '../store/repositories/reports.js';

/** The reports of PRODUCT.md §5, by name. */
export const REPORT_NAMES = ['speed-to-lead', 'time-to-accept', 'offers', 'conversion', 'sla-breaches', 'fairness', 'load'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** How each report may group its rows; the first is the default. Fairness and load are per rep by nature. */
export const REPORT_GROUPINGS: Readonly<Record<ReportName, readonly [GroupBy, ...GroupBy[]]>> = {
  'speed-to-lead': ['rep', 'team', 'source'],
  'time-to-accept': ['rep', 'team', 'source'],
  offers: ['rep', 'team', 'source'],
  conversion: ['rep', 'team', 'source'],
  'sla-breaches': ['rep', 'team', 'source'],
  fairness: ['rep'],
  load: ['rep'],
};

/** The window when none is asked for: the last 30 days. */
export const DEFAULT_WINDOW_MS = 30 * 24 * 3600_000;
/** The speed-to-lead that counts as fast: a call back within 5 minutes (PRODUCT.md §1). */
export const FAST_CONTACT_MS = 5 * 60_000;

export interface ReportDeps {
  db: Database;
  clock: Clock;
  configs: ConfigCache;
}

export interface ReportRequest {
  /** Epoch milliseconds; default `to` − 30 days. */
  from?: number;
  /** Epoch milliseconds, not included; default now. */
  to?: number;
  groupBy?: GroupBy;
}

/** A report: the window it covers (null for a snapshot of now), its rows, and the same figures over all of them. */
export interface Report<Row, Totals> {
  report: ReportName;
  from: number | null;
  to: number | null;
  groupBy: GroupBy;
  rows: Row[];
  totals: Totals;
}

/** A fraction 0–1, to 4 decimal places; null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const cents = (amount: number) => Math.round(amount * 100) / 100;

/** Rows in order of their key; the row of leads without one (no owner, team or source) last. */
const byKey = <T extends { key: string | null }>(a: T, b: T) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1);

export interface Grouped {
  /** The rep id, team key or source; null for leads without one. */
  key: string | null;
  /** The rep's or team's name, when there is one. */
  name: string | null;
}

export interface DurationRow extends Grouped {
  count: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
}
export type DurationTotals = Omit<DurationRow, keyof Grouped>;

export interface SpeedRow extends DurationRow {
  /** The share of them contacted within 5 minutes. */
  within5MinRate: number | null;
}
export type SpeedTotals = Omit<SpeedRow, keyof Grouped>;

export interface OfferRow extends Grouped {
  offered: number;
  accepted: number;
  rejected: number;
  expired: number;
  acceptRate: number | null;
  rejectRate: number | null;
  expiryRate: number | null;
}
export type OfferTotals = Omit<OfferRow, keyof Grouped>;

export interface ConversionRow extends Grouped {
  leads: number;
  won: number;
  lost: number;
  /** Still being worked (or never routed): neither won nor lost. */
  open: number;
  /** won ÷ leads. */
  conversionRate: number | null;
  /** won ÷ (won + lost). */
  winRate: number | null;
  revenue: number;
  /** revenue ÷ won leads with a revenue. */
  averageDeal: number | null;
}
export type ConversionTotals = Omit<ConversionRow, keyof Grouped>;

export interface BreachRow extends Grouped {
  assignments: number;
  breaches: number;
  breachRate: number | null;
}
export type BreachTotals = Omit<BreachRow, keyof Grouped>;

export interface FairnessRow {
  team: string;
  teamName: string | null;
  repId: string;
  repName: string | null;
  weight: number;
  /** weight ÷ the team's total weight. */
  intendedShare: number | null;
  received: number;
  /** received ÷ the team's leads with an owner. */
  share: number | null;
  /** share − intendedShare. */
  difference: number | null;
}
export interface FairnessTotals {
  teams: number;
  received: number;
  /** The largest difference between a rep's share and their intended share, either way. */
  largestDifference: number | null;
}

export interface LoadRow extends Grouped {
  active: boolean;
  openLeads: number;
  maxOpenLeads: number | null;
  /** openLeads ÷ maxOpenLeads; null without a cap. */
  utilization: number | null;
  /** Leads the rep can still take; null without a cap. */
  headroom: number | null;
  atCapacity: boolean;
}
export interface LoadTotals {
  reps: number;
  openLeads: number;
  /** The caps of the reps who have one, added up. */
  capacity: number;
  atCapacity: number;
}

/** The window asked for, the gaps filled in: the last 30 days by default. */
export function reportWindow(clock: Clock, request: ReportRequest): Window {
  const to = request.to ?? clock.now();
  const from = request.from ?? to - DEFAULT_WINDOW_MS;
  if (from >= to) {
    const toText = request.to === undefined ? 'now' : new Date(to).toISOString();
    throw new ServiceError('invalid', `from must be before to (${toText})`, [{ path: 'query.from', message: `must be before to (${toText})` }]);
  }
  return { from, to };
}

function groupingOf(name: ReportName, request: ReportRequest): GroupBy {
  const allowed = REPORT_GROUPINGS[name];
  const groupBy = request.groupBy ?? allowed[0];
  if (!allowed.includes(groupBy)) {
    throw new ServiceError('invalid', `the ${name} report is grouped by ${allowed.join(' or ')}`, [{ path: 'query.groupBy', message: `must be ${allowed.join(' or ')}` }]);
  }
  return groupBy;
}

async function named<T extends { key: string | null }>(db: Database, groupBy: GroupBy, rows: T[]): Promise<(T & { name: string | null })[]> {
  const names = await groupNames(db, groupBy);
  return rows.map((r) => ({ ...r, name: r.key === null ? null : (names.get(r.key) ?? null) })).sort(byKey);
}

const durationFigures = (f: DurationFigures) => ({ count: f.count, p50Ms: f.p50, p90Ms: f.p90, p99Ms: f.p99 });
const speedFigures = (f: DurationFigures) => ({ ...durationFigures(f), within5MinRate: rate(f.within, f.count) });

/** Counts added up over the rows, for the totals. */
function sum<K extends string>(rows: readonly Record<K, number>[], fields: readonly K[]): Record<K, number> {
  const totals = {} as Record<K, number>;
  for (const field of fields) totals[field] = rows.reduce<number>((acc, row) => acc + row[field], 0);
  return totals;
}

function offerFigures(c: { offered: number; accepted: number; rejected: number; expired: number }) {
  return { ...c, acceptRate: rate(c.accepted, c.offered), rejectRate: rate(c.rejected, c.offered), expiryRate: rate(c.expired, c.offered) };
}

function conversionFigures(c: { leads: number; won: number; lost: number; revenue: number; deals: number }) {
  return {
    leads: c.leads,
    won: c.won,
    lost: c.lost,
    open: c.leads - c.won - c.lost,
    conversionRate: rate(c.won, c.leads),
    winRate: rate(c.won, c.won + c.lost),
    revenue: cents(c.revenue),
    averageDeal: c.deals === 0 ? null : cents(c.revenue / c.deals),
  };
}

/**
 * The teams whose leads are dealt by round-robin under the active configuration: the team of a
 * route (or the fallback) with strategy round-robin — or, when the route picks a branch first,
 * its branches, among whose members the rotation runs.
 */
async function roundRobinTeams(db: Database, config: CompiledConfig | null): Promise<string[]> {
  if (!config) return [];
  const graph = await teamGraph(db);
  const teams = new Set<string>();
  for (const route of config.fallback ? [...config.routes, config.fallback] : config.routes) {
    const target = route.target;
    if (target.kind !== 'team' || target.strategy !== 'round-robin') continue;
    if (target.branchBy) for (const branch of graph.get(target.team) ?? []) teams.add(branch);
    else teams.add(target.team);
  }
  return [...teams].sort();
}

type Runner = (deps: ReportDeps, request: ReportRequest) => Promise<Report<object, object>>;

async function grouped<Row, Totals>(
  deps: ReportDeps,
  name: ReportName,
  request: ReportRequest,
  run: (window: Window, groupBy: GroupBy) => Promise<{ rows: (Row & { key: string | null })[]; totals: Totals }>,
): Promise<Report<Row & Grouped, Totals>> {
  const groupBy = groupingOf(name, request);
  const window = reportWindow(deps.clock, request);
  const { rows, totals } = await run(window, groupBy);
  return { report: name, from: window.from, to: window.to, groupBy, rows: await named(deps.db, groupBy, rows), totals };
}

/** Capture to first contact, by the rep, team or source of the leads contacted. */
export const speedToLeadReport = (deps: ReportDeps, request: ReportRequest): Promise<Report<SpeedRow, SpeedTotals>> =>
  grouped(deps, 'speed-to-lead', request, async (window, groupBy) => {
    const { groups, total } = await speedToLead(deps.db, window, groupBy, FAST_CONTACT_MS);
    return { rows: groups.map((g) => ({ key: g.key, ...speedFigures(g) })), totals: speedFigures(total) };
  });

/** Offer to acceptance, by the rep, team or source of the leads accepted. */
export const timeToAcceptReport = (deps: ReportDeps, request: ReportRequest): Promise<Report<DurationRow, DurationTotals>> =>
  grouped(deps, 'time-to-accept', request, async (window, groupBy) => {
    const { groups, total } = await timeToAccept(deps.db, window, groupBy, 0);
    return { rows: groups.map((g) => ({ key: g.key, ...durationFigures(g) })), totals: durationFigures(total) };
  });

/** Offers made and how they were answered, by the rep offered or the lead's team or source. */
export const offersReport = (deps: ReportDeps, request: ReportRequest): Promise<Report<OfferRow, OfferTotals>> =>
  grouped(deps, 'offers', request, async (window, groupBy) => {
    const counts = await offerCounts(deps.db, window, groupBy);
    return { rows: counts.map((c) => ({ key: c.key, ...offerFigures(c) })), totals: offerFigures(sum(counts, ['offered', 'accepted', 'rejected', 'expired'])) };
  });

/** Leads won and lost and the revenue, by the owner, team or source of the leads. */
export const conversionReport = (deps: ReportDeps, request: ReportRequest): Promise<Report<ConversionRow, ConversionTotals>> =>
  grouped(deps, 'conversion', request, async (window, groupBy) => {
    const counts = await outcomeCounts(deps.db, window, groupBy);
    return { rows: counts.map((c) => ({ key: c.key, ...conversionFigures(c) })), totals: conversionFigures(sum(counts, ['leads', 'won', 'lost', 'revenue', 'deals'])) };
  });

/** First-contact deadlines missed, against the assignments that started one. */
export const slaBreachesReport = (deps: ReportDeps, request: ReportRequest): Promise<Report<BreachRow, BreachTotals>> =>
  grouped(deps, 'sla-breaches', request, async (window, groupBy) => {
    const counts = await breachCounts(deps.db, window, groupBy);
    const figures = (c: { assignments: number; breaches: number }) => ({ assignments: c.assignments, breaches: c.breaches, breachRate: rate(c.breaches, c.assignments) });
    return { rows: counts.map((c) => ({ key: c.key, ...figures(c) })), totals: figures(sum(counts, ['assignments', 'breaches'])) };
  });

/** In each round-robin team: the leads each rep received against the share their weight intends. */
export async function fairnessReport(deps: ReportDeps, request: ReportRequest): Promise<Report<FairnessRow, FairnessTotals>> {
  const groupBy = groupingOf('fairness', request);
  const window = reportWindow(deps.clock, request);
  const teams = await roundRobinTeams(deps.db, await deps.configs.active(deps.db));
  const [shares, reps, teamNames] = await Promise.all([teamShares(deps.db, window, teams), groupNames(deps.db, 'rep'), groupNames(deps.db, 'team')]);
  const rows = shares.map((s): FairnessRow => {
    const intendedShare = s.teamWeight === 0 ? null : s.weight / s.teamWeight;
    const share = s.teamReceived === 0 ? null : s.received / s.teamReceived;
    const round = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);
    return {
      team: s.team,
      teamName: teamNames.get(s.team) ?? null,
      repId: s.repId,
      repName: reps.get(s.repId) ?? null,
      weight: s.weight,
      intendedShare: round(intendedShare),
      received: s.received,
      share: round(share),
      difference: share === null || intendedShare === null ? null : round(share - intendedShare),
    };
  });
  const differences = rows.flatMap((r) => (r.difference === null ? [] : [Math.abs(r.difference)]));
  const received = new Map(shares.map((s) => [s.team, s.teamReceived]));
  return {
    report: 'fairness',
    from: window.from,
    to: window.to,
    groupBy,
    rows,
    totals: { teams: teams.length, received: [...received.values()].reduce((a, b) => a + b, 0), largestDifference: differences.length ? Math.max(...differences) : null },
  };
}

/** Every rep's open leads now against their cap: a snapshot, whatever window is asked for. */
export async function loadReport(deps: ReportDeps, request: ReportRequest): Promise<Report<LoadRow, LoadTotals>> {
  const groupBy = groupingOf('load', request);
  const rows = (await repLoads(deps.db)).map(
    (r): LoadRow => ({
      key: r.repId,
      name: r.name,
      active: r.active,
      openLeads: r.openLeads,
      maxOpenLeads: r.maxOpenLeads,
      utilization: r.maxOpenLeads === null ? null : rate(r.openLeads, r.maxOpenLeads),
      headroom: r.maxOpenLeads === null ? null : Math.max(0, r.maxOpenLeads - r.openLeads),
      atCapacity: r.maxOpenLeads !== null && r.openLeads >= r.maxOpenLeads,
    }),
  );
  return {
    report: 'load',
    from: null,
    to: null,
    groupBy,
    rows,
    totals: {
      reps: rows.length,
      openLeads: rows.reduce((a, r) => a + r.openLeads, 0),
      capacity: rows.reduce((a, r) => a + (r.maxOpenLeads ?? 0), 0),
      atCapacity: rows.filter((r) => r.atCapacity).length,
    },
  };
}

/** Every report by name. */
export const REPORTS: Readonly<Record<ReportName, Runner>> = {
  'speed-to-lead': speedToLeadReport,
  'time-to-accept': timeToAcceptReport,
  offers: offersReport,
  conversion: conversionReport,
  'sla-breaches': slaBreachesReport,
  fairness: fairnessReport,
  load: loadReport,
};

/**
 * Rebuilds the report figures of the past days that changed (today is always read from the
 * leads themselves), so that no report has to: after an import of old leads, or an upgrade that
 * marks every day to be counted, this is where the time goes.
 */
export const rebuildPastReportDays = (deps: Pick<ReportDeps, 'db' | 'clock'>): Promise<number> => rebuildStaleDays(deps.db, 0, Math.floor(deps.clock.now() / DAY_MS));
