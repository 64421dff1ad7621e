import { z } from 'zod';
import { REPORT_GROUPINGS, REPORT_NAMES, type ReportName } from '../../service/reports.js';
import { Instant, InstantInput } from './common.js';
import { named } from './registry.js';

export const ReportParams = z.strictObject({ name: z.string().min(1).describe(`one of ${REPORT_NAMES.join(', ')}`) });

/** The query every report takes; `groupBy` only as the report allows. */
export const reportQuery = (name: ReportName) => {
  const groupings = REPORT_GROUPINGS[name];
  return z.strictObject({
    from: InstantInput.optional().describe('leads created at or after this instant; default: 30 days before `to`'),
    to: InstantInput.optional().describe('leads created before this instant; default: now'),
    groupBy: z
      .enum(groupings)
      .optional()
      .describe(groupings.length > 1 ? `a row per ${groupings.join(', ')} (default ${groupings[0]})` : `always ${groupings[0]}`),
    format: z.enum(['json', 'csv']).optional().describe('csv: the rows as CSV (as does `Accept: text/csv`); default json'),
  });
};

const Count = z.number().int();
const Ms = z.number().int().nullable();
const Rate = (what: string) => z.number().nullable().describe(`${what}, a fraction 0–1 to 4 decimal places; null when there is nothing to divide by`);

const Grouped = {
  key: z.string().nullable().describe('the rep id, team key or source; null for the leads without one (no owner, team or source)'),
  name: z.string().nullable().describe("the rep's or team's name; null for sources"),
};

/** Each report's row, whose fields are the CSV export's columns, in order. */
export const REPORT_ROWS = {} as Record<ReportName, z.ZodObject>;

function report<Row extends z.ZodObject, Totals extends z.ZodType>(name: ReportName, id: string, row: Row, totals: Totals) {
  REPORT_ROWS[name] = row;
  return named(
    z.object({
      report: z.literal(name),
      from: Instant.nullable().describe('the window: leads created at or after; null for a snapshot of now'),
      to: Instant.nullable().describe('the window: leads created before; null for a snapshot of now'),
      groupBy: z.enum(REPORT_GROUPINGS[name]),
      rows: z.array(row),
      totals: totals.describe('the same figures over every row'),
    }),
    id,
  );
}

const durations = {
  count: Count.describe('leads measured'),
  p50Ms: Ms.describe('median, in milliseconds (nearest rank)'),
  p90Ms: Ms.describe('90th percentile, in milliseconds (nearest rank)'),
  p99Ms: Ms.describe('99th percentile, in milliseconds (nearest rank)'),
};
const speed = { ...durations, within5MinRate: Rate('the share contacted within 5 minutes') };
const offers = {
  offered: Count.describe('offers made'),
  accepted: Count,
  rejected: Count,
  expired: Count.describe('offers nobody answered in time'),
  acceptRate: Rate('accepted ÷ offered'),
  rejectRate: Rate('rejected ÷ offered'),
  expiryRate: Rate('expired ÷ offered'),
};
const conversion = {
  leads: Count,
  won: Count,
  lost: Count,
  open: Count.describe('neither won nor lost (yet)'),
  conversionRate: Rate('won ÷ leads'),
  winRate: Rate('won ÷ (won + lost)'),
  revenue: z.number().describe('of the won leads'),
  averageDeal: z.number().nullable().describe('revenue ÷ won leads with a revenue'),
};
const breaches = {
  assignments: Count.describe('times a rep took a lead on with a first-contact deadline: accepted an offer, or was assigned it'),
  breaches: Count.describe('first-contact deadlines missed'),
  breachRate: Rate('breaches ÷ assignments'),
};

export const SpeedToLeadReport = report('speed-to-lead', 'SpeedToLeadReport', z.object({ ...Grouped, ...speed }), z.object(speed));
export const TimeToAcceptReport = report('time-to-accept', 'TimeToAcceptReport', z.object({ ...Grouped, ...durations }), z.object(durations));
export const OffersReport = report('offers', 'OffersReport', z.object({ ...Grouped, ...offers }), z.object(offers));
export const ConversionReport = report('conversion', 'ConversionReport', z.object({ ...Grouped, ...conversion }), z.object(conversion));
export const SlaBreachesReport = report('sla-breaches', 'SlaBreachesReport', z.object({ ...Grouped, ...breaches }), z.object(breaches));

export const FairnessReport = report(
  'fairness',
  'FairnessReport',
  z.object({
    team: z.string(),
    teamName: z.string().nullable(),
    repId: z.string(),
    repName: z.string().nullable(),
    weight: z.number().describe("the rep's weight in the team; 0 for a rep no longer a member who still owns some of its leads"),
    intendedShare: Rate("weight ÷ the team's total weight"),
    received: Count.describe("the team's leads the rep owns"),
    share: Rate("received ÷ the team's leads with an owner"),
    difference: z.number().nullable().describe('share − intendedShare'),
  }),
  z.object({
    teams: Count.describe('round-robin teams'),
    received: Count,
    largestDifference: z.number().nullable().describe("the largest gap between a rep's share and their intended share, either way"),
  }),
);

export const LoadReport = report(
  'load',
  'LoadReport',
  z.object({
    ...Grouped,
    active: z.boolean(),
    openLeads: Count.describe('the open leads routing counts against the rep now'),
    maxOpenLeads: z.number().int().nullable().describe('the cap; null for none'),
    utilization: Rate('openLeads ÷ maxOpenLeads'),
    headroom: z.number().int().nullable().describe('leads the rep can still take; null without a cap'),
    atCapacity: z.boolean(),
  }),
  z.object({
    reps: Count,
    openLeads: Count,
    capacity: Count.describe('the caps of the reps who have one, added up'),
    atCapacity: Count.describe('reps at their cap'),
  }),
);

/** Each report's response. */
export const REPORT_SCHEMAS: Readonly<Record<ReportName, z.ZodType>> = {
  'speed-to-lead': SpeedToLeadReport,
  'time-to-accept': TimeToAcceptReport,
  offers: OffersReport,
  conversion: ConversionReport,
  'sla-breaches': SlaBreachesReport,
  fairness: FairnessReport,
  load: LoadReport,
};
