import { backOff } from 'exponential-backoff';
import { StoppingError } from './errors';
import { classifyFailure } from './failure';

/** Retries of work that timed out (`timeout` failures) before `retryTransient` gives up. */
export const TIMEOUT_RETRIES = 3;

/**
 * Retries `fn` in place while it fails transiently, with exponential backoff and full jitter
 * (never a hot loop): without bound for `transient` failures, at most `maxTimeoutRetries` times for
 * `timeout` ones; it gives up at once on anything else, and when `isActive()` turns false.
 */
export async function retryTransient<T>(
  fn: () => Promise<T>,
  opts: {
    isActive: () => boolean;
    onRetry?: (error: unknown, attempt: number) => void | Promise<void>;
    maxDelayMs?: number;
    /** Default TIMEOUT_RETRIES. */
    maxTimeoutRetries?: number;
  },
): Promise<T> {
  const maxTimeoutRetries = opts.maxTimeoutRetries ?? TIMEOUT_RETRIES;
  let timeouts = 0;
  return backOff(
    async () => {
      if (!opts.isActive()) throw new StoppingError();
      return fn();
    },
    {
      numOfAttempts: Number.MAX_SAFE_INTEGER,
      startingDelay: 100,
      timeMultiple: 2,
      maxDelay: opts.maxDelayMs ?? 5_000,
      jitter: 'full',
      delayFirstAttempt: false,
      retry: async (error: unknown, attempt: number) => {
        if (error instanceof StoppingError || !opts.isActive()) return false;
        switch (classifyFailure(error)) {
          case 'transient':
            break;
          case 'timeout':
            if (++timeouts > maxTimeoutRetries) return false;
            break;
          case 'permanent':
          case 'bug':
            return false;
        }
        await opts.onRetry?.(error, attempt);
        return opts.isActive();
      },
    },
  );
}
