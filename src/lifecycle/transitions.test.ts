import { describe, expect, it } from 'vitest';
import { allowedActions, allows } from './transitions.js';

describe('the lead transition table', () => {
  it('lets only an offered lead be accepted, rejected or expire', () => {
    expect(allows('offered', 'accept')).toBe(true);
    expect(allows('assigned', 'accept')).toBe(false);
    expect(allows('queued', 'reject')).toBe(false);
    expect(allows('offered', 'expire')).toBe(true);
  });

  it('counts a contact only once the lead is the owner’s', () => {
    expect(allows('offered', 'contact')).toBe(false);
    expect(allows('assigned', 'contact')).toBe(true);
    expect(allows('contacted', 'contact')).toBe(true);
  });

  it('closes a lead as won only after it was accepted', () => {
    expect(allows('assigned', 'win')).toBe(true);
    expect(allows('contacted', 'win')).toBe(true);
    expect(allows('offered', 'win')).toBe(false);
    expect(allows('won', 'lose')).toBe(false);
  });

  it('pulls only queued leads and releases only held ones', () => {
    expect(allows('queued', 'pull')).toBe(true);
    expect(allows('held', 'pull')).toBe(false);
    expect(allows('held', 'release')).toBe(true);
  });

  it('breaches the first-contact deadline only of an assigned lead', () => {
    expect(allows('assigned', 'breach-sla')).toBe(true);
    expect(allows('contacted', 'breach-sla')).toBe(false);
  });

  it('lists what a person may still do with a lead', () => {
    expect(allowedActions('offered')).toEqual(['accept', 'reject', 'note', 'lose', 'reassign']);
    expect(allowedActions('won')).toEqual(['note']);
  });
});
