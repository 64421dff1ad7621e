import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

const BLOCK = 16;
/** Random bytes fetched 512 ids at a time: asking the system for 16 at a time costs more than the rest of the id. */
const entropy = Buffer.alloc(BLOCK * 512);
let used = entropy.length;

function randomBlock(): Uint8Array {
  if (used === entropy.length) {
    randomFillSync(entropy);
    used = 0;
  }
  used += BLOCK;
  return entropy.subarray(used - BLOCK, used);
}

/**
 * A new record id: a UUID (version 7) that starts with the instant it was made at. Records made
 * together sit together in the primary-key index, so inserting one touches the index's last
 * page instead of a random one — on SQLite that is most of the cost of a capture's commit —
 * and ids sort by creation time. The instant is the service's clock, so tests stay in order.
 */
export const newId = (now: number): string => v7({ msecs: now, random: randomBlock() });
