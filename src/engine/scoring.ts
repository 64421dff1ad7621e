import type { RoutingConfigDoc } from './config/schema.js';
import type { ConfigPath } from './config/errors.js';
import { compileCondition, type CompiledCondition, type ConditionScope } from './conditions/compile.js';
import type { EvalContext } from './conditions/context.js';

export interface ScoreResult {
  score: number;
  grade: string | null;
  qualified: boolean;
  /** Indexes of the scoring rules that matched. */
  matched: number[];
}

export interface CompiledScoring {
  /** The context's own score and grade are not read: they are what this computes. */
  score(ctx: EvalContext): ScoreResult;
}

/** Grades are thresholds: the highest one the score reaches applies (`{ A: 60, B: 30, C: 10 }`). */
export function compileScoring(doc: RoutingConfigDoc['scoring'], path: ConfigPath, scope: ConditionScope): CompiledScoring {
  const rules: { when: CompiledCondition; points: number }[] = [];
  (doc?.rules ?? []).forEach((rule, i) => {
    const when = compileCondition(rule.when, [...path, 'rules', i, 'when'], { ...scope, scoreKnown: false });
    if (when) rules.push({ when, points: rule.points });
  });
  const grades = Object.entries(doc?.grades ?? {}).sort((a, b) => b[1] - a[1]);
  const qualifyAt = doc?.qualifyAt ?? Number.NEGATIVE_INFINITY;
  return {
    score(ctx) {
      let score = 0;
      const matched: number[] = [];
      for (let i = 0; i < rules.length; i++) {
        if (!rules[i]!.when.fails(ctx)) {
          score += rules[i]!.points;
          matched.push(i);
        }
      }
      let grade: string | null = null;
      for (const [name, threshold] of grades) {
        if (score >= threshold) {
          grade = name;
          break;
        }
      }
      return { score, grade, qualified: score >= qualifyAt, matched };
    },
  };
}
