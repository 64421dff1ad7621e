import { describe, expect, it } from 'vitest';
import { splitFullName } from './full-name.js';

describe('splitFullName', () => {
  it('splits a first and a last name', () => {
    expect(splitFullName('Ada Lovelace')).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('keeps every word after the first in the last name', () => {
    expect(splitFullName('Ludwig van Beethoven')).toEqual({ firstName: 'Ludwig', lastName: 'van Beethoven' });
  });

  it('keeps accents and collapses spaces', () => {
    expect(splitFullName('  Zoë   Ørsted-Núñez ')).toEqual({ firstName: 'Zoë', lastName: 'Ørsted-Núñez' });
  });

  it('reads "Last, First"', () => {
    expect(splitFullName('Lovelace, Ada')).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('does not read a generational suffix after a comma as a first name', () => {
    expect(splitFullName('John Smith, Jr.')).toEqual({ firstName: 'John', lastName: 'Smith, Jr.' });
  });

  it('takes a single word as a first name', () => {
    expect(splitFullName('Cher')).toEqual({ firstName: 'Cher' });
  });

  it('gives nothing for a blank name', () => {
    expect(splitFullName('   ')).toEqual({});
  });
});
