import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { allTeams, LEAD_STATUSES, listLeads, type LeadFilter } from '../api/leads';
import type { Rep } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { Instant, LeadLink, StatusBadge } from '../components/leads-bits';
import { useReps } from '../components/leads-names';
import { LoadState } from '../components/load-state';
import type { NameOf } from '../components/leads-words';
import { Pager, usePager } from '../components/pager';
import { useApi } from '../components/use-api';
import { useSession } from '../session';
import './leads.css';

/** The search as the address bar keeps it: shareable, and Back returns to the search before. */
const PARAMS = ['q', 'status', 'owner', 'team', 'source', 'from', 'to'] as const;
type Search = Record<(typeof PARAMS)[number], string>;

function searchOf(params: URLSearchParams): Search {
  return Object.fromEntries(PARAMS.map((name) => [name, params.get(name) ?? ''])) as Search;
}

/** A day picked in the form (the viewer's day) as an instant: its local midnight, or the next day's for "to" (inclusive). */
function dayStart(day: string, nextDay = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (nextDay ? 1 : 0));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function filterOf(search: Search): LeadFilter {
  const filter: LeadFilter = {};
  if (search.q.trim()) filter.q = search.q.trim();
  if (search.status) filter.status = search.status;
  if (search.owner) filter.ownerId = search.owner;
  if (search.team) filter.team = search.team;
  if (search.source.trim()) filter.source = search.source.trim();
  const from = dayStart(search.from);
  const to = dayStart(search.to, true);
  if (from) filter.createdFrom = from;
  if (to) filter.createdTo = to;
  return filter;
}

/** Managers search and filter every lead; each row opens the lead with its timeline and decision. */
export default function LeadsPage() {
  const [params, setParams] = useSearchParams();
  const search = searchOf(params);
  const key = PARAMS.map((name) => `${name}=${search[name]}`).join('&');
  const { reps, nameOf } = useReps();

  function apply(next: Search) {
    const query = new URLSearchParams();
    for (const name of PARAMS) if (next[name].trim()) query.set(name, next[name].trim());
    setParams(query);
  }

  return (
    <section className="leads-page">
      <h1>Leads</h1>
      <SearchForm key={key} initial={search} reps={reps} onSearch={apply} />
      <Results key={`results-${key}`} filter={filterOf(search)} nameOf={nameOf} searched={key !== PARAMS.map((name) => `${name}=`).join('&')} />
    </section>
  );
}

function SearchForm({ initial, reps, onSearch }: { initial: Search; reps: Rep[]; onSearch: (search: Search) => void }) {
  const session = useSession();
  const [form, setForm] = useState(initial);
  const teams = useApi(() => allTeams(), [session.key]);
  const set = (name: keyof Search) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: event.target.value }));
  const byName = [...reps].sort((a, b) => a.name.localeCompare(b.name));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(form);
  }

  return (
    <form className="leads-search card" role="search" aria-label="Leads" onSubmit={submit}>
      <div className="search-row">
        <div className="grow">
          <label htmlFor="leads-q">Search</label>
          <input id="leads-q" type="search" value={form.q} onChange={set('q')} placeholder="Name, email, phone or company" />
        </div>
        <button type="submit">Search</button>
        <button
          type="button"
          className="secondary"
          onClick={() => onSearch(Object.fromEntries(PARAMS.map((name) => [name, ''])) as Search)}
        >
          Clear
        </button>
      </div>
      <fieldset className="filters">
        <legend>Filters</legend>
        <div>
          <label htmlFor="leads-status">Status</label>
          <select id="leads-status" value={form.status} onChange={set('status')}>
            <option value="">Any status</option>
            {LEAD_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="leads-owner">Owner</label>
          <select id="leads-owner" value={form.owner} onChange={set('owner')}>
            <option value="">Anyone</option>
            {byName.map((rep) => (
              <option key={rep.id} value={rep.id}>
                {rep.name}
              </option>
            ))}
            {form.owner && !reps.some((rep) => rep.id === form.owner) && <option value={form.owner}>{form.owner}</option>}
          </select>
        </div>
        <div>
          <label htmlFor="leads-team">Team</label>
          <select id="leads-team" value={form.team} onChange={set('team')}>
            <option value="">Any team</option>
            {(teams.data ?? []).map((team) => (
              <option key={team.key} value={team.key}>
                {team.name}
              </option>
            ))}
            {form.team && !(teams.data ?? []).some((team) => team.key === form.team) && <option value={form.team}>{form.team}</option>}
          </select>
        </div>
        <div>
          <label htmlFor="leads-source">Source</label>
          <input id="leads-source" type="text" value={form.source} onChange={set('source')} placeholder="web, partner, …" />
        </div>
        <div>
          <label htmlFor="leads-from">Created from</label>
          <input id="leads-from" type="date" value={form.from} onChange={set('from')} />
        </div>
        <div>
          <label htmlFor="leads-to">Created to</label>
          <input id="leads-to" type="date" value={form.to} min={form.from || undefined} onChange={set('to')} />
        </div>
      </fieldset>
      {teams.error ? <ErrorMessage error={teams.error} /> : null}
    </form>
  );
}

function Results({ filter, nameOf, searched }: { filter: LeadFilter; nameOf: NameOf; searched: boolean }) {
  const pager = usePager();
  const leads = useApi(() => listLeads(filter, pager.cursor), [pager.cursor]);
  if (leads.error || !leads.data) return <LoadState loaded={leads} what="leads" />;
  const rows = leads.data.data;
  return (
    <section aria-labelledby="leads-results">
      <div className="results-head">
        <h2 id="leads-results">{searched ? 'Matching leads' : 'All leads, newest first'}</h2>
        <button type="button" className="secondary" onClick={leads.reload} disabled={leads.loading}>
          {leads.loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {leads.loading && (
        <p role="status" className="visually-hidden">
          Loading leads…
        </p>
      )}
      {rows.length === 0 ? (
        <p className="hint">{searched ? 'No lead matches this search.' : 'No leads yet.'}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="leads-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Company</th>
                <th scope="col">Status</th>
                <th scope="col">Owner</th>
                <th scope="col">Route</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((lead) => (
                <tr key={lead.id}>
                  <th scope="row">
                    <LeadLink lead={lead} />
                  </th>
                  <td>{lead.company ?? '—'}</td>
                  <td>
                    <StatusBadge status={lead.status} />
                  </td>
                  <td>{lead.ownerId ? nameOf(lead.ownerId) : lead.queue ? `queue ${lead.queue}` : '—'}</td>
                  <td>{lead.route ?? '—'}</td>
                  <td className="num">
                    {lead.score ?? '—'}
                    {lead.grade ? ` (${lead.grade})` : ''}
                  </td>
                  <td>
                    <Instant at={lead.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={pager} nextCursor={leads.data.nextCursor} label="Leads" />
    </section>
  );
}
