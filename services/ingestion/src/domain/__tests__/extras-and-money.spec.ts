import fc from 'fast-check';
import { boundExtras, toMinorUnits } from '..';

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('boundExtras', () => {
  it('keeps small extras whole', () => {
    expect(boundExtras({ plan: 'pro', seats: 5, tags: ['a'], nested: { ok: true } }, 8192)).toEqual({
      json: '{"plan":"pro","seats":5,"tags":["a"],"nested":{"ok":true}}',
      truncated: false,
      droppedKeys: [],
    });
  });

  it('drops the largest keys first until the JSON fits', () => {
    const result = boundExtras({ small: 'x', big: 'y'.repeat(500), medium: 'z'.repeat(50) }, 100);
    expect(result).toEqual({
      json: `{"small":"x","medium":"${'z'.repeat(50)}"}`,
      truncated: true,
      droppedKeys: ['big'],
    });
  });

  it('counts UTF-8 bytes, not characters', () => {
    const result = boundExtras({ a: 'é'.repeat(10), b: 'x' }, 20);
    expect(bytes(result.json)).toBeLessThanOrEqual(20);
    expect(result.droppedKeys).toEqual(['a']);
  });

  it('never lets __proto__, constructor or prototype through, at any depth', () => {
    const input = JSON.parse(
      '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"ok":{"__proto__":1,"prototype":2,"keep":3}}',
    );
    const result = boundExtras(input, 8192);
    expect(result.json).toBe('{"ok":{"keep":3}}');
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('turns values JSON cannot hold into nothing or null', () => {
    const result = boundExtras(
      {
        f: () => 1,
        u: undefined,
        s: Symbol('s'),
        big: 10n,
        nan: Number.NaN,
        d: new Date(0),
        arr: [undefined, 1],
      },
      8192,
    );
    expect(result.json).toBe('{"nan":null,"d":"1970-01-01T00:00:00.000Z","arr":[null,1]}');
  });

  it('returns an empty object for non-objects', () => {
    expect(boundExtras(null).json).toBe('{}');
    expect(boundExtras([1, 2]).json).toBe('{}');
    expect(boundExtras('text').json).toBe('{}');
  });

  it('refuses a limit that cannot hold "{}"', () => {
    expect(() => boundExtras({}, 1)).toThrow(RangeError);
  });

  it('always returns parseable JSON within maxBytes', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.integer({ min: 2, max: 600 }),
        (extras, maxBytes) => {
          const result = boundExtras(extras, maxBytes);
          expect(bytes(result.json)).toBeLessThanOrEqual(maxBytes);
          const parsed = JSON.parse(result.json) as Record<string, unknown>;
          expect(Object.keys(parsed).length + result.droppedKeys.length).toBe(
            Object.keys(extras).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)).length,
          );
          expect(result.truncated).toBe(result.droppedKeys.length > 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('toMinorUnits', () => {
  it.each<[string | number, string, number, string]>([
    ['1234.56', 'USD', 123456, 'USD'],
    ['1234.5', 'eur', 123450, 'EUR'],
    [0.29, 'USD', 29, 'USD'],
    [1000, 'GBP', 100000, 'GBP'],
    ['0', 'USD', 0, 'USD'],
    ['5000', 'JPY', 5000, 'JPY'],
    ['1.234', 'BHD', 1234, 'BHD'],
  ])('converts %j %s to %d minor units', (amount, currency, amountMinor, code) => {
    expect(toMinorUnits(amount, currency)).toEqual({ ok: true, amountMinor, currency: code });
  });

  it.each<[string | number, string, string]>([
    ['1.234', 'USD', 'USD amounts have at most 2 decimal places'],
    ['5000.5', 'JPY', 'JPY amounts have at most 0 decimal places'],
    ['-1', 'USD', 'amount must be a non-negative decimal number such as 1234.56'],
    ['1e3', 'USD', 'amount must be a non-negative decimal number such as 1234.56'],
    [Number.NaN, 'USD', 'amount must be a non-negative decimal number such as 1234.56'],
    [0.1 + 0.2, 'USD', 'USD amounts have at most 2 decimal places'],
    ['100', 'XYZ', 'XYZ is not an ISO 4217 currency code'],
    ['100', 'US', 'US is not an ISO 4217 currency code'],
    ['99999999999999999', 'USD', 'amount is too large'],
  ])('rejects %j %s', (amount, currency, reason) => {
    expect(toMinorUnits(amount, currency)).toEqual({ ok: false, reason });
  });
});
