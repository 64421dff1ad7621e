/**
 * Routing decisions per second on the insurance example (PRODUCT.md §10), against
 * json-rules-engine evaluating the same routes in the same process.
 *
 * leadrouter makes whole decisions: scoring, territories, routes, candidate filtering
 * (working hours in each rep's zone, capacity, requirements), the strategy and the
 * explanation, with round-robin state carried from one decision to the next.
 * json-rules-engine only matches the routes (first match wins), so the ratio is conservative.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import { decide, type CompiledConfig, type Lead, type Roster, type StrategyState } from '../src/engine/index.js';
import { measureAsync, measureSync } from './support/measure.js';
import { franchise, insurance, insuranceLeads } from './support/organisations.js';

const NOW = Date.parse('2026-11-24T17:00:00Z'); // a Tuesday, noon in New York, 9:00 in Los Angeles
const LEADS = insuranceLeads(10_000);

function decisionsPerSec(config: CompiledConfig, roster: Roster, leads: readonly Lead[], minMs: number): number {
  const state: Record<string, StrategyState> = {};
  return measureSync(
    (i) => {
      const decision = decide({ lead: leads[i % leads.length]!, config, roster, state, now: NOW });
      for (const change of decision.stateChanges) state[change.scope] = change.state;
    },
    { minMs },
  ).perSec;
}

/** The §10 routes as json-rules-engine rules: priorities keep the order, and the first success stops the run. */
function jsonRulesEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const west = ['CA', 'OR', 'WA', 'NV', 'AZ'];
  const rules: RuleProperties[] = [
    { name: 'existing-account', conditions: { all: [{ fact: 'accountMatched', operator: 'equal', value: true }] }, event: { type: 'existing-account' } },
    {
      name: 'enterprise',
      conditions: { all: [{ fact: 'value', operator: 'greaterThanInclusive', value: 50000 }, { fact: 'country', operator: 'equal', value: 'US' }] },
      event: { type: 'enterprise' },
    },
    {
      name: 'west-health',
      conditions: {
        all: [
          { all: [{ fact: 'country', operator: 'equal', value: 'US' }, { fact: 'region', operator: 'in', value: west }] },
          { fact: 'product', operator: 'equal', value: 'health' },
        ],
      },
      event: { type: 'west-health' },
    },
    { name: 'spanish-speakers', conditions: { all: [{ fact: 'language', operator: 'equal', value: 'es' }] }, event: { type: 'spanish-speakers' } },
    { name: 'partners', conditions: { all: [{ fact: 'source', operator: 'equal', value: 'partner' }] }, event: { type: 'partners' } },
  ];
  rules.forEach((rule, i) => engine.addRule({ ...rule, priority: rules.length - i }));
  engine.on('success', () => engine.stop());
  return engine;
}

async function main(): Promise<void> {
  const minMs = Number(process.env.BENCH_MS ?? 2000);
  const { config, roster } = insurance(50);

  const facts = LEADS.map((lead) => ({ ...lead, accountMatched: Boolean(lead.account) }));
  const jre = jsonRulesEngine();
  // Same routes, same leads: the two must agree on which route matches before they are timed.
  // Leads below qualifyAt are left out: leadrouter does not route them, json-rules-engine has no scoring.
  let compared = 0;
  for (const [i, lead] of LEADS.slice(0, 1000).entries()) {
    const decision = decide({ lead, config, roster, now: NOW });
    if (decision.outcome.type === 'unqualified') continue;
    const ours = decision.explanation.routes.find((r) => r.result !== 'no-match')?.name ?? 'fallback';
    const { events } = await jre.run(facts[i]!);
    const theirs = events[0]?.type ?? 'fallback';
    if (ours !== theirs) throw new Error(`lead ${lead.id}: leadrouter matched route ${ours}, json-rules-engine ${theirs}`);
    compared++;
  }

  const ours = decisionsPerSec(config, roster, LEADS, minMs);
  const baseline = (await measureAsync((i) => jre.run(facts[i % facts.length]!), { minMs })).perSec;

  console.log('leadrouter engine: insurance example, 50 reps, 10,000 distinct leads, single thread');
  console.log(`  both match the same route for all ${compared} qualified leads of the first 1,000`);
  console.log(`  leadrouter decisions/s      ${Math.round(ours).toLocaleString('en-US')}  (${(1e6 / ours).toFixed(2)} µs each)`);
  console.log(`  json-rules-engine matches/s ${Math.round(baseline).toLocaleString('en-US')}  (${(1e6 / baseline).toFixed(2)} µs each)`);
  console.log(`  ratio                       ${(ours / baseline).toFixed(1)}x`);

  console.log('\nScaling: µs per decision by number of reps');
  console.log('  reps   insurance (flat teams)   franchise (branch by territory)');
  for (const reps of [50, 500, 5000]) {
    const flat = insurance(reps);
    const branched = franchise(reps);
    const flatRate = decisionsPerSec(flat.config, flat.roster, LEADS, Math.min(minMs, 1000));
    const branchRate = decisionsPerSec(branched.config, branched.roster, branched.leads, Math.min(minMs, 1000));
    console.log(`  ${String(reps).padEnd(6)} ${(1e6 / flatRate).toFixed(2).padStart(10)} µs             ${(1e6 / branchRate).toFixed(2).padStart(10)} µs`);
  }

  console.log(JSON.stringify({ bench: 'engine', decisionsPerSec: Math.round(ours), baselinePerSec: Math.round(baseline), ratio: Math.round((ours / baseline) * 10) / 10, reps: 50 }));
}

await main();
