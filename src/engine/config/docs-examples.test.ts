// The engine is pure; its tests may still read the documentation they check.
// eslint-disable-next-line no-restricted-imports -- test reads docs/routing.md
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeError } from './errors.js';
import { routingJsonSchema } from './json-schema.js';
import { loadConfig } from './load.js';
import { PeopleSchema } from '../people/schema.js';

/**
 * Every ```yaml block of docs/routing.md is checked:
 * - ```yaml          a routing configuration that loadConfig and the JSON Schema accept;
 * - ```yaml invalid  a routing configuration shown for its errors: loadConfig must reject it;
 * - ```yaml people   a people file that PeopleSchema accepts;
 * - a block whose first line is `# fragment` is skipped (kept rare).
 */
interface Block {
  tag: string;
  text: string;
  line: number;
}

function yamlBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```yaml(?:\s+(\w+))?\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    blocks.push({ tag: open[1] ?? '', text: body.join('\n'), line: start + 1 });
  }
  return blocks;
}

const markdown = readFileSync(new URL('../../../docs/routing.md', import.meta.url), 'utf8');
const blocks = yamlBlocks(markdown).filter((b) => !b.text.startsWith('# fragment'));
const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(routingJsonSchema());

describe('docs/routing.md examples', () => {
  it('has examples to check', () => {
    expect(blocks.filter((b) => b.tag === '').length).toBeGreaterThanOrEqual(20);
    expect(blocks.filter((b) => b.tag === 'invalid').length).toBeGreaterThanOrEqual(1);
    expect(blocks.filter((b) => b.tag === 'people').length).toBeGreaterThanOrEqual(1);
    expect(blocks.every((b) => ['', 'invalid', 'people'].includes(b.tag))).toBe(true);
  });

  for (const block of blocks) {
    const name = `${block.tag || 'valid'} block at docs/routing.md line ${block.line}`;
    if (block.tag === 'people') {
      it(`${name} is a valid people file`, () => {
        const result = PeopleSchema.safeParse(parse(block.text));
        expect(result.success ? [] : result.error.issues).toEqual([]);
      });
    } else if (block.tag === 'invalid') {
      it(`${name} is rejected`, () => {
        expect(loadConfig(block.text).ok).toBe(false);
      });
    } else {
      it(`${name} loads and matches the JSON Schema`, () => {
        const result = loadConfig(block.text);
        expect(result.errors.map(describeError)).toEqual([]);
        validate(parse(block.text));
        expect(validate.errors ?? []).toEqual([]);
      });
    }
  }
});
