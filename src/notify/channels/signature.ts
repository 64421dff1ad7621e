import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures (docs/webhooks.md): the hex HMAC-SHA256, keyed with the subscription's
 * secret, of `<timestamp>.<raw body>`, sent as `Leadrouter-Signature: v1=<hex>` beside
 * `Leadrouter-Timestamp: <unix seconds>`. Signing the timestamp with the body means an old
 * delivery cannot be replayed with a fresh timestamp.
 */
export function sign(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export function signatureHeader(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return `v1=${sign(secret, timestamp, rawBody)}`;
}

/**
 * Whether a delivery is genuine and fresh: signed with `secret` over exactly these bytes, at a
 * timestamp within `toleranceSeconds` of `nowSeconds`. The comparison takes the same time
 * whatever the bytes, so timing tells an attacker nothing about the right signature. The header
 * may carry several comma-separated entries, and entries of schemes other than `v1` are skipped,
 * so that more can be added without breaking receivers.
 */
export function verifySignature(
  secret: string,
  timestampHeader: string | null | undefined,
  signatureHeader: string | null | undefined,
  rawBody: string | Buffer,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!timestampHeader || !signatureHeader || !/^\d+$/.test(timestampHeader)) return false;
  if (Math.abs(nowSeconds - Number(timestampHeader)) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, timestampHeader, rawBody), 'hex');
  return signatureHeader.split(',').some((entry) => {
    const [scheme, hex] = entry.trim().split('=');
    if (scheme !== 'v1' || !hex || !/^[0-9a-f]{64}$/i.test(hex)) return false;
    return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
  });
}
