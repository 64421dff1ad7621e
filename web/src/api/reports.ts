import { api } from './client';

/** The reports of `GET /v1/reports/{name}` (PRODUCT.md §5). */
export const REPORT_NAMES = ['speed-to-lead', 'time-to-accept', 'offers', 'conversion', 'sla-breaches', 'fairness', 'load'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
export type GroupBy = 'rep' | 'team' | 'source';

/** Reports that are per rep by nature: no grouping to choose. */
export const PER_REP: readonly ReportName[] = ['fairness', 'load'];

/** A row's group: the rep id, team key or source (null for leads without one), and the rep's or team's name. */
export interface Grouped {
  key: string | null;
  name: string | null;
}

export interface DurationRow extends Grouped {
  count: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
}

export interface SpeedRow extends DurationRow {
  /** The share contacted within 5 minutes, 0–1. */
  within5MinRate: number | null;
}

export interface OfferRow extends Grouped {
  offered: number;
  accepted: number;
  rejected: number;
  expired: number;
  acceptRate: number | null;
  rejectRate: number | null;
  expiryRate: number | null;
}

export interface ConversionRow extends Grouped {
  leads: number;
  won: number;
  lost: number;
  open: number;
  conversionRate: number | null;
  winRate: number | null;
  revenue: number;
  averageDeal: number | null;
}

export interface BreachRow extends Grouped {
  assignments: number;
  breaches: number;
  breachRate: number | null;
}

export interface FairnessRow {
  team: string;
  teamName: string | null;
  repId: string;
  repName: string | null;
  weight: number;
  intendedShare: number | null;
  received: number;
  share: number | null;
  difference: number | null;
}

export interface LoadRow extends Grouped {
  active: boolean;
  openLeads: number;
  maxOpenLeads: number | null;
  utilization: number | null;
  headroom: number | null;
  atCapacity: boolean;
}

export interface Report<Row, Totals = Record<string, unknown>> {
  report: ReportName;
  /** The window (ISO instants); null for a snapshot of now (load). */
  from: string | null;
  to: string | null;
  groupBy: GroupBy;
  rows: Row[];
  totals: Totals;
}

export interface ReportRows {
  'speed-to-lead': Report<SpeedRow, Omit<SpeedRow, keyof Grouped>>;
  'time-to-accept': Report<DurationRow, Omit<DurationRow, keyof Grouped>>;
  offers: Report<OfferRow, Omit<OfferRow, keyof Grouped>>;
  conversion: Report<ConversionRow, Omit<ConversionRow, keyof Grouped>>;
  'sla-breaches': Report<BreachRow, Omit<BreachRow, keyof Grouped>>;
  fairness: Report<FairnessRow, { teams: number; received: number; largestDifference: number | null }>;
  load: Report<LoadRow, { reps: number; openLeads: number; capacity: number; atCapacity: number }>;
}

export interface ReportQuery {
  /** ISO instants: `from` included, `to` not. */
  from: string;
  to: string;
  groupBy: GroupBy;
}

function query(name: ReportName, q: ReportQuery) {
  return { from: q.from, to: q.to, ...(!PER_REP.includes(name) && { groupBy: q.groupBy }) };
}

export const report = <N extends ReportName>(name: N, q: ReportQuery) => api<ReportRows[N]>(`/v1/reports/${name}`, { query: query(name, q) });

/** The same report as CSV text. */
export const reportCsv = (name: ReportName, q: ReportQuery) => api<string>(`/v1/reports/${name}`, { query: { ...query(name, q), format: 'csv' }, as: 'text' });
