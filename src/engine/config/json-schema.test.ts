// The engine is pure; its tests may still read the checked-in files they compare against.
// eslint-disable-next-line no-restricted-imports -- test reads docs/ and examples/
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from './load.js';
import { routingJsonSchema, routingJsonSchemaText } from './json-schema.js';

const checkedIn = () => readFileSync(new URL('../../../docs/routing.schema.json', import.meta.url), 'utf8');
const example = () => readFileSync(new URL('../../../examples/insurance/routing.yaml', import.meta.url), 'utf8');

/** zod writes several types as `type: [string, number]`, which strict ajv wants allowed explicitly. */
const validator = () => new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(routingJsonSchema());

describe('routing JSON Schema', () => {
  it('docs/routing.schema.json is current (regenerate with `npm run schema`)', () => {
    expect(checkedIn()).toBe(routingJsonSchemaText());
  });

  it('is a draft 2020-12 schema with an id, a title and the named definitions', () => {
    const schema = routingJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBeTypeOf('string');
    expect(schema.title).toBeTypeOf('string');
    const defs = Object.keys(schema.$defs as object);
    expect(defs).toEqual(expect.arrayContaining(['Condition', 'Matcher', 'Operators', 'Territory', 'Assign', 'TeamAssign']));
    // No anonymous aliases of the recursive schemas are left, and every $ref resolves.
    expect(defs.filter((d) => d.startsWith('__'))).toEqual([]);
    const refs = [...routingJsonSchemaText().matchAll(/"\$ref": "#\/\$defs\/([^"]+)"/g)].map((m) => m[1]);
    for (const ref of refs) expect(defs).toContain(ref);
  });

  it('accepts examples/insurance/routing.yaml', () => {
    const validate = validator();
    const ok = validate(parse(example()));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects what the zod schema rejects, recursively', () => {
    const validate = validator();
    const reject = (doc: unknown) => {
      expect(validate(doc)).toBe(false);
      expect(loadConfig(doc).ok).toBe(false);
    };
    reject({ routes: [{ name: 'a', assign: { team: 'x', strategy: 'fastest' } }] });
    reject({ routes: [{ name: 'a', when: { any: [{ not: { value: { between: 1 } } }] }, assign: { queue: 'q' } }] });
    reject({ routes: [{ name: 'a', when: { valu: 3 }, assign: { queue: 'q' } }] });
    reject({ routes: [{ name: 'a', when: { country: {} }, assign: { queue: 'q' } }] });
    reject({ territories: { west: {} } });
    reject({ offer: { timeout: '5 minutes' } });
    reject({ bogus: true });
  });

  it('accepts the recursive constructs and custom fields', () => {
    const validate = validator();
    const doc = {
      routes: [
        {
          name: 'a',
          when: { all: [{ any: [{ 'custom.income': { gte: 5 } }, { not: { country: { not: { in: ['US'] } } } }] }] },
          assign: { team: 'x', strategy: 'sticky', then: 'performance' },
        },
      ],
      offer: { timeout: 0 },
    };
    expect(validate(doc)).toBe(true);
    expect(loadConfig(doc).ok).toBe(true);
  });
});
