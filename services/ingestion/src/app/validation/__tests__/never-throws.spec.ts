import fc from 'fast-check';
import {
  parseCampaignCost,
  parseDisposition,
  parseGroupCall,
  parseIdentifyCall,
  parseOpportunity,
  parsePageCall,
  parseSalesActivity,
  parseSegmentBatch,
  parseSegmentCall,
  parseTrackCall,
  type ValidationResult,
} from '..';

const parsers: Array<[string, (input: unknown) => ValidationResult<unknown>]> = [
  ['identify', parseIdentifyCall],
  ['track', parseTrackCall],
  ['page', parsePageCall],
  ['group', parseGroupCall],
  ['call', parseSegmentCall],
  ['batch', parseSegmentBatch],
  ['sales activity', parseSalesActivity],
  ['disposition', parseDisposition],
  ['opportunity', parseOpportunity],
  ['campaign cost', parseCampaignCost],
];

// JSON as an attacker would send it: any value, with __proto__ keys and deep nesting mixed in.
const hostileJson = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 3 }),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(
        fc.oneof(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'batch', 'properties'),
          fc.string(),
        ),
        tie('value'),
        { maxKeys: 4 },
      ),
    ),
  }))
  .value.map((value) => JSON.parse(JSON.stringify(value)) as unknown);

const deep = fc.integer({ min: 0, max: 3000 }).map((levels) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i += 1) value = i % 2 === 0 ? { nested: value } : [value];
  return {
    type: 'track',
    messageId: 'm',
    userId: 'u',
    event: 'e',
    properties: value,
    batch: [{ properties: value }],
  };
});

const protoBodies = fc
  .constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"type":"track","messageId":"m","userId":"u","event":"e","__proto__":{"polluted":true}}',
    '{"batch":[{"__proto__":null}]}',
  )
  .map((text) => JSON.parse(text) as unknown);

const callLike = fc.record(
  {
    type: fc.constantFrom('identify', 'track', 'page', 'group', 'alias'),
    messageId: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    userId: fc.oneof(fc.string(), fc.integer()),
    event: fc.string(),
    groupId: fc.string(),
    timestamp: fc.oneof(
      fc.string(),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    ),
    context: fc.jsonValue({ maxDepth: 3 }),
    properties: fc.jsonValue({ maxDepth: 3 }),
    traits: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: [] },
);

describe('validation never throws', () => {
  it.each(parsers)('%s returns a result for any JSON, however hostile', (_name, parse) => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileJson,
          deep,
          protoBodies,
          callLike,
          fc.record({ batch: fc.array(callLike, { maxLength: 5 }) }),
        ),
        (input) => {
          const result = parse(input);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) {
              expect(typeof error.path).toBe('string');
              expect(error.message.length).toBeGreaterThan(0);
            }
          }
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects any body carrying a __proto__ key', () => {
    for (const [, parse] of parsers) {
      expect(parse(JSON.parse('{"__proto__":{"polluted":true}}')).ok).toBe(false);
    }
  });

  it('rejects nesting 3000 levels deep with one clear error instead of overflowing the stack', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 3000; i += 1) value = { n: value };
    const result = parseTrackCall({
      type: 'track',
      messageId: 'm',
      userId: 'u',
      event: 'e',
      properties: value,
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: `properties${'.n'.repeat(9)}`, message: 'nested deeper than 10 levels' }],
    });
  });
});
