import { credentialOf } from '../auth/credential.parser';
import { httpErrorOf } from '../http-error.mapper';
import { InvalidInputError } from '../../../app/errors';

describe('credentials from the Authorization header', () => {
  it('reads a Segment write key as the Basic username', () => {
    expect(credentialOf(`Basic ${Buffer.from('wk_123:').toString('base64')}`)).toEqual({
      kind: 'basic',
      token: 'wk_123',
    });
    expect(credentialOf('Bearer abc')).toEqual({ kind: 'bearer', token: 'abc' });
    expect(credentialOf('Basic !!!')).toBeNull();
    expect(credentialOf('Digest x')).toBeNull();
    expect(credentialOf(undefined)).toBeNull();
  });
});

describe('errors as responses', () => {
  it('never answers 500: bad input is 400, unknown failures are 503 with Retry-After', () => {
    expect(httpErrorOf(new InvalidInputError([{ path: 'event', message: 'x' }])).status).toBe(400);
    expect(httpErrorOf(Object.assign(new Error('too large'), { statusCode: 413 })).status).toBe(413);
    const unknown = httpErrorOf(new Error('connection terminated'));
    expect(unknown).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
  });
});
