import { describe, expect, it } from 'vitest';
import type { Lead } from './index.js';
import { config } from './test-support.js';

/** The territories (YAML block) a lead lies in, as the compiled configuration finds them. */
function territoriesOf(territoriesYaml: string, lead: Lead): string[] {
  return [...config(`territories:\n${territoriesYaml}`).territories.of(lead)].sort();
}

describe('country', () => {
  const emea = '  emea: { country: [GB, IE, DE, FR] }\n';

  it('a lead in one of the countries is in the territory, whatever the case', () => {
    expect(territoriesOf(emea, { country: 'de' })).toEqual(['emea']);
  });

  it('a lead in another country is not', () => {
    expect(territoriesOf(emea, { country: 'US' })).toEqual([]);
  });

  it('a lead without a country is not', () => {
    expect(territoriesOf(emea, {})).toEqual([]);
  });
});

describe('region', () => {
  const west = '  west: { country: US, region: [CA, OR, WA] }\n';

  it('a lead in the country and one of the regions is in the territory', () => {
    expect(territoriesOf(west, { country: 'US', region: 'or' })).toEqual(['west']);
  });

  it('a lead in the country but another region is not', () => {
    expect(territoriesOf(west, { country: 'US', region: 'NY' })).toEqual([]);
  });

  it('a lead in a region of the same name in another country is not', () => {
    expect(territoriesOf(west, { country: 'MX', region: 'CA' })).toEqual([]);
  });
});

describe('city', () => {
  it('a lead in one of the cities is in the territory, whatever the case', () => {
    expect(territoriesOf('  boston: { country: US, city: [Boston, Cambridge] }\n', { country: 'US', city: 'BOSTON' })).toEqual(['boston']);
  });
});

describe('postal code', () => {
  const nyc = '  nyc: { country: US, postalCode: { prefix: ["100", "101", "112"] } }\n';

  it('a code starting with one of the prefixes is in the territory', () => {
    expect(territoriesOf(nyc, { country: 'US', postalCode: '11201' })).toEqual(['nyc']);
  });

  it('a code starting otherwise is not', () => {
    expect(territoriesOf(nyc, { country: 'US', postalCode: '12345' })).toEqual([]);
  });

  it('prefixes ignore case (UK postcodes)', () => {
    expect(territoriesOf('  london: { country: GB, postalCode: { prefix: [SW1, EC] } }\n', { country: 'GB', postalCode: 'sw1a 1aa' })).toEqual([
      'london',
    ]);
  });

  it('a list of exact codes holds those codes only', () => {
    const exact = '  midtown: { country: US, postalCode: ["10001", "10018"] }\n';
    expect([territoriesOf(exact, { country: 'US', postalCode: '10018' }), territoriesOf(exact, { country: 'US', postalCode: '10019' })]).toEqual([
      ['midtown'],
      [],
    ]);
  });

  describe('ranges', () => {
    const south = '  south: { country: US, postalCode: { range: ["30000", "39999"] } }\n';
    const inSouth = (postalCode: string) => territoriesOf(south, { country: 'US', postalCode }).length === 1;

    it('both ends of a range are inside it', () => {
      expect([inSouth('30000'), inSouth('39999')]).toEqual([true, true]);
    });

    it('a code between the ends is inside', () => {
      expect(inSouth('35001')).toBe(true);
    });

    it('codes just outside the ends are outside', () => {
      expect([inSouth('29999'), inSouth('40000')]).toEqual([false, false]);
    });

    it('a ZIP+4 code is placed by its leading five digits', () => {
      expect(inSouth('35001-1234')).toBe(true);
    });

    it('a code shorter than the range codes is outside', () => {
      expect(inSouth('3500')).toBe(false);
    });

    it('several ranges hold any code in one of them', () => {
      const split = '  split: { country: US, postalCode: { range: [["10000", "14999"], ["60000", "60999"]] } }\n';
      expect(['12345', '60601', '50000'].map((postalCode) => territoriesOf(split, { country: 'US', postalCode }).length)).toEqual([1, 1, 0]);
    });

    it('a prefix and a range together hold a code matching either', () => {
      const both = '  both: { country: US, postalCode: { prefix: ["9"], range: ["30000", "39999"] } }\n';
      expect(['94105', '35001', '50000'].map((postalCode) => territoriesOf(both, { country: 'US', postalCode }).length)).toEqual([1, 1, 0]);
    });
  });
});

describe('several dimensions and several territories', () => {
  it('every dimension given must hold', () => {
    const strict = '  manhattan: { country: US, region: NY, postalCode: { prefix: ["100"] } }\n';
    expect(territoriesOf(strict, { country: 'US', region: 'NJ', postalCode: '10001' })).toEqual([]);
  });

  it('a territory without a country holds leads from any country', () => {
    const paris = '  paris: { postalCode: { prefix: ["75"] } }\n';
    expect([territoriesOf(paris, { country: 'FR', postalCode: '75001' }), territoriesOf(paris, { postalCode: '75001' })]).toEqual([['paris'], ['paris']]);
  });

  it('a lead can lie in several territories at once', () => {
    const overlapping = '  west: { country: US, region: [CA, OR] }\n  bay: { country: US, postalCode: { prefix: ["94"] } }\n  emea: { country: GB }\n';
    expect(territoriesOf(overlapping, { country: 'US', region: 'CA', postalCode: '94105' })).toEqual(['bay', 'west']);
  });
});
