import { credentialOf } from '../auth/credential.parser';

describe('credentials from the Authorization header', () => {
  it('reads a key as the Basic user name (Segment’s write-key convention) or as a Bearer token', () => {
    expect(credentialOf(`Basic ${Buffer.from('wk_123:').toString('base64')}`)).toEqual({
      kind: 'basic',
      token: 'wk_123',
    });
    expect(credentialOf(`basic ${Buffer.from('wk_123').toString('base64')}`)).toEqual({
      kind: 'basic',
      token: 'wk_123',
    });
    expect(credentialOf('Bearer abc')).toEqual({ kind: 'bearer', token: 'abc' });
  });

  it('finds no credential in anything else', () => {
    expect(credentialOf('Basic !!!')).toBeNull();
    expect(credentialOf(`Basic ${Buffer.from(':password').toString('base64')}`)).toBeNull();
    expect(credentialOf('Bearer ')).toBeNull();
    expect(credentialOf('Digest x')).toBeNull();
    expect(credentialOf(`Bearer ${'x'.repeat(3_000)}`)).toBeNull();
    expect(credentialOf(undefined)).toBeNull();
  });
});
