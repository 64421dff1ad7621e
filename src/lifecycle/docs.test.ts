import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from './transitions.js';

describe('docs/lifecycle.md', () => {
  it('shows the transition table the code enforces', () => {
    const doc = readFileSync('docs/lifecycle.md', 'utf8');
    const table = doc.slice(doc.indexOf('<!-- transitions:start -->'), doc.indexOf('<!-- transitions:end -->'));
    const rows = table
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| action') && !line.startsWith('| ---'))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(Object.fromEntries(rows.map((cells) => [cells[1], cells[3]!.split(', ')]))).toEqual(TRANSITIONS);
  });
});
