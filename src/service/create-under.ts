import { isUniqueViolation } from '../store/unique-violation.js';
import type { ServiceError } from './errors.js';

/**
 * Runs the insert that creates something under a new key. A key already taken is a conflict —
 * also when a create running at the same moment took it first: the insert, not a look before
 * it, is what decides (a look could not see the other's uncommitted row, and an upsert would
 * overwrite it).
 */
export async function createUnder(insert: Promise<void>, taken: () => ServiceError): Promise<void> {
  try {
    await insert;
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
}
