import { backOff } from 'exponential-backoff';
import { isTransientDbError } from '@smarketing/persistence';
import { StoppingError } from './errors';

/** Broker-side failures that go away when the broker comes back. */
export function isTransientKafkaError(error: unknown): boolean {
  const e = error as { name?: unknown; retriable?: unknown; message?: unknown };
  if (e?.retriable === true) return true;
  const name = typeof e?.name === 'string' ? e.name : '';
  return (
    /KafkaJS(Connection|RequestTimeout|NumberOfRetriesExceeded|NotImplemented|Broker|LockTimeout|ServerDoesNotSupportApiKey|Protocol)Error|KafkaJSNonRetriableError/.test(
      name,
    ) && !/does not host this topic-partition/.test(String(e?.message ?? ''))
  );
}

export function isTransient(error: unknown): boolean {
  if (error instanceof StoppingError) return false;
  const e = error as { code?: string; message?: string; status?: number };
  if (isTransientDbError(error) || isTransientKafkaError(error)) return true;
  // Registry or network unavailable (fetch/undici and mappersmith errors).
  if (typeof e?.status === 'number' && (e.status >= 500 || e.status === 429)) return true;
  return /fetch failed|socket hang up|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network timeout|Timeout|UND_ERR/i.test(
    String(e?.message ?? e?.code ?? ''),
  );
}

/**
 * Retries `fn` in place while it fails transiently, with exponential backoff and full jitter
 * (never a hot loop), until it succeeds, fails permanently, or `isActive()` turns false.
 */
export async function retryTransient<T>(
  fn: () => Promise<T>,
  opts: {
    isActive: () => boolean;
    onRetry?: (error: unknown, attempt: number) => void | Promise<void>;
    maxDelayMs?: number;
  },
): Promise<T> {
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
        if (!opts.isActive() || !isTransient(error)) return false;
        await opts.onRetry?.(error, attempt);
        return opts.isActive();
      },
    },
  );
}
