/**
 * Whether a database error is worth retrying: the server or network is unavailable, or the
 * transaction lost a race (serialization failure, deadlock). Anything else is a bug or bad data.
 */
export function isTransientDbError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown };
  if (e.driverError && e.driverError !== error && isTransientDbError(e.driverError)) return true;
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^(08|53|57P0|58)/.test(code)) return true; // connection exception, insufficient resources, shutdown, system error
  if (code === '40001' || code === '40P01' || code === '55P03') return true; // serialization, deadlock, lock timeout
  if (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'].includes(
      code,
    )
  )
    return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|terminating connection|Connection is not established/i.test(
    message,
  );
}
