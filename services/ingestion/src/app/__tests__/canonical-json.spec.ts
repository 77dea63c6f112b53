import { canonicalJson } from '../canonical-json';

describe('canonical JSON', () => {
  it('gives equal text for equal values whatever the order of their keys, at any depth', () => {
    const a = { b: 1, a: { y: [3, { q: true, p: null }], x: 'x' } };
    const b = { a: { x: 'x', y: [3, { p: null, q: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":"x","y":[3,{"p":null,"q":true}]},"b":1}');
  });

  it('keeps the order of arrays, leaves undefined members out and escapes keys and strings as JSON does', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
    expect(canonicalJson({ 'a"b': 'line\nbreak', é: 'ü' })).toBe('{"a\\"b":"line\\nbreak","é":"ü"}');
    expect(canonicalJson('text')).toBe('"text"');
    expect(canonicalJson(undefined)).toBe('null');
  });
});
