export type WaitOptions = {
  /** Give up after this long (generous by default: CI boxes are slow). */
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /** Named in the timeout error. */
  readonly description?: string;
};

/**
 * Polls `probe` until it returns a value other than `undefined`/`false`, and returns it.
 * Errors thrown by the probe count as "not yet"; the last one is reported on timeout.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const intervalMs = options.intervalMs ?? 200;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let lastValue: unknown;
  for (;;) {
    try {
      const v = await probe();
      lastValue = v;
      if (v !== undefined && v !== false) return v as T;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = lastError
        ? `; last error: ${String((lastError as Error).message ?? lastError)}`
        : `; last value: ${JSON.stringify(lastValue)}`;
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${options.description ?? 'condition'}${why}`,
      );
    }
    await sleep(intervalMs);
  }
}

/** Waits until `read()` returns `target`, and until it has stayed there for `stableMs` (catches overshoot, e.g. duplicates). */
export async function waitForStable<T>(
  read: () => Promise<T>,
  target: T,
  options: WaitOptions & { stableMs?: number } = {},
): Promise<T> {
  await waitFor(async () => (await read()) === target, options);
  const until = Date.now() + (options.stableMs ?? 2_000);
  while (Date.now() < until) {
    const v = await read();
    if (v !== target)
      throw new Error(`${options.description ?? 'value'} moved from ${String(target)} to ${String(v)}`);
    await sleep(options.intervalMs ?? 200);
  }
  return target;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
