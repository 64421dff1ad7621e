import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertRejectedSubmission } from '../store/repositories/rejected-submissions.js';
import { STORES } from '../store/test-support.js';
import { openTestApp, type TestApp } from './test-support.js';

type Page = { data: { id: string; source: string; receivedAt: string }[]; nextCursor: string | null };

describe.each(STORES)('rejected submissions over HTTP on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  const list = async (query = '') => {
    const res = await t.call('manager', 'GET', `/v1/rejected-submissions${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  /** Submissions received one second apart, the last one the newest. */
  async function received(...sources: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const [n, source] of sources.entries()) {
      const id = `spam-${n}`;
      await insertRejectedSubmission(t.db, { id, source, reason: 'honeypot', fields: { email: `bot${n}@example.com` }, receivedAt: t.clock.now() + n * 1000 });
      ids.push(id);
    }
    return ids;
  }

  it('lists a form post caught by the honeypot, with what was posted', async () => {
    await t.call('admin', 'POST', '/v1/forms', { key: 'quote', name: 'Quote request', honeypot: 'website' });
    const post = await t.app.inject({ method: 'POST', url: '/v1/forms/quote', payload: { first_name: 'Bot', email: 'bot@example.com', website: 'http://spam.example' } });
    expect(post.statusCode).toBe(200);
    expect((await list()).data).toEqual([
      {
        id: expect.any(String),
        source: 'form:quote',
        reason: 'honeypot',
        fields: expect.objectContaining({ firstName: 'Bot', email: 'bot@example.com' }),
        receivedAt: new Date(t.clock.now()).toISOString(),
      },
    ]);
  });

  it('lists submissions newest first', async () => {
    const ids = await received('form:quote', 'form:quote', 'form:landing');
    expect((await list()).data.map((s) => s.id)).toEqual([...ids].reverse());
  });

  it('pages through submissions with an opaque cursor', async () => {
    const ids = await received('form:quote', 'form:quote', 'form:landing', 'form:quote', 'form:landing');
    const first = await list('?limit=3');
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=3&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.data, ...second.data].map((s) => s.id)).toEqual([...ids].reverse());
  });

  it('filters by source', async () => {
    const ids = await received('form:quote', 'form:landing', 'form:quote');
    expect((await list('?source=form:quote')).data.map((s) => s.id)).toEqual([ids[2], ids[0]]);
    expect((await list('?source=form:other')).data).toEqual([]);
  });

  it('refuses a cursor it did not give out with 400', async () => {
    const res = await t.call('admin', 'GET', '/v1/rejected-submissions?cursor=bm90LWEtY3Vyc29y');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
  });

  it('documents the list with its submission schema in OpenAPI', async () => {
    const doc = (await t.call(null, 'GET', '/openapi.json')).json();
    const list = doc.paths['/v1/rejected-submissions'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['source', 'cursor', 'limit']));
    expect(list.responses['200'].content['application/json'].schema.properties.data.items).toEqual({ $ref: '#/components/schemas/RejectedSubmission' });
    expect(Object.keys(doc.components.schemas.RejectedSubmission.properties)).toEqual(['id', 'source', 'reason', 'fields', 'receivedAt']);
  });
});
