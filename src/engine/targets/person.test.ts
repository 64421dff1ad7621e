import { describe, expect, it } from 'vitest';
import { decide, Roster, type Lead } from '../index.js';
import { candidate, config, NOW, offeredTo, rep, routeTrace } from '../test-support.js';

const roster = new Roster(
  [rep('ava', { email: 'ava@summit.example' }), rep('ben', { active: false }), rep('cat', { languages: ['en'] })],
  [],
);

function decideWith(assign: string, lead: Lead = {}) {
  const compiled = config(`routes:\n  - name: person\n    assign: ${assign}\nfallback:\n  assign: { queue: inbox }\n`);
  return decide({ lead, config: compiled, roster, now: NOW });
}

describe('owner: account', () => {
  it('offers the lead to the account owner', () => {
    expect(decideWith('{ owner: account }', { account: { id: 'acme', ownerId: 'ava' } }).outcome).toEqual({
      type: 'offer',
      repId: 'ava',
      team: null,
      autoAccept: false,
    });
  });

  it('an account owner who cannot take the lead lets the next route decide', () => {
    expect(decideWith('{ owner: account }', { account: { id: 'acme', ownerId: 'ben' } }).route).toBe('fallback');
  });

  it('the explanation says why the account owner was passed over', () => {
    expect(candidate(decideWith('{ owner: account }', { account: { id: 'acme', ownerId: 'ben' } }), 'ben').excluded).toEqual({ code: 'inactive' });
  });

  it('an account without an owner finds no candidate', () => {
    expect(routeTrace(decideWith('{ owner: account }', { account: { id: 'acme' } }), 'person').result).toBe('no-candidate');
  });

  it('an account owner who is not in the roster is traced as not found', () => {
    expect(candidate(decideWith('{ owner: account }', { account: { id: 'acme', ownerId: 'zoe' } }), 'zoe').excluded).toEqual({ code: 'not-found' });
  });

  it('the owner must meet the route\'s requirements', () => {
    const decision = decideWith('{ owner: account, require: { languages: [es] } }', { account: { id: 'acme', ownerId: 'cat' } });
    expect(candidate(decision, 'cat').excluded).toEqual({ code: 'missing-language', missing: ['es'] });
  });
});

describe('owner: previous', () => {
  it('offers the lead to its previous owner', () => {
    expect(offeredTo(decideWith('{ owner: previous }', { previousOwnerId: 'cat' }))).toBe('cat');
  });
});

describe('rep:', () => {
  it('offers the lead to the named rep', () => {
    expect(offeredTo(decideWith('{ rep: ava }'))).toBe('ava');
  });

  it('finds the named rep by email too', () => {
    expect(offeredTo(decideWith('{ rep: Ava@Summit.example }'))).toBe('ava');
  });

  it('a named rep who cannot take the lead lets the next route decide', () => {
    expect(decideWith('{ rep: ben }').outcome).toEqual({ type: 'queue', queue: 'inbox' });
  });

  it('a named rep who already rejected the lead is not offered it again', () => {
    const compiled = config('routes:\n  - name: person\n    assign: { rep: ava }\n');
    expect(candidate(decide({ lead: {}, config: compiled, roster, now: NOW, excluded: ['ava'] }), 'ava').excluded).toEqual({ code: 'already-tried' });
  });
});
