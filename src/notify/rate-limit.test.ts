import { describe, expect, it } from 'vitest';
import { nextSendAt } from './rate-limit.js';

const MINUTE = 60_000;
const NOW = Date.parse('2026-11-24T18:00:00Z');
const limit = { max: 3, windowMs: 60 * MINUTE };
const ago = (minutes: number) => NOW - minutes * MINUTE;

describe('the per-recipient rate limit', () => {
  it('lets the first message go at once', () => {
    expect(nextSendAt([], NOW, limit)).toBe(NOW);
  });

  it('lets a message go at once while fewer than the most have gone in the window', () => {
    expect(nextSendAt([ago(50), ago(10)], NOW, limit)).toBe(NOW);
  });

  it('holds a message when the most have gone, until the oldest of them leaves the window', () => {
    expect(nextSendAt([ago(10), ago(50), ago(30)], NOW, limit)).toBe(ago(50) + 60 * MINUTE);
  });

  it('holds until enough have left when more than the most have gone', () => {
    // Five in the window, at most three: for one more to go, three must have left.
    expect(nextSendAt([ago(55), ago(45), ago(35), ago(25), ago(15)], NOW, limit)).toBe(ago(35) + 60 * MINUTE);
  });

  it('does not count messages older than the window', () => {
    expect(nextSendAt([ago(60), ago(90), ago(10), ago(20)], NOW, limit)).toBe(NOW);
  });

  it('lets the next go the moment the oldest one leaves the window', () => {
    const sends = [ago(50), ago(30), ago(10)];
    const at = nextSendAt(sends, NOW, limit);
    expect(nextSendAt(sends, at, limit)).toBe(at);
    expect(nextSendAt(sends, at - 1, limit)).toBe(at);
  });
});
