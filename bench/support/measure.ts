export interface Rate {
  ops: number;
  seconds: number;
  perSec: number;
}

/** Runs `step` for a warm-up, then for at least `minMs`, and reports operations per second. */
export function measureSync(step: (i: number) => void, { warmupMs = 500, minMs = 2000 } = {}): Rate {
  let i = 0;
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) for (let k = 0; k < 100; k++) step(i++);
  const start = performance.now();
  let ops = 0;
  let now = start;
  while (now - start < minMs) {
    for (let k = 0; k < 1000; k++) step(i++);
    ops += 1000;
    now = performance.now();
  }
  const seconds = (now - start) / 1000;
  return { ops, seconds, perSec: ops / seconds };
}

export async function measureAsync(step: (i: number) => Promise<unknown>, { warmupMs = 500, minMs = 2000 } = {}): Promise<Rate> {
  let i = 0;
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) await step(i++);
  const start = performance.now();
  let ops = 0;
  let now = start;
  while (now - start < minMs) {
    for (let k = 0; k < 100; k++) await step(i++);
    ops += 100;
    now = performance.now();
  }
  const seconds = (now - start) / 1000;
  return { ops, seconds, perSec: ops / seconds };
}

/** Runs `work` on every item with `workers` of them in flight at once; resolves with the seconds the whole run took. */
export async function runConcurrently<T>(items: readonly T[], workers: number, work: (item: T, worker: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (next < items.length) await work(items[next++]!, worker);
    }),
  );
  return (performance.now() - start) / 1000;
}
