import type { Checked } from '../problems.js';

/**
 * A money amount (a lead's `value`) as a number, from what forms and spreadsheets send:
 * `50000`, `"50,000"`, `"$50,000.00"`, `"€ 1.234,50"`, `"USD 50000"`, `"50 000 €"`, `"50k"`, `"1.5M"`.
 *
 * Separators: when both `,` and `.` appear, the last one is the decimal mark. When only one kind
 * appears, it groups thousands if every group after the first has three digits and it is a comma
 * or appears more than once (`50,000`, `1.000.000`); otherwise it is the decimal mark (`49.99`,
 * `49,99`). So `"50.000"` reads as fifty, as in English.
 *
 * Anything else is an error, and so is a negative amount: a value that routing compares against
 * thresholds must not be guessed.
 */
export function parseAmount(input: string | number): Checked<number> {
  if (typeof input === 'number') return Number.isFinite(input) ? notNegative(input) : NOT_A_NUMBER;
  const signed = /^([+-]?)\s*(.*)$/su.exec(input.trim());
  const body = stripCurrency(signed?.[2] ?? '');
  const match = /^(\d[\d.,\s'’]*?)\s*([kKmM]?)$/u.exec(body);
  const digits = match?.[1] === undefined ? undefined : plainDecimal(match[1].replace(/[\s'’]/gu, ''));
  if (digits === undefined) return NOT_A_NUMBER;
  const amount = Number(digits) * (SCALE[(match?.[2] ?? '').toLowerCase()] ?? 1);
  if (!Number.isFinite(amount)) return NOT_A_NUMBER;
  return notNegative(signed?.[1] === '-' ? -amount : amount);
}

const NOT_A_NUMBER: Checked<number> = { error: 'expected a number' };
const SCALE: Readonly<Record<string, number>> = { k: 1e3, m: 1e6 };

function notNegative(amount: number): Checked<number> {
  return amount < 0 ? { error: 'expected an amount of 0 or more' } : { value: amount === 0 ? 0 : amount };
}

/** A currency sign (`$`, `US$`, `€`) or ISO code (`USD`) before or after the amount. */
function stripCurrency(text: string): string {
  return text
    .replace(/^(?:[A-Za-z]{0,3}\p{Sc}|[A-Za-z]{3}(?=[\s\d]))\s*/u, '')
    .replace(/\s*(?:\p{Sc}|(?<=[\d\s])[A-Za-z]{3})$/u, '');
}

/** Digits with separators as a plain decimal (`1234.5`), or undefined when they make no sense. */
function plainDecimal(text: string): string | undefined {
  const hasComma = text.includes(',');
  const hasDot = text.includes('.');
  if (!hasComma && !hasDot) return /^\d+$/.test(text) ? text : undefined;
  if (hasComma && hasDot) {
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const at = text.lastIndexOf(decimal);
    const whole = ungrouped(text.slice(0, at), decimal === ',' ? '.' : ',');
    const fraction = text.slice(at + 1);
    return whole !== undefined && /^\d+$/.test(fraction) ? `${whole}.${fraction}` : undefined;
  }
  const separator = hasComma ? ',' : '.';
  if (separator === ',' || text.split(separator).length > 2) {
    const whole = ungrouped(text, separator);
    if (whole !== undefined) return whole;
  }
  const decimal = /^(\d+)[.,](\d+)$/.exec(text);
  return decimal ? `${decimal[1]}.${decimal[2]}` : undefined;
}

/** `1,234,567` -> `1234567` when every group after the first has three digits; else undefined. */
function ungrouped(text: string, separator: string): string | undefined {
  const [first, ...rest] = text.split(separator);
  if (rest.length === 0) return /^\d+$/.test(text) ? text : undefined;
  return first !== undefined && /^\d{1,3}$/.test(first) && rest.every((group) => /^\d{3}$/.test(group))
    ? first + rest.join('')
    : undefined;
}
