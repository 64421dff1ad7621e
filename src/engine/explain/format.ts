import type { Decision } from '../decision.js';
import { exclusionText } from './exclusion-text.js';

const round = (n: number) => Math.round(n * 1000) / 1000;

/** A decision's explanation as indented lines of text. */
export function formatExplanation(decision: Decision): string[] {
  const e = decision.explanation;
  const lines = [e.summary];
  lines.push(
    `  config ${e.configVersion === null ? 'draft' : `v${e.configVersion}`}; score ${e.score}${e.grade ? ` (grade ${e.grade})` : ''}${e.qualified ? '' : ', unqualified'}` +
      (e.territories.length ? `; territories ${e.territories.join(', ')}` : ''),
  );
  if (e.exhausted) lines.push(`  offer attempts exhausted (${e.exhausted.attempts} of ${e.exhausted.maxAttempts})`);
  for (const route of e.routes) {
    if (route.result === 'no-match') {
      lines.push(`  route ${route.name}: no match (${route.failed} is false)`);
      continue;
    }
    lines.push(`  route ${route.name}: ${route.result} -> ${route.target}${route.note ? ` (${route.note})` : ''}`);
    for (const b of route.branches ?? []) {
      lines.push(`    branch ${b.key}: ${b.skipped ? b.skipped.replace(/-/g, ' ') : `rank ${b.rank}${b.score === undefined ? '' : `, score ${round(b.score)}`}`}`);
    }
    for (const c of route.candidates ?? []) {
      const where = c.branch ? ` [${c.branch}]` : '';
      const what = c.excluded
        ? `excluded: ${exclusionText(c.excluded)}`
        : `rank ${c.rank}${c.score === undefined ? '' : `, score ${round(c.score)}`}${c.note ? `, ${c.note}` : ''}${c.rank === 1 ? '  <- pick' : ''}`;
      lines.push(`    ${c.name} (${c.repId})${where}: ${what}`);
    }
  }
  return lines;
}
