import { isTransient, retryTransient } from '../retry';
import { StoppingError } from '../errors';

describe('isTransient', () => {
  it('treats an unreachable database, broker or registry as transient', () => {
    expect(isTransient({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isTransient({ name: 'KafkaJSConnectionError', message: 'Connection error' })).toBe(true);
    expect(isTransient({ status: 503 })).toBe(true);
    expect(isTransient(new Error('fetch failed'))).toBe(true);
  });

  it('treats bad data and bugs as permanent', () => {
    expect(isTransient({ code: '23505', message: 'duplicate key' })).toBe(false);
    expect(isTransient(new TypeError('x is undefined'))).toBe(false);
    expect(isTransient(new StoppingError())).toBe(false);
  });
});

describe('retryTransient', () => {
  it('retries a transient failure until it succeeds', async () => {
    let calls = 0;
    const result = await retryTransient(
      async () => {
        calls++;
        if (calls < 3) throw Object.assign(new Error('down'), { code: 'ECONNREFUSED' });
        return 'ok';
      },
      { isActive: () => true, maxDelayMs: 5 },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up at once on a permanent failure', async () => {
    let calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw new TypeError('bug');
        },
        { isActive: () => true, maxDelayMs: 5 },
      ),
    ).rejects.toThrow('bug');
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
          throw Object.assign(new Error('down'), { code: 'ECONNRESET' });
        },
        { isActive: () => active, maxDelayMs: 5 },
      ),
    ).rejects.toBeDefined();
    expect(calls).toBe(2);
  });
});
