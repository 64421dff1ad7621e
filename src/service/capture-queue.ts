import { insertRejectedSubmission } from '../store/repositories/rejected-submissions.js';
import { newId } from './ids.js';
import { captureBatch, type CaptureDeps, type CaptureInput, type CaptureResult } from './capture.js';

interface Waiting {
  input: CaptureInput;
  resolve(result: CaptureResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit for captures that arrive together. While one transaction commits, the captures
 * that arrive meanwhile wait and then go in the next transaction together: the people and the
 * configuration are read once per batch and one commit covers them all. Each caller still gets
 * its own result only after its lead is committed. Should a batch fail (one lead reusing an
 * Idempotency-Key with another body, say), its leads are captured again one by one, so only
 * the one at fault fails. It is also where submissions refused as spam are kept.
 */
export class CaptureQueue {
  private waiting: Waiting[] = [];
  private draining = false;

  constructor(
    private readonly deps: CaptureDeps,
    private readonly maxBatch = 100,
  ) {}

  /** Keeps a submission refused before it became a lead (spam), with what was posted; nothing is routed. */
  async reject(submission: { source: string; reason: 'honeypot'; fields: Record<string, unknown> }): Promise<void> {
    const now = this.deps.clock.now();
    await insertRejectedSubmission(this.deps.db, { id: newId(now), ...submission, receivedAt: now });
  }

  submit(input: CaptureInput): Promise<CaptureResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        // SQLite answers synchronously, so a batch never lets the event loop turn: requests that
        // arrived meanwhile are still unread. One turn here lets them join the batch.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const results = await captureBatch(this.deps, batch.map((w) => w.input));
          batch.forEach((w, i) => w.resolve(results[i]!));
        } catch {
          for (const w of batch) {
            try {
              w.resolve((await captureBatch(this.deps, [w.input]))[0]!);
            } catch (error) {
              w.reject(error);
            }
          }
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
