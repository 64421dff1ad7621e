import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sign, verifySignature } from './signature.js';

type Verify = typeof verifySignature;

const doc = readFileSync(new URL('../../../docs/webhooks.md', import.meta.url), 'utf8');

/** The verification sample in docs/webhooks.md, run as the module a reader would copy it into. */
async function documentedVerify(): Promise<Verify> {
  const sample = /```js\n(import \{ createHmac, timingSafeEqual \} from 'node:crypto';[\s\S]*?)```/.exec(doc)?.[1];
  if (!sample) throw new Error('docs/webhooks.md has no verification sample');
  const module = (await import(`data:text/javascript,${encodeURIComponent(sample)}`)) as { verifySignature: Verify };
  return module.verifySignature;
}

describe('docs/webhooks.md', () => {
  it('shows a request whose signature verifies with the secret it names', () => {
    const request = /Leadrouter-Timestamp: (\d+)\nLeadrouter-Signature: (\S+)\n\n(\{.*\})\n```/.exec(doc);
    expect(request).not.toBeNull();
    const [, timestamp, signature, body] = request as unknown as [string, string, string, string];
    expect(verifySignature('whsec_test', timestamp, signature, body, Number(timestamp))).toBe(true);
  });

  it('shows a verification sample that answers as verifySignature does', async () => {
    const documented = await documentedVerify();
    const secret = 'whsec_test';
    const body = '{"event":"lead.offered","deliveryId":"d-1"}';
    const at = 1_795_543_207;
    const good = `v1=${'0'.repeat(64)}, v1=${sign(secret, at, body)}`;
    const cases: Parameters<Verify>[] = [
      [secret, String(at), good, body, at],
      [secret, String(at), good, Buffer.from(body), at + 300],
      [secret, String(at), good, body, at + 301],
      [secret, String(at), good, body, at - 301],
      [secret, String(at), good, body.replace('d-1', 'd-2'), at],
      ['whsec_other', String(at), good, body, at],
      [secret, String(at + 1), good, body, at + 1],
      [secret, undefined, good, body, at],
      [secret, String(at), undefined, body, at],
      [secret, String(at), 'v1=zz', body, at],
      [secret, String(at), good, body, at + 61, 60],
    ];
    expect(cases.map((args) => documented(...args))).toEqual(cases.map((args) => verifySignature(...args)));
    expect(cases.map((args) => documented(...args))).toEqual([true, true, false, false, false, false, false, false, false, false, false]);
  });
});
