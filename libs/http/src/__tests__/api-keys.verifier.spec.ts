import type * as nodeCrypto from 'node:crypto';
import { timingSafeEqual } from 'node:crypto';
import { ApiKeysVerifier, apiKeyIdOf, parseApiKeys } from '../auth/api-keys.verifier';

// The verifier's comparisons, counted: it must make one per stored key whatever the presented key.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof nodeCrypto>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});
const compare = timingSafeEqual as jest.MockedFunction<typeof timingSafeEqual>;

const A = 'a'.repeat(32);
const B = 'b'.repeat(40);
const C = 'c'.repeat(48);

describe('API_KEYS', () => {
  it('parses <scope>[+<scope>…]:<key> entries, skipping blanks and white space around them', () => {
    expect(parseApiKeys(` admin+read:${A}, ,ingest:${B},read+read:${C},`)).toEqual([
      { scopes: ['admin', 'read'], key: A },
      { scopes: ['ingest'], key: B },
      { scopes: ['read'], key: C },
    ]);
    expect(parseApiKeys('')).toEqual([]);
  });

  it.each([
    [`read${A}`, 'entry 1 is not <scope>[+<scope>…]:<key>'],
    [`:${A}`, 'entry 1 is not <scope>[+<scope>…]:<key>'],
    ['read:', 'entry 1 is not <scope>[+<scope>…]:<key>'],
    [`read:${A},write:${B}`, 'entry 2 has unknown scope "write" (use ingest, read, admin)'],
    [`read:${A},admin+root:${B}`, 'entry 2 has unknown scope "root"'],
    ['read:short-key-0123456789', 'entry 1 has a key of 20 characters; at least 32 are required'],
    [`read:${A} ${A}`, 'entry 1 has a key with white space'],
    [`read:${A},admin:${A}`, 'entry 2 repeats the key of entry 1'],
  ])('refuses %p at start-up: %s', (text, problem) => {
    expect(() => ApiKeysVerifier.fromEnv(text)).toThrow(problem);
    expect(() => ApiKeysVerifier.fromEnv(text)).toThrow(/^invalid configuration: API_KEYS: /);
  });

  it('never puts a key in its error message', () => {
    const secret = 'super-secret-but-short';
    let message = '';
    try {
      parseApiKeys(`read:${secret},admin:${A},admin:${A}`);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('entry 1');
    expect(message).toContain('entry 3 repeats the key of entry 2');
    expect(message).not.toContain(secret);
    expect(message).not.toContain(A);
  });

  it('names every problem at once', () => {
    expect(() => parseApiKeys(`x:${A},read:short`)).toThrow(/entry 1 .*; entry 2 /);
  });

  it('verifies a key as Bearer or Basic, with its scopes and a fingerprint id, and nothing else', async () => {
    const keys = ApiKeysVerifier.fromEnv(`admin+read:${A},ingest:${B}`);
    expect(keys.size).toBe(2);
    expect(await keys.verify({ kind: 'bearer', token: A })).toEqual({
      keyId: apiKeyIdOf(A),
      scopes: ['admin', 'read'],
    });
    expect(await keys.verify({ kind: 'basic', token: B })).toEqual({
      keyId: apiKeyIdOf(B),
      scopes: ['ingest'],
    });
    expect(await keys.verify({ kind: 'bearer', token: A.slice(1) })).toBeNull();
    expect(await keys.verify({ kind: 'bearer', token: `${A}a` })).toBeNull();
    expect(await keys.verify({ kind: 'bearer', token: '' })).toBeNull();
    expect(apiKeyIdOf(A)).toMatch(/^api-keys:[0-9a-f]{12}$/);
    expect(apiKeyIdOf(A)).not.toContain('aaaa');
  });

  it('compares the presented key with every stored hash in constant time, whichever matches', async () => {
    const keys = ApiKeysVerifier.fromEnv(`read:${A},read:${B},read:${C}`);
    for (const token of [A, C, 'x'.repeat(40), 'short']) {
      compare.mockClear();
      await keys.verify({ kind: 'bearer', token });
      expect(compare).toHaveBeenCalledTimes(3);
      // Always two 32-byte digests: the length of the presented key does not show either.
      for (const [x, y] of compare.mock.calls) expect([x.byteLength, y.byteLength]).toEqual([32, 32]);
    }
  });
});
