import { useId, useState, type ReactNode } from 'react';
import {
  PER_REP,
  report,
  reportCsv,
  type BreachRow,
  type ConversionRow,
  type DurationRow,
  type FairnessRow,
  type GroupBy,
  type LoadRow,
  type OfferRow,
  type ReportName,
  type ReportQuery,
  type ReportRows,
  type SpeedRow,
} from '../api/reports';
import { ErrorMessage } from '../components/error-message';
import { formatDuration, formatInstant, formatMoney } from '../components/format';
import { ReportChart, type Series } from '../components/reports-chart';
import { TabPanel, Tabs } from '../components/tabs';
import { useApi } from '../components/use-api';
import { useSession } from '../session';
import './reports.css';

const REPORTS: readonly { id: ReportName; label: string; about: string }[] = [
  { id: 'speed-to-lead', label: 'Speed to lead', about: 'Capture to first contact of the leads contacted: the median (p50) and the 90th percentile. Within 5 minutes is the mark to beat.' },
  { id: 'time-to-accept', label: 'Time to accept', about: 'Offer to acceptance of the leads accepted (leads given without an offer to answer are left out).' },
  { id: 'offers', label: 'Offers', about: 'Offers made and how they were answered: accepted, rejected, or let expire.' },
  { id: 'conversion', label: 'Conversion', about: 'Leads won and lost, and the revenue won.' },
  { id: 'sla-breaches', label: 'SLA breaches', about: 'First-contact deadlines missed, against the assignments that started one.' },
  { id: 'fairness', label: 'Fairness', about: 'In each round-robin team: the share of the team’s leads each rep received against the share their weight intends.' },
  { id: 'load', label: 'Load', about: 'Every rep’s open leads now against their cap. A snapshot of now: the dates do not apply.' },
];
const TABS_ID = 'reports';
const GROUPS: readonly { id: GroupBy; label: string }[] = [
  { id: 'rep', label: 'Rep' },
  { id: 'team', label: 'Team' },
  { id: 'source', label: 'Source' },
];
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant, in the viewer's time zone (what a date input holds). */
function dateInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The start of a `YYYY-MM-DD` day (plus `days`) in the viewer's time zone; null when it is not a date. */
function dayStart(value: string, days = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(date.getTime()) ? null : date;
}

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const rate = (value: number | null | undefined) => (value === null || value === undefined ? '—' : percent.format(value));
const duration = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : formatDuration(ms));
const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);

/** Reports for managers: speed to lead, acceptance, conversion, SLA breaches, fairness and load, over a date range, as charts, tables and CSV. */
export default function ReportsPage() {
  const session = useSession();
  const [from, setFrom] = useState(() => dateInput(session.now() - 30 * DAY_MS));
  const [to, setTo] = useState(() => dateInput(session.now()));
  const [groupBy, setGroupBy] = useState<GroupBy>('rep');
  const [tab, setTab] = useState<ReportName>('speed-to-lead');
  const ids = { from: useId(), to: useId(), groupBy: useId() };

  const start = dayStart(from);
  const end = dayStart(to, 1);
  const rangeProblem = !start || !end ? 'Enter both dates.' : start >= end ? 'The first day must be on or before the last day.' : null;
  const query: ReportQuery | null = start && end && !rangeProblem ? { from: start.toISOString(), to: end.toISOString(), groupBy } : null;
  const perRep = PER_REP.includes(tab);

  return (
    <section className="reports-page">
      <h1>Reports</h1>
      <form className="toolbar reports-filters" onSubmit={(event) => event.preventDefault()} aria-label="Report range and grouping">
        <div>
          <label htmlFor={ids.from}>From</label>
          <input id={ids.from} type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} aria-invalid={rangeProblem !== null} />
        </div>
        <div>
          <label htmlFor={ids.to}>To (included)</label>
          <input id={ids.to} type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} aria-invalid={rangeProblem !== null} />
        </div>
        <div>
          <label htmlFor={ids.groupBy}>Group by</label>
          <select
            id={ids.groupBy}
            value={perRep ? 'rep' : groupBy}
            disabled={perRep}
            aria-describedby={perRep ? `${ids.groupBy}-hint` : undefined}
            onChange={(event) => setGroupBy(event.target.value as GroupBy)}
          >
            {GROUPS.map((group) => (
              <option key={group.id} value={group.id}>
                {group.label}
              </option>
            ))}
          </select>
        </div>
        {perRep && (
          <p className="hint" id={`${ids.groupBy}-hint`}>
            This report is per rep.
          </p>
        )}
      </form>
      {rangeProblem && (
        <p className="error" role="alert">
          {rangeProblem}
        </p>
      )}

      <Tabs<ReportName> tabs={REPORTS} selected={tab} onSelect={setTab} label="Reports" idPrefix={TABS_ID} />
      {REPORTS.map((entry) => (
        <TabPanel key={entry.id} id={entry.id} idPrefix={TABS_ID} selected={tab === entry.id}>
          {tab === entry.id && (
            <>
              <h2>{entry.label}</h2>
              <p className="hint">{entry.about}</p>
              {query && <ReportView name={entry.id} label={entry.label} query={query} days={{ from, to }} />}
            </>
          )}
        </TabPanel>
      ))}
    </section>
  );
}

