import type { z } from 'zod';
import type {
  ConversionReport,
  FairnessReport,
  LoadReport,
  OffersReport,
  SlaBreachesReport,
  SpeedToLeadReport,
  TimeToAcceptReport,
} from '../../../src/http/schemas/reports';
import type { GroupBy, ReportName } from '../../../src/service/reports';
import { api } from './client';

/** The reports of `GET /v1/reports/{name}` (PRODUCT.md §5). */
export const REPORT_NAMES = ['speed-to-lead', 'time-to-accept', 'offers', 'conversion', 'sla-breaches', 'fairness', 'load'] as const satisfies readonly ReportName[];
export type { GroupBy, ReportName };

/** Reports that are per rep by nature: no grouping to choose. */
export const PER_REP: readonly ReportName[] = ['fairness', 'load'];

/** Each report's answer, by name: the server's schemas (src/http/schemas/reports.ts). */
export interface ReportRows {
  'speed-to-lead': z.output<typeof SpeedToLeadReport>;
  'time-to-accept': z.output<typeof TimeToAcceptReport>;
  offers: z.output<typeof OffersReport>;
  conversion: z.output<typeof ConversionReport>;
  'sla-breaches': z.output<typeof SlaBreachesReport>;
  fairness: z.output<typeof FairnessReport>;
  load: z.output<typeof LoadReport>;
}

type Row<N extends ReportName> = ReportRows[N]['rows'][number];
export type SpeedRow = Row<'speed-to-lead'>;
export type DurationRow = Row<'time-to-accept'>;
export type OfferRow = Row<'offers'>;
export type ConversionRow = Row<'conversion'>;
export type BreachRow = Row<'sla-breaches'>;
export type FairnessRow = Row<'fairness'>;
export type LoadRow = Row<'load'>;

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
