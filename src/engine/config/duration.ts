const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `90s`, `5m`, `2h`, `1d` or 0 to milliseconds. The schema has already checked the shape. */
export function durationMs(value: string | number): number {
  if (value === 0 || value === '0') return 0;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(String(value));
  if (!match) throw new Error(`not a duration: ${String(value)}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