function ReportView({ name, label, query, days }: { name: ReportName; label: string; query: ReportQuery; days: { from: string; to: string } }) {
  const loaded = useApi(() => report(name, query), [name, query.from, query.to, query.groupBy]);
  const data = loaded.data?.report === name ? loaded.data : undefined;
  return (
    <>
      <div className="reports-head">
        <p className="reports-window">
          {data && (data.from && data.to ? `From ${formatInstant(data.from)} to ${formatInstant(data.to)} (not included).` : 'Open leads as they are now.')}
        </p>
        <CsvDownload name={name} label={label} query={query} days={days} />
      </div>
      {loaded.loading && <p role="status">Loading the {label.toLowerCase()} report…</p>}
      <ErrorMessage error={loaded.error} />
      {data && <ReportBody data={data as ReportRows[ReportName]} />}
    </>
  );
}

/** A plain link cannot carry the key, so the CSV is fetched with it and handed to the browser as a file. */
function CsvDownload({ name, label, query, days }: { name: ReportName; label: string; query: ReportQuery; days: { from: string; to: string } }) {
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  async function download() {
    setState({ busy: true, error: null });
    try {
      const text = await reportCsv(name, query);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name === 'load' ? `leadrouter-${name}-${days.to}.csv` : `leadrouter-${name}-${days.from}-to-${days.to}${PER_REP.includes(name) ? '' : `-by-${query.groupBy}`}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error });
    }
  }
  return (
    <div className="reports-download">
      <button type="button" className="secondary" onClick={() => void download()} disabled={state.busy}>
        {state.busy ? 'Preparing CSV…' : 'Download CSV'}
        <span className="visually-hidden"> of {label.toLowerCase()}</span>
      </button>
      <ErrorMessage error={state.error} />
    </div>
  );
}

// —— Each report: its chart and its table ——————————————————————————————

interface Column<Row> {
  header: string;
  numeric?: boolean;
  cell(row: Row): ReactNode;
}

function groupName(row: { key: string | null; name: string | null }, groupBy: GroupBy): string {
  return row.name ?? row.key ?? `(no ${groupBy})`;
}

/** The row header and key of a report with a row per group (per rep, team or source): the group's name, or its key. */
function groupedRows(groupBy: GroupBy) {
  return {
    rowHeader: { header: GROUPS.find((g) => g.id === groupBy)!.label, cell: (row: { key: string | null; name: string | null }) => groupName(row, groupBy) },
    rowKey: (row: { key: string | null }) => row.key ?? '',
  };
}

/** The figures of a report: one row per group, a row header, the totals in the footer. */
function FigureTable<Row>({ caption, rowHeader, rowKey, rows, columns, totals }: { caption: string; rowHeader: { header: string; cell(row: Row): ReactNode }; rowKey(row: Row): string; rows: Row[]; columns: Column<Row>[]; totals?: { label: string; cells: ReactNode[] } }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader.header}</th>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              <th scope="row">{rowHeader.cell(row)}</th>
              {columns.map((column) => (
                <td key={column.header} className={column.numeric ? 'num' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {totals && (
          <tfoot>
            <tr>
              <th scope="row">{totals.label}</th>
              {totals.cells.map((cell, index) => (
                <td key={index} className={columns[index]?.numeric ? 'num' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function Empty() {
  return <p className="reports-empty">No leads in this range for this report.</p>;
}

function ReportBody({ data }: { data: ReportRows[ReportName] }) {
  switch (data.report) {
    case 'speed-to-lead':
      return <SpeedReport data={data as ReportRows['speed-to-lead']} />;
    case 'time-to-accept':
      return <DurationReport data={data as ReportRows['time-to-accept']} what="time to accept" countHeader="Accepted" />;
    case 'offers':
      return <OffersReport data={data as ReportRows['offers']} />;
    case 'conversion':
      return <ConversionReport data={data as ReportRows['conversion']} />;
    case 'sla-breaches':
      return <BreachesReport data={data as ReportRows['sla-breaches']} />;
    case 'fairness':
      return <FairnessReport data={data as ReportRows['fairness']} />;
    case 'load':
      return <LoadReport data={data as ReportRows['load']} />;
  }
}

/** p50 and p90 as bars per group, in minutes. */
function percentileChart(rows: DurationRow[], groupBy: GroupBy, what: string) {
  const labels = rows.map((row) => groupName(row, groupBy));
  const series: Series[] = [
    { label: 'Median (p50)', values: rows.map((row) => minutes(row.p50Ms)) },
    { label: '90th percentile (p90)', values: rows.map((row) => minutes(row.p90Ms)) },
  ];
  const ranked = rows.filter((row) => row.p50Ms !== null).toSorted((a, b) => a.p50Ms! - b.p50Ms!);
  const fastest = ranked[0];
  const slowest = ranked.at(-1);
  const summary =
    `Bar chart of ${what} by ${groupBy}: the median and the 90th percentile in minutes for ${rows.length} ${rows.length === 1 ? 'group' : 'groups'}.` +
    (fastest && slowest && fastest.p50Ms !== slowest.p50Ms
      ? ` Fastest median: ${groupName(fastest, groupBy)}, ${duration(fastest.p50Ms)}; slowest: ${groupName(slowest, groupBy)}, ${duration(slowest.p50Ms)}.`
      : fastest
        ? ` Median: ${duration(fastest.p50Ms)}${ranked.length > 1 ? ' for every group' : ''}.`
        : '') +
    ' The table below gives every figure.';
  return <ReportChart labels={labels} series={series} summary={summary} axis="minutes" format={(value) => decimal.format(value)} />;
}

function SpeedReport({ data }: { data: ReportRows['speed-to-lead'] }) {
  if (data.rows.length === 0) return <Empty />;
  const columns: Column<SpeedRow>[] = [
    { header: 'Contacted', numeric: true, cell: (row) => row.count },
    { header: 'Median (p50)', numeric: true, cell: (row) => duration(row.p50Ms) },
    { header: 'p90', numeric: true, cell: (row) => duration(row.p90Ms) },
    { header: 'p99', numeric: true, cell: (row) => duration(row.p99Ms) },
    { header: 'Within 5 min', numeric: true, cell: (row) => rate(row.within5MinRate) },
  ];
  const t = data.totals;
  return (
    <>
      {percentileChart(data.rows, data.groupBy, 'speed to lead')}
      <FigureTable
        caption={`Speed to lead by ${data.groupBy}`}
        {...groupedRows(data.groupBy)}
        rows={data.rows}
        columns={columns}
        totals={{ label: 'All', cells: [t.count, duration(t.p50Ms), duration(t.p90Ms), duration(t.p99Ms), rate(t.within5MinRate)] }}
      />
    </>
  );
}

function DurationReport({ data, what, countHeader }: { data: ReportRows['time-to-accept']; what: string; countHeader: string }) {
  if (data.rows.length === 0) return <Empty />;
  const columns: Column<DurationRow>[] = [
    { header: countHeader, numeric: true, cell: (row) => row.count },
    { header: 'Median (p50)', numeric: true, cell: (row) => duration(row.p50Ms) },
    { header: 'p90', numeric: true, cell: (row) => duration(row.p90Ms) },
    { header: 'p99', numeric: true, cell: (row) => duration(row.p99Ms) },
  ];
  const t = data.totals;
  return (
    <>
      {percentileChart(data.rows, data.groupBy, what)}
      <FigureTable
        caption={`${what.charAt(0).toUpperCase()}${what.slice(1)} by ${data.groupBy}`}
        {...groupedRows(data.groupBy)}
        rows={data.rows}
        columns={columns}
        totals={{ label: 'All', cells: [t.count, duration(t.p50Ms), duration(t.p90Ms), duration(t.p99Ms)] }}
      />
    </>
  );
}

function OffersReport({ data }: { data: ReportRows['offers'] }) {
  if (data.rows.length === 0) return <Empty />;
  const labels = data.rows.map((row) => groupName(row, data.groupBy));
  const t = data.totals;
  const columns: Column<OfferRow>[] = [
    { header: 'Offered', numeric: true, cell: (row) => row.offered },
    { header: 'Accepted', numeric: true, cell: (row) => row.accepted },
    { header: 'Rejected', numeric: true, cell: (row) => row.rejected },
    { header: 'Expired', numeric: true, cell: (row) => row.expired },
    { header: 'Acceptance rate', numeric: true, cell: (row) => rate(row.acceptRate) },
    { header: 'Rejection rate', numeric: true, cell: (row) => rate(row.rejectRate) },
    { header: 'Expiry rate', numeric: true, cell: (row) => rate(row.expiryRate) },
  ];
  return (
    <>
      <ReportChart
        labels={labels}
        stacked
        series={[
          { label: 'Accepted', values: data.rows.map((row) => row.accepted) },
          { label: 'Rejected', values: data.rows.map((row) => row.rejected) },
          { label: 'Expired', values: data.rows.map((row) => row.expired) },
        ]}
        axis="offers"
        summary={`Stacked bar chart of offers accepted, rejected and expired by ${data.groupBy}. In all, ${t.offered} offers: ${rate(t.acceptRate)} accepted, ${rate(t.rejectRate)} rejected, ${rate(t.expiryRate)} expired. The table below gives every figure.`}
      />
      <FigureTable
        caption={`Offers by ${data.groupBy}`}
        {...groupedRows(data.groupBy)}
        rows={data.rows}
        columns={columns}
        totals={{ label: 'All', cells: [t.offered, t.accepted, t.rejected, t.expired, rate(t.acceptRate), rate(t.rejectRate), rate(t.expiryRate)] }}
      />
    </>
  );
}

function ConversionReport({ data }: { data: ReportRows['conversion'] }) {
  if (data.rows.length === 0) return <Empty />;
  const t = data.totals;
  const columns: Column<ConversionRow>[] = [
    { header: 'Leads', numeric: true, cell: (row) => row.leads },
    { header: 'Won', numeric: true, cell: (row) => row.won },
    { header: 'Lost', numeric: true, cell: (row) => row.lost },
    { header: 'Open', numeric: true, cell: (row) => row.open },
    { header: 'Conversion', numeric: true, cell: (row) => rate(row.conversionRate) },
    { header: 'Win rate', numeric: true, cell: (row) => rate(row.winRate) },
    { header: 'Revenue', numeric: true, cell: (row) => formatMoney(row.revenue) },
    { header: 'Average deal', numeric: true, cell: (row) => formatMoney(row.averageDeal) },
  ];
  return (
    <>
      <ReportChart
        labels={data.rows.map((row) => groupName(row, data.groupBy))}
        stacked
        series={[
          { label: 'Won', values: data.rows.map((row) => row.won), colour: '#1d6b35' },
          { label: 'Lost', values: data.rows.map((row) => row.lost), colour: '#a4161a' },
          { label: 'Open', values: data.rows.map((row) => row.open), colour: '#4f5862' },
        ]}
        axis="leads"
        summary={`Stacked bar chart of leads won, lost and still open by ${data.groupBy}. In all, ${t.leads} leads, ${t.won} won (${rate(t.conversionRate)}), ${formatMoney(t.revenue)} revenue. The table below gives every figure.`}
      />
      <FigureTable
        caption={`Conversion by ${data.groupBy}`}
        {...groupedRows(data.groupBy)}
        rows={data.rows}
        columns={columns}
        totals={{ label: 'All', cells: [t.leads, t.won, t.lost, t.open, rate(t.conversionRate), rate(t.winRate), formatMoney(t.revenue), formatMoney(t.averageDeal)] }}
      />
    </>
  );
}

function BreachesReport({ data }: { data: ReportRows['sla-breaches'] }) {
  if (data.rows.length === 0) return <Empty />;
  const t = data.totals;
  const columns: Column<BreachRow>[] = [
    { header: 'Assignments', numeric: true, cell: (row) => row.assignments },
    { header: 'Breaches', numeric: true, cell: (row) => row.breaches },
    { header: 'Breach rate', numeric: true, cell: (row) => rate(row.breachRate) },
  ];
  return (
    <>
      <ReportChart
        labels={data.rows.map((row) => groupName(row, data.groupBy))}
        series={[
          { label: 'Assignments', values: data.rows.map((row) => row.assignments) },
          { label: 'Breaches', values: data.rows.map((row) => row.breaches), colour: '#a4161a' },
        ]}
        axis="count"
        summary={`Bar chart of assignments and first-contact deadlines missed by ${data.groupBy}. In all, ${t.breaches} breaches in ${t.assignments} assignments (${rate(t.breachRate)}). The table below gives every figure.`}
      />
      <FigureTable
        caption={`SLA breaches by ${data.groupBy}`}
        {...groupedRows(data.groupBy)}
        rows={data.rows}
        columns={columns}
        totals={{ label: 'All', cells: [t.assignments, t.breaches, rate(t.breachRate)] }}
      />
    </>
  );
}

function FairnessReport({ data }: { data: ReportRows['fairness'] }) {
  if (data.rows.length === 0) return <p className="reports-empty">No round-robin team has leads in this range (fairness is measured in the teams the live configuration deals by round robin).</p>;
  const teams = new Set(data.rows.map((row) => row.team));
  const repLabel = (row: FairnessRow) => row.repName ?? row.repId;
  const labels = data.rows.map((row) => (teams.size > 1 ? `${repLabel(row)} (${row.teamName ?? row.team})` : repLabel(row)));
  const pct = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
  const worst = data.rows.filter((row) => row.difference !== null).toSorted((a, b) => Math.abs(b.difference!) - Math.abs(a.difference!))[0];
  const columns: Column<FairnessRow>[] = [
    { header: 'Team', cell: (row) => row.teamName ?? row.team },
    { header: 'Weight', numeric: true, cell: (row) => row.weight },
    { header: 'Intended share', numeric: true, cell: (row) => rate(row.intendedShare) },
    { header: 'Received', numeric: true, cell: (row) => row.received },
    { header: 'Received share', numeric: true, cell: (row) => rate(row.share) },
    { header: 'Difference', numeric: true, cell: (row) => (row.difference === null ? '—' : `${row.difference > 0 ? '+' : row.difference < 0 ? '−' : ''}${decimal.format(Math.abs(row.difference * 100))} pts`) },
  ];
  return (
    <>
      <ReportChart
        labels={labels}
        series={[
          { label: 'Received share', values: data.rows.map((row) => pct(row.share)) },
          { label: 'Intended share', values: data.rows.map((row) => pct(row.intendedShare)), colour: '#4f5862' },
        ]}
        axis="% of the team’s leads"
        format={(value) => `${decimal.format(value)} %`}
        summary={
          `Grouped bar chart of the share of their team’s leads each of ${data.rows.length} reps received, next to the share their weight intends.` +
          (worst ? ` The largest gap: ${repLabel(worst)}, ${rate(worst.share)} received against ${rate(worst.intendedShare)} intended.` : '') +
          ' The table below gives every figure.'
        }
      />
      <FigureTable
        caption="Leads received against intended share, per rep and team"
        rowHeader={{ header: 'Rep', cell: repLabel }}
        rowKey={(row) => `${row.team}:${row.repId}`}
        rows={data.rows}
        columns={columns}
        totals={{ label: 'All', cells: [`${data.totals.teams} ${data.totals.teams === 1 ? 'team' : 'teams'}`, '', '', data.totals.received, '', data.totals.largestDifference === null ? '—' : `largest ${decimal.format(data.totals.largestDifference * 100)} pts`] }}
      />
    </>
  );
}

function LoadReport({ data }: { data: ReportRows['load'] }) {
  if (data.rows.length === 0) return <p className="reports-empty">No reps yet.</p>;
  const t = data.totals;
  const columns: Column<LoadRow>[] = [
    { header: 'Active', cell: (row) => (row.active ? 'Yes' : 'No') },
    { header: 'Open leads', numeric: true, cell: (row) => row.openLeads },
    { header: 'Cap', numeric: true, cell: (row) => row.maxOpenLeads ?? 'none' },
    { header: 'Utilization', numeric: true, cell: (row) => rate(row.utilization) },
    { header: 'Headroom', numeric: true, cell: (row) => row.headroom ?? '—' },
    { header: 'At capacity', cell: (row) => (row.atCapacity ? <span className="badge offered">At capacity</span> : 'No') },
  ];
  return (
    <>
      <ReportChart
        labels={data.rows.map((row) => groupName(row, 'rep'))}
        series={[
          { label: 'Open leads', values: data.rows.map((row) => row.openLeads) },
          { label: 'Cap', values: data.rows.map((row) => row.maxOpenLeads), colour: '#4f5862' },
        ]}
        axis="leads"
        summary={`Bar chart of each of ${t.reps} reps’ open leads next to their cap: ${t.openLeads} open leads in all, ${t.atCapacity} ${t.atCapacity === 1 ? 'rep' : 'reps'} at capacity. The table below gives every figure.`}
      />
      <FigureTable
        caption="Open leads per rep now"
        {...groupedRows('rep')}
        rows={data.rows}
        columns={columns}
        totals={{ label: 'All', cells: ['', t.openLeads, t.capacity, '', '', `${t.atCapacity} at capacity`] }}
      />
    </>
  );
}
