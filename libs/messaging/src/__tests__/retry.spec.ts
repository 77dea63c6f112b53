import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { DependencyUnavailableError, StoppingError } from '../errors';
import { retryTransient, TIMEOUT_RETRIES } from '../retry';

const pgError = (code: string, message: string): QueryFailedError =>
  new QueryFailedError(
    'SELECT 1',
    [],
    Object.assign(new DatabaseError(message, message.length, 'error'), { code }),
  );
const statementTimeout = () => pgError('57014', 'canceling statement due to statement timeout');
const brokerDown = () =>
  new DependencyUnavailableError(
    'broker',
    Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  );

const fast = { isActive: () => true, maxDelayMs: 2 };

describe('retryTransient', () => {
  it('retries a transient failure until it succeeds', async () => {
    let calls = 0;
    const result = await retryTransient(async () => {
      calls++;
      if (calls < 3) throw brokerDown();
      return 'ok';
    }, fast);
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('retries a transient failure without bound (past the timeout bound)', async () => {
    let calls = 0;
    const result = await retryTransient(async () => {
      calls++;
      if (calls <= 20) throw pgError('40001', 'could not serialize access due to concurrent update');
      return 'ok';
    }, fast);
    expect(result).toBe('ok');
    expect(calls).toBe(21);
  });

  it(`retries a statement timeout ${TIMEOUT_RETRIES} times, then gives up with it`, async () => {
    let calls = 0;
    const retried: number[] = [];
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw statementTimeout();
        },
        { ...fast, onRetry: (_, attempt) => void retried.push(attempt) },
      ),
    ).rejects.toMatchObject({ code: '57014' });
    expect(calls).toBe(TIMEOUT_RETRIES + 1);
    expect(retried).toHaveLength(TIMEOUT_RETRIES);
  });

  it('succeeds when a statement times out fewer times than the bound', async () => {
    let calls = 0;
    const result = await retryTransient(async () => {
      calls++;
      if (calls <= TIMEOUT_RETRIES) throw statementTimeout();
      return 'ok';
    }, fast);
    expect(result).toBe('ok');
  });

  it('counts timeouts across interleaved transient failures', async () => {
    let calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw calls % 2 ? statementTimeout() : brokerDown();
        },
        { ...fast, maxTimeoutRetries: 1 },
      ),
    ).rejects.toMatchObject({ code: '57014' });
    expect(calls).toBe(3); // timeout, broker, timeout (the second timeout is past the bound)
  });

  it.each([
    ['a unique violation', () => pgError('23505', 'duplicate key value violates unique constraint')],
    ['a bug', () => new TypeError('x is undefined')],
    ['an error that merely mentions a timeout', () => new Error('Timeout while scoring')],
  ])('gives up at once on %s', async (_, make) => {
    let calls = 0;
    await expect(
      retryTransient(async () => {
        calls++;
        throw make();
      }, fast),
    ).rejects.toBeInstanceOf(Error);
    expect(calls).toBe(1);
  });

  it('stops retrying when the caller is no longer active', async () => {
    let active = true;
    let calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          active = calls < 2;
          throw brokerDown();
        },
        { isActive: () => active, maxDelayMs: 2 },
      ),
    ).rejects.toBeDefined();
    expect(calls).toBe(2);
  });

  it('does not retry a StoppingError', async () => {
    let calls = 0;
    await expect(
      retryTransient(async () => {
        calls++;
        throw new StoppingError();
      }, fast),
    ).rejects.toBeInstanceOf(StoppingError);
    expect(calls).toBe(1);
  });
});
