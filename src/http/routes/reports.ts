import type { FastifyRequest } from 'fastify';
import type { ApiKeyRole } from '../../service/api-keys.js';
import { REPORT_GROUPINGS, REPORT_NAMES, REPORTS, type ReportName } from '../../service/reports.js';
import type { App, AppContext } from '../context.js';
import { toCsv } from '../csv.js';
import { ApiError } from '../errors.js';
import { ErrorResponse } from '../schemas/common.js';
import { REPORT_ROWS, REPORT_SCHEMAS, ReportParams, reportQuery } from '../schemas/reports.js';

const READERS: readonly ApiKeyRole[] = ['admin', 'manager'];

const WINDOW = 'Leads count when created in the window: `from` (default: 30 days before `to`) included, `to` (default: now) not; test leads never count.';

const ABOUT: Record<ReportName, { summary: string; description: string }> = {
  'speed-to-lead': {
    summary: 'Speed to lead: capture to first contact',
    description:
      'Per rep (the owner), team or source, of the leads contacted: how many, the 50th, 90th and 99th percentiles of the time from capture to the first ' +
      'contact logged (nearest rank: each is an actual lead’s time), and the share contacted within 5 minutes.',
  },
  'time-to-accept': {
    summary: 'Time to accept: offer to acceptance',
    description:
      'Per rep, team or source, of the leads accepted: the percentiles of the time from the offer to its acceptance. Leads assigned without an offer ' +
      'to answer (auto-accept, a pull, a manager’s reassignment to a named rep) are left out.',
  },
  offers: {
    summary: 'Offers: accepted, rejected, expired',
    description: 'Offers made, and how many were accepted, rejected or let expire, with the rates — per rep offered, or per the lead’s team or source.',
  },
  conversion: {
    summary: 'Conversion and revenue',
    description: 'Per owner, team or source: the leads, how many were won and lost, the conversion rate (won ÷ leads), the win rate (won ÷ closed) and the revenue won.',
  },
  'sla-breaches': {
    summary: 'First-contact SLA breaches',
    description:
      'Per rep, or the lead’s team or source: the first-contact deadlines missed (`sla-breached` on the timeline), against the assignments that ' +
      'started one (an offer accepted, or a lead assigned at once).',
  },
  fairness: {
    summary: 'Distribution against intended share',
    description:
      'For each team the active routing configuration deals by round-robin (or, for a route that picks a branch first, each of its branches): per ' +
      'rep, the team’s leads they own against the share their weight in the team intends.',
  },
  load: {
    summary: 'Open leads per rep now against their cap',
    description: 'A snapshot of now, whatever `from` and `to` say: each rep’s open leads (as routing counts them against capacity) against their maxOpenLeads.',
  },
};

/** CSV when `format=csv`, or when no format is asked for and the Accept header names text/csv. */
function wantsCsv(request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  const accept = request.headers.accept ?? '';
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    return type === 'text/csv' && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

const day = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString().slice(0, 10));
const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

/** The reports (PRODUCT.md §5): one endpoint per report, each with its own rows; any other name is a 404 naming them. */
export function reportRoutes(app: App, ctx: AppContext): void {
  const tags = ['reports'];

  for (const name of REPORT_NAMES) {
    const columns = Object.keys(REPORT_ROWS[name].shape);
    app.get(
      `/v1/reports/${name}`,
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: ABOUT[name].summary,
          description:
            `${ABOUT[name].description} ${name === 'load' ? '' : `${WINDOW} `}Grouped by ${REPORT_GROUPINGS[name].join(', ')}. ` +
            '`format=csv` or `Accept: text/csv`: the rows as CSV (text/csv, a header line first), without the totals.',
          querystring: reportQuery(name),
          response: { 200: REPORT_SCHEMAS[name] },
        },
      },
      async (request, reply) => {
        const { from, to, groupBy, format } = request.query;
        const result = await REPORTS[name](ctx, {
          ...(from !== undefined && { from: Date.parse(from) }),
          ...(to !== undefined && { to: Date.parse(to) }),
          ...(groupBy !== undefined && { groupBy }),
        });
        if (wantsCsv(request, format)) {
          const window = result.from === null ? '' : `-${day(result.from)}-${day(result.to)}`;
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}-by-${result.groupBy}${window}.csv"`)
            .send(toCsv(columns, result.rows as unknown as Record<string, unknown>[]));
        }
        return { ...result, from: iso(result.from), to: iso(result.to) };
      },
    );
  }

  app.get(
    '/v1/reports/:name',
    {
      config: { access: READERS },
      schema: { hide: true, params: ReportParams, response: { 404: ErrorResponse } },
    },
    async (request) => {
      throw new ApiError(404, 'not_found', `no report "${request.params.name}"; the reports are ${REPORT_NAMES.join(', ')}`, { reports: [...REPORT_NAMES] });
    },
  );
}
