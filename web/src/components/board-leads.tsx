import type { ReactNode } from 'react';
import type { LeadView } from '../api/leads';
import { LeadLink, LocalPager, useLocalPage } from './leads-bits';
import { LoadState } from './load-state';
import type { Loaded } from './use-api';

/** Rows a page of a board table shows. */
const PAGE = 10;

/** A column of a board table after the lead itself: what the concern needs (who has it, since when, its deadline, why). */
export interface LeadColumn {
  header: string;
  cell(lead: LeadView): ReactNode;
}

/**
 * One concern of the live board (offers, first contacts due, held leads): the leads as the board
 * sorted them, a page at a time, each row headed by the lead and its company.
 */
export function BoardLeads({
  id,
  title,
  loaded,
  what,
  leads,
  empty,
  pagerLabel,
  columns,
}: {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  loaded: Loaded<{ leads: LeadView[]; capped: boolean }>;
  /** What is loading, in words: "offered leads". */
  what: string;
  leads: LeadView[];
  empty: string;
  pagerLabel: string;
  columns: readonly LeadColumn[];
}) {
  const page = useLocalPage(leads, PAGE);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <LoadState loaded={loaded} what={what} />
      {loaded.data &&
        (leads.length === 0 ? (
          <p className="hint">{empty}</p>
        ) : (
          <>
            <div className="table-wrap" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Lead</th>
                    {columns.map((column) => (
                      <th key={column.header} scope="col">
                        {column.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((lead) => (
                    <tr key={lead.id}>
                      <th scope="row">
                        <LeadLink lead={lead} />
                        {lead.company && <span className="company">{lead.company}</span>}
                      </th>
                      {columns.map((column) => (
                        <td key={column.header}>{column.cell(lead)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <LocalPager state={page} label={pagerLabel} />
            {loaded.data.capped && <p className="hint">Showing the first 1,000 only.</p>}
          </>
        ))}
    </section>
  );
}
