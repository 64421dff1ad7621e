import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { STORES } from '../store/test-support.js';
import { openTestApp, type TestApp } from './test-support.js';

describe('the request log', () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it('does not write a key given in the query', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    t = await openTestApp(STORES[0]!, { logger: { level: 'info', stream } });
    await t.call(null, 'GET', `/v1/leads?status=offered&key=${t.keys.manager}`);
    const logged = lines.join('');
    expect(logged).toContain('/v1/leads?status=offered&key=[redacted]');
    expect(logged).not.toContain(t.keys.manager);
  });
});
