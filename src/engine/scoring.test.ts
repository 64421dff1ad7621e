import { describe, expect, it } from 'vitest';
import { decide, Roster, type Decision, type Lead } from './index.js';
import { config, NOW } from './test-support.js';

const EXAMPLE_SCORING = `
scoring:
  rules:
    - when: { value: { gte: 50000 } }
      points: 40
    - when: { source: { in: [referral, partner] } }
      points: 20
    - when: { phone: { exists: true } }
      points: 10
  grades: { A: 60, B: 30, C: 10 }
  qualifyAt: 10
fallback:
  assign: { queue: inbox }
`;

function decideWith(scoringYaml: string, lead: Lead): Decision {
  return decide({ lead, config: config(scoringYaml), roster: new Roster([], []), now: NOW });
}

const scored = (lead: Lead) => decideWith(EXAMPLE_SCORING, lead);

describe('points', () => {
  it('the points of every matching rule add up', () => {
    expect(scored({ value: 60000, source: 'partner', phone: '+12125550100' }).score).toBe(70);
  });

  it('a rule that does not match adds nothing', () => {
    expect(scored({ value: 60000, source: 'web', phone: '+12125550100' }).score).toBe(50);
  });

  it('a lead matching no rule scores 0', () => {
    expect(scored({}).score).toBe(0);
  });

  it('negative points take points away', () => {
    const yaml = 'scoring:\n  rules:\n    - { when: { phone: { exists: true } }, points: 10 }\n    - { when: { emailDomain: gmail.com }, points: -15 }\n';
    expect(decideWith(yaml, { phone: '+1', email: 'x@gmail.com' }).score).toBe(-5);
  });

  it('the explanation lists which rules matched, by index', () => {
    expect(scored({ value: 60000, phone: '+1' }).explanation.scoringRules).toEqual([0, 2]);
  });
});

describe('grades', () => {
  it('the grade is the highest threshold the score reaches', () => {
    expect(scored({ value: 60000, phone: '+1' }).grade).toBe('B');
  });

  it('a score exactly at a threshold earns that grade', () => {
    expect(scored({ value: 60000, source: 'referral' }).grade).toBe('A');
  });

  it('the lowest grade starts at its own threshold', () => {
    expect(scored({ phone: '+1' }).grade).toBe('C');
  });

  it('thresholds apply whatever order they are written in', () => {
    const yaml = EXAMPLE_SCORING.replace('{ A: 60, B: 30, C: 10 }', '{ C: 10, A: 60, B: 30 }');
    expect(decideWith(yaml, { value: 60000, phone: '+1' }).grade).toBe('B');
  });

  it('a score below every threshold has no grade', () => {
    const yaml = 'scoring:\n  rules:\n    - { when: { phone: { exists: true } }, points: 10 }\n  grades: { A: 60 }\n';
    expect(decideWith(yaml, { phone: '+1' }).grade).toBeNull();
  });
});

describe('qualification', () => {
  it('below qualifyAt the outcome is unqualified', () => {
    expect(scored({ source: 'web' }).outcome).toEqual({ type: 'unqualified' });
  });

  it('an unqualified lead is not routed: no route is tried and nobody is ranked', () => {
    const decision = scored({ source: 'web' });
    expect([decision.route, decision.ranked, decision.explanation.routes]).toEqual([null, [], []]);
  });

  it('the explanation says the lead did not qualify', () => {
    expect(scored({ source: 'web' }).explanation.qualified).toBe(false);
  });

  it('a score exactly at qualifyAt qualifies and is routed', () => {
    expect(scored({ phone: '+1' }).outcome).toEqual({ type: 'queue', queue: 'inbox' });
  });

  it('without qualifyAt every lead qualifies, even with a negative score', () => {
    const yaml = 'scoring:\n  rules:\n    - { when: { emailDomain: gmail.com }, points: -15 }\nfallback:\n  assign: { queue: inbox }\n';
    expect(decideWith(yaml, { email: 'x@gmail.com' }).outcome).toEqual({ type: 'queue', queue: 'inbox' });
  });

  it('without scoring every lead scores 0 and qualifies', () => {
    const decision = decideWith('fallback:\n  assign: { queue: inbox }\n', { value: 1 });
    expect([decision.score, decision.grade, decision.explanation.qualified]).toEqual([0, null, true]);
  });
});
