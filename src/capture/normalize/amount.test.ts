import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount.js';

describe('parseAmount', () => {
  it.each([
    ['50000', 50000],
    ['50,000', 50000],
    ['$50,000.00', 50000],
    ['1,234,567.89', 1234567.89],
    ['€ 1.234,50', 1234.5],
    ['1.000.000', 1000000],
    ['49.99', 49.99],
    ['49,99', 49.99],
    ['USD 50000', 50000],
    ['50000 EUR', 50000],
    ['50 000 €', 50000],
    ["CHF 1'250'000", 1250000],
    ['US$ 7,500', 7500],
    ['50k', 50000],
    ['1.5M', 1500000],
    ['0', 0],
  ])('reads %s as %d', (text, amount) => {
    expect(parseAmount(text)).toEqual({ value: amount });
  });

  it('takes a number as it is', () => {
    expect(parseAmount(1250.5)).toEqual({ value: 1250.5 });
  });

  it('reads a lone dot followed by three digits as a decimal mark', () => {
    expect(parseAmount('50.000')).toEqual({ value: 50 });
  });

  it('rejects text that is no amount', () => {
    expect(parseAmount('lots')).toEqual({ error: 'expected a number' });
  });

  it('rejects a range', () => {
    expect(parseAmount('10,000-50,000')).toEqual({ error: 'expected a number' });
  });

  it('rejects badly grouped digits', () => {
    expect(parseAmount('1,23,4.5')).toEqual({ error: 'expected a number' });
  });

  it('rejects a negative amount', () => {
    expect(parseAmount('-$500')).toEqual({ error: 'expected an amount of 0 or more' });
  });

  it('rejects a number that is not finite', () => {
    expect(parseAmount(Number.POSITIVE_INFINITY)).toEqual({ error: 'expected a number' });
  });
});
