import { isTransientDbError } from '../transient-error';

describe('isTransientDbError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '08006' }],
    [{ code: '40001' }],
    [{ code: '40P01' }],
    [new Error('Connection terminated unexpectedly')],
    [{ driverError: { code: 'ECONNRESET' } }],
  ])('retries %p', (err) => {
    expect(isTransientDbError(err)).toBe(true);
  });

  it.each([[{ code: '23505' }], [{ code: '22P02' }], [new Error('boom')], [null], ['text']])(
    'does not retry %p',
    (err) => {
      expect(isTransientDbError(err)).toBe(false);
    },
  );
});
