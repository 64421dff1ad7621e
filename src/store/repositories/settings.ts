import type { Db } from '../database.js';

/** Sets a setting that is not set yet: true for the one caller that set it, false when it was set already (by anyone, even at the same moment). */
export async function claimSetting(db: Db, key: string, value: string): Promise<boolean> {
  const inserted = await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst();
  return inserted !== undefined;
}
