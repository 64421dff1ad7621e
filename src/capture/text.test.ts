import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, fold, nameKey } from './text.js';

describe('cleanText', () => {
  it('trims spaces, tabs and newlines at both ends', () => {
    expect(cleanText(' \t Acme Corp \n')).toBe('Acme Corp');
  });

  it('makes a blank string absent', () => {
    expect(cleanText(' \u00a0 ')).toBeUndefined();
  });

  it('composes an accent typed as a separate mark with its letter', () => {
    expect(cleanText('Jose\u0301')).toBe('José');
  });
});

describe('cleanLine', () => {
  it('makes each run of whitespace inside one space', () => {
    expect(cleanLine('María \t José\n  García')).toBe('María José García');
  });
});

describe('fold', () => {
  it('lowercases and drops accents', () => {
    expect(fold('Québec ÉCOLE')).toBe('quebec ecole');
  });

  it('spells out letters that have no accent to drop', () => {
    expect(fold('Straße Ørsted Łódź')).toBe('strasse orsted lodz');
  });
});

describe('nameKey', () => {
  it('drops dots and apostrophes and makes other punctuation a space', () => {
    expect(nameKey("U.S.A. / Côte d'Ivoire")).toBe('usa cote divoire');
  });

  it('reads & as and', () => {
    expect(nameKey('Bosnia & Herzegovina')).toBe('bosnia and herzegovina');
  });
});
