import { describe, expect, it } from 'vitest';
import { sign, signatureHeader, verifySignature } from './signature.js';

const secret = 'whsec_test';
const body = '{"event":"lead.offered","deliveryId":"outbox:42"}';
const at = 1_795_000_000;
const EXPECTED = '45ea93bf61aa2f0fa87bd1240a5f6c139143390bac87611ed01cb706b50ceff0';

describe('webhook signatures', () => {
  it('are the hex HMAC-SHA256 of "<timestamp>.<body>" with the secret', () => {
    // Worked out independently: printf '%s' '1795000000.{"event":"lead.offered","deliveryId":"outbox:42"}' | openssl dgst -sha256 -hmac whsec_test
    expect(sign(secret, at, body)).toBe(EXPECTED);
  });

  it('go in the header as v1=<hex>', () => {
    expect(signatureHeader(secret, at, body)).toBe(`v1=${EXPECTED}`);
  });

  it('verify for the same secret, timestamp and body', () => {
    expect(verifySignature(secret, String(at), `v1=${EXPECTED}`, body, at)).toBe(true);
  });

  it('verify over the raw bytes as well as text', () => {
    expect(verifySignature(secret, String(at), `v1=${EXPECTED}`, Buffer.from(body), at)).toBe(true);
  });

  it('do not verify for a body changed by one character', () => {
    expect(verifySignature(secret, String(at), `v1=${EXPECTED}`, body.replace('42', '43'), at)).toBe(false);
  });

  it('do not verify with another secret', () => {
    expect(verifySignature('whsec_other', String(at), `v1=${EXPECTED}`, body, at)).toBe(false);
  });

  it('do not verify under another timestamp: an old delivery cannot be given a fresh one', () => {
    expect(verifySignature(secret, String(at + 1), `v1=${EXPECTED}`, body, at + 1)).toBe(false);
  });

  it('verify up to five minutes either side of the timestamp by default', () => {
    expect(verifySignature(secret, String(at), `v1=${EXPECTED}`, body, at + 300)).toBe(true);
    expect(verifySignature(secret, String(at), `v1=${EXPECTED}`, body, at - 300)).toBe(true);
  });

  it('do not verify past the tolerance: a replayed delivery is refused', () => {
    expect(verifySignature(secret, String(at), `v1=${EXPECTED}`, body, at + 301)).toBe(false);
    expect(verifySignature(secret, String(at), `v1=${EXPECTED}`, body, at + 61, 60)).toBe(false);
  });

  it('verify when any one of several entries matches, skipping schemes they do not know', () => {
    expect(verifySignature(secret, String(at), `v0=abc, v1=${'0'.repeat(64)}, v1=${EXPECTED}`, body, at)).toBe(true);
  });

  it('do not verify without the headers, or with ones that are not well formed', () => {
    expect(verifySignature(secret, undefined, `v1=${EXPECTED}`, body, at)).toBe(false);
    expect(verifySignature(secret, String(at), undefined, body, at)).toBe(false);
    expect(verifySignature(secret, `${at}.5`, `v1=${EXPECTED}`, body, at)).toBe(false);
    expect(verifySignature(secret, String(at), EXPECTED, body, at)).toBe(false);
    expect(verifySignature(secret, String(at), `v1=${EXPECTED.slice(0, 63)}`, body, at)).toBe(false);
  });
});
