import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORES, type OpenStore } from '../test-support.js';
import { insertConfigVersion, listConfigVersions } from './routing-configs.js';

describe.each(STORES)('routing configuration versions on $name', (target) => {
  let store: OpenStore;
  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => store.close());

  it('numbers versions from 1 up', async () => {
    expect(await insertConfigVersion(store.db, 'routes: []', null, 1)).toBe(1);
    expect(await insertConfigVersion(store.db, 'routes: []', null, 2)).toBe(2);
  });

  it('gives saves made at the same moment by two instances a version each', async () => {
    const other = store.connectAgain();
    try {
      const saves = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? other : store.db).transaction().execute((trx) => insertConfigVersion(trx, `# save ${i}`, null, i))),
      );
      expect([...saves].sort()).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await listConfigVersions(store.db)).toHaveLength(6);
    } finally {
      await other.destroy();
    }
  });
});
