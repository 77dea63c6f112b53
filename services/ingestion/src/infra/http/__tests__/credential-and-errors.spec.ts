import { ServiceUnavailableException } from '@nestjs/common';
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

  it("sends a route's deliberate 503 (the readiness report) as it is, without logging it as a failure", () => {
    const report = { status: 'unavailable', checks: { kafka: { ok: false } } };
    expect(httpErrorOf(new ServiceUnavailableException(report))).toEqual({
      status: 503,
      body: report,
      headers: {},
      server: false,
    });
  });
});

describe('the 400 envelope', () => {
  it('is the same for every 400: invalid fields, a body that is not JSON, and a 400 raised by the framework', () => {
    const fields = httpErrorOf(new InvalidInputError([{ path: 'event', message: 'must not be empty' }]));
    expect(fields.body).toEqual({
      error: 'invalid_input',
      message: 'the request has invalid fields',
      errors: [{ path: 'event', message: 'must not be empty' }],
    });
    const notJson = httpErrorOf(
      new InvalidInputError(
        [{ path: '(root)', message: 'is not valid JSON (x)' }],
        'the body is not valid JSON',
      ),
    );
    expect(notJson).toMatchObject({
      status: 400,
      body: { error: 'invalid_input', message: 'the body is not valid JSON' },
    });
    const framework = httpErrorOf(
      Object.assign(new Error('Request body size did not match Content-Length'), { statusCode: 400 }),
    );
    expect(framework).toMatchObject({ status: 400, server: false });
    expect(framework.body).toEqual({
      error: 'invalid_input',
      message: 'Request body size did not match Content-Length',
      errors: [{ path: '(root)', message: 'Request body size did not match Content-Length' }],
    });
    expect(Object.keys(framework.body).sort()).toEqual(Object.keys(fields.body).sort());
  });
});
