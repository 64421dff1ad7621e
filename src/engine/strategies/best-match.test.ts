import { describe, expect, it } from 'vitest';
import { decide, Roster, type Lead, type Rep } from '../index.js';
import { NOW, offeredTo, rep, team, teamConfig } from '../test-support.js';

function decideAmong(reps: Rep[], lead: Lead, options = '') {
  return decide({ lead, config: teamConfig(`strategy: best-match${options}`), roster: new Roster(reps, [team('t', reps.map((r) => r.id))]), now: NOW });
}

describe('best-match', () => {
  it('prefers the rep who speaks the lead\'s language', () => {
    expect(offeredTo(decideAmong([rep('en', { languages: ['en'] }), rep('es', { languages: ['en', 'es'] })], { language: 'es' }))).toBe('es');
  });

  it('prefers the rep with the lead\'s product among their skills', () => {
    expect(offeredTo(decideAmong([rep('auto', { skills: ['auto'] }), rep('health', { skills: ['health'] })], { product: 'Health' }))).toBe('health');
  });

  it('a rep matching language and product beats one matching only one', () => {
    const reps = [rep('one', { languages: ['es'], skills: ['auto'] }), rep('both', { languages: ['es'], skills: ['health'] })];
    expect(offeredTo(decideAmong(reps, { language: 'es', product: 'health' }))).toBe('both');
  });

  it('a preferred attribute raises a rep without excluding the others', () => {
    const decision = decideAmong([rep('plain'), rep('vip', { skills: ['vip'] })], {}, ', prefer: { skills: [vip] }');
    expect(decision.ranked).toEqual(['vip', 'plain']);
  });

  it('between equal matches the better converter wins', () => {
    const reps = [rep('low', { languages: ['es'], won: 10, lost: 90 }), rep('high', { languages: ['es'], won: 60, lost: 40 })];
    expect(offeredTo(decideAmong(reps, { language: 'es' }))).toBe('high');
  });

  it('between equal matches and performance the less loaded rep wins', () => {
    const reps = [rep('busy', { openLeads: 8, maxOpenLeads: 10 }), rep('free', { openLeads: 1, maxOpenLeads: 10 })];
    expect(offeredTo(decideAmong(reps, {}))).toBe('free');
  });

  it('with the match weight at 0 the attributes no longer count', () => {
    const reps = [rep('speaker', { languages: ['es'], won: 10, lost: 90 }), rep('closer', { won: 90, lost: 10 })];
    expect(offeredTo(decideAmong(reps, { language: 'es' }, ', bestMatch: { match: 0 }'))).toBe('closer');
  });

  it('keeps no state between decisions', () => {
    expect(decideAmong([rep('a'), rep('b')], {}).stateChanges).toEqual([]);
  });
});
