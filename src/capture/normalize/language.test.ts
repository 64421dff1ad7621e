import { describe, expect, it } from 'vitest';
import { normalizeLanguage } from './language.js';

describe('normalizeLanguage', () => {
  it.each([
    ['Spanish', 'es'],
    ['español', 'es'],
    ['Espanol', 'es'],
    ['ES', 'es'],
    ['en-US', 'en'],
    ['pt_BR', 'pt'],
    ['Deutsch', 'de'],
    ['French', 'fr'],
    ['中文', 'zh'],
    ['日本語', 'ja'],
  ])('reads %s as %s', (text, code) => {
    expect(normalizeLanguage(text)).toEqual({ value: code });
  });

  it('keeps a language it does not know lowercased, with a warning', () => {
    expect(normalizeLanguage('Klingon')).toEqual({ value: 'klingon', warning: 'not a known language; kept as given' });
  });
});
