import { describe, expect, it } from 'vitest';
import { EventCursor } from './event-cursor.js';

const GRACE = 1_000;

describe('the event cursor', () => {
  it('reads on from the highest id read', () => {
    const cursor = new EventCursor(10, GRACE);
    cursor.advance([11, 12], 0);
    expect(cursor.toRead()).toEqual([{ from: 13, to: null }]);
  });

  it('reads again the ids it jumped over, which a transaction may still commit', () => {
    const cursor = new EventCursor(10, GRACE);
    cursor.advance([11, 14, 16], 0);
    expect(cursor.toRead()).toEqual([
      { from: 17, to: null },
      { from: 12, to: 13 },
      { from: 15, to: 15 },
    ]);
  });

  it('stops looking for an id once it has come', () => {
    const cursor = new EventCursor(10, GRACE);
    cursor.advance([14], 0);
    cursor.advance([12], 10);
    expect(cursor.missing()).toEqual([
      { from: 11, to: 11 },
      { from: 13, to: 13 },
    ]);
  });

  it('starting after the latest ids, looks for those missing among them', () => {
    const cursor = EventCursor.after([7, 8, 10], GRACE, 0);
    expect(cursor.toRead()).toEqual([
      { from: 11, to: null },
      { from: 9, to: 9 },
    ]);
  });

  it('gives up on an id that has not come within the grace period (its transaction rolled back)', () => {
    const cursor = new EventCursor(10, GRACE);
    cursor.advance([12], 0);
    cursor.advance([], GRACE - 1);
    expect(cursor.missing()).toEqual([{ from: 11, to: 11 }]);
    cursor.advance([], GRACE);
    expect(cursor.toRead()).toEqual([{ from: 13, to: null }]);
  });
});
