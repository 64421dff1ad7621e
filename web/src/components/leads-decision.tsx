import type { CandidateTrace, Decision, RouteTrace } from '../api/leads';
import { formatInstant } from './format';
import { exclusionText, routeResultText, routeWhyText, type NameOf } from './leads-words';

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });

/** The route that placed the lead: the last one tried, unless it too found nobody. */
function decidingRoute(decision: Decision): RouteTrace | undefined {
  return decision.explanation.routes.find((route) => route.result === 'offered' || route.result === 'queued' || route.result === 'held');
}

function isPick(decision: Decision, route: RouteTrace, candidate: CandidateTrace): boolean {
  return decision.outcome.type === 'offer' && route.result === 'offered' && candidate.repId === decision.outcome.repId && !candidate.excluded;
}

function outcomeText(decision: Decision, nameOf: NameOf): string {
  const outcome = decision.outcome;
  switch (outcome.type) {
    case 'offer':
      return `${outcome.autoAccept ? 'Assigned' : 'Offered'} to ${nameOf(outcome.repId)}${outcome.team ? ` (team ${outcome.team})` : ''}`;
    case 'queue':
      return `Queued in ${outcome.queue}`;
    case 'hold':
      return outcome.reason === 'unavailable' ? 'Held until someone eligible is available' : 'Held: no rep can take it; a manager must route it';
    case 'unqualified':
      return 'Unqualified: not routed';
  }
}

/**
 * A routing decision as tables: every route tried, in order, and why it did or did not place the
 * lead; for each route that looked for reps, every candidate with the reason they were excluded
 * or their score and rank, the pick highlighted.
 */
export function DecisionTables({ decision, nameOf }: { decision: Decision; nameOf: NameOf }) {
  const e = decision.explanation;
  const deciding = decidingRoute(decision);
  const looked = e.routes.filter((route) => (route.candidates?.length ?? 0) > 0 || (route.branches?.length ?? 0) > 0);
  return (
    <div className="decision">
      <p className="decision-summary">{decision.summary}</p>
      <dl className="facts">
        <div>
          <dt>Outcome</dt>
          <dd>{outcomeText(decision, nameOf)}</dd>
        </div>
        <div>
          <dt>Decided</dt>
          <dd>
            <time dateTime={decision.decidedAt}>{formatInstant(decision.decidedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Configuration</dt>
          <dd>{e.configVersion === null ? 'a draft' : `version ${e.configVersion}`}</dd>
        </div>
        <div>
          <dt>Score</dt>
          <dd>
            {e.score}
            {e.grade ? ` (grade ${e.grade})` : ''}
            {e.qualified ? '' : ', below the qualification threshold'}
          </dd>
        </div>
        <div>
          <dt>Territories</dt>
          <dd>{e.territories.length ? e.territories.join(', ') : 'none'}</dd>
        </div>
        {e.exhausted && (
          <div>
            <dt>Offers</dt>
            <dd>
              all {e.exhausted.maxAttempts} offer attempts used ({e.exhausted.attempts} made)
            </dd>
          </div>
        )}
      </dl>

      {e.routes.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table className="routes">
            <caption>Routes tried, in order</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Route</th>
                <th scope="col">Target</th>
                <th scope="col">Result</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {e.routes.map((route, index) => (
                <tr key={`${route.name}-${index}`} className={route === deciding ? 'picked' : route.result === 'no-match' ? 'excluded' : undefined}>
                  <td className="num">{index + 1}</td>
                  <th scope="row">{route.name}</th>
                  <td>{route.target ?? '—'}</td>
                  <td>
                    {routeResultText(route)}
                    {route === deciding && <span className="visually-hidden"> (this route placed the lead)</span>}
                  </td>
                  <td>{routeWhyText(route)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">{e.qualified ? 'No route was tried.' : 'The lead was not routed: its score is below the qualification threshold.'}</p>
      )}

      {looked.map((route, index) => (
        <RouteCandidates key={`${route.name}-${index}`} decision={decision} route={route} />
      ))}
    </div>
  );
}

/** The last two columns of the branches and the candidates tables: how each scored and ranked. */
function ScoreRankHeaders() {
  return (
    <>
      <th scope="col" className="num">
        Score
      </th>
      <th scope="col" className="num">
        Rank
      </th>
    </>
  );
}

function ScoreRankCells({ score, rank }: { score: number | undefined; rank: number | undefined }) {
  return (
    <>
      <td className="num">{score === undefined ? '—' : number.format(score)}</td>
      <td className="num">{rank ?? '—'}</td>
    </>
  );
}

function RouteCandidates({ decision, route }: { decision: Decision; route: RouteTrace }) {
  const candidates = route.candidates ?? [];
  const branched = candidates.some((c) => c.branch);
  return (
    <>
      {route.branches && route.branches.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="branches">
            <caption>Branches on route {route.name}</caption>
            <thead>
              <tr>
                <th scope="col">Branch</th>
                <th scope="col">Result</th>
                <ScoreRankHeaders />
              </tr>
            </thead>
            <tbody>
              {route.branches.map((branch) => (
                <tr key={branch.key} className={branch.skipped ? 'excluded' : branch.rank === 1 ? 'picked' : undefined}>
                  <th scope="row">{branch.key}</th>
                  <td>{branch.skipped ? ('Passed over: no member could take the lead') : branch.rank === 1 ? 'Chosen' : 'Eligible'}</td>
                  <ScoreRankCells score={branch.score} rank={branch.rank} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {candidates.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="candidates">
            <caption>Candidates on route {route.name}</caption>
            <thead>
              <tr>
                <th scope="col">Rep</th>
                {branched && <th scope="col">Branch</th>}
                <th scope="col">Result</th>
                <ScoreRankHeaders />
              </tr>
            </thead>
            <tbody>
              {candidates.map((candidate, index) => {
                const pick = isPick(decision, route, candidate);
                return (
                  <tr key={`${candidate.repId}-${candidate.branch ?? ''}-${index}`} className={pick ? 'picked' : candidate.excluded ? 'excluded' : undefined}>
                    <th scope="row">{candidate.name}</th>
                    {branched && <td>{candidate.branch ?? '—'}</td>}
                    <td>
                      {candidate.excluded ? `Excluded: ${exclusionText(candidate.excluded)}` : pick ? 'Picked' : 'Eligible'}
                      {candidate.note ? ` (${candidate.note})` : ''}
                    </td>
                    <ScoreRankCells score={candidate.score} rank={candidate.rank} />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
