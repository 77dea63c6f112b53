import { DatabaseError } from 'pg';

/**
 * What a database failure means for the work that hit it:
 * - `unavailable`: the server or the network to it is down, restarting or out of resources; the same
 *   work succeeds once it is back.
 * - `conflict`: the transaction lost a race (serialization failure, deadlock); running it again succeeds.
 * - `timeout`: the statement or a lock wait ran out of time. It may be load, or the work itself may
 *   be too heavy: worth a few more tries, not an endless loop.
 * - `rejected`: PostgreSQL refused the statement (constraint violation, bad data, undefined column,
 *   syntax): the same work fails the same way again. A bug or bad data.
 */
export type DbErrorClass = 'unavailable' | 'conflict' | 'timeout' | 'rejected';

/** Socket and resolver codes (node's `error.code`) of a connection that could not be made or was lost. */
const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * node-postgres (pg 8, pg-pool 3) reports a lost or timed-out connection with a plain `Error` that
 * has no code, so these exact messages (from its source) are the only way to tell them apart. The
 * comparison is exact and stays here, behind the database adapter.
 */
const PG_CONNECTION_MESSAGES: ReadonlySet<string> = new Set([
  'Connection terminated unexpectedly', // the server or the socket went away mid-session
  'Connection terminated', // the client was ended while a query waited
  'Connection terminated due to connection timeout', // pg-pool: connectionTimeoutMillis while connecting
  'timeout exceeded when trying to connect', // pg-pool: no client free within connectionTimeoutMillis
  'Client has encountered a connection error and is not queryable',
]);

/** SQLSTATE → class; https://www.postgresql.org/docs/current/errcodes-appendix.html */
function classOfSqlState(code: string): DbErrorClass {
  if (code.startsWith('08')) return 'unavailable'; // connection exception
  if (code.startsWith('53')) return 'unavailable'; // insufficient resources: too many connections, disk full, out of memory
  switch (code) {
    case '57P01': // admin_shutdown: terminating connection due to administrator command
    case '57P02': // crash_shutdown
    case '57P03': // cannot_connect_now: starting up, shutting down, in recovery
    case '57P05': // idle_session_timeout: the server closed an idle connection of the pool
    case '58030': // io_error
      return 'unavailable';
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return 'conflict';
    case '57014': // query_canceled: statement_timeout (or pg_cancel_backend)
    case '55P03': // lock_not_available: lock_timeout
    case '25P03': // idle_in_transaction_session_timeout
      return 'timeout';
    default:
      return 'rejected'; // 22 data exception, 23 integrity constraint, 42 syntax or undefined object, ...
  }
}

/**
 * Classifies an error thrown by TypeORM, node-postgres or the socket under them; `undefined` when
 * it is not a database error at all. Decided by the error's type and codes (SQLSTATE, node's
 * `code`), never by its text, except for node-postgres' code-less connection errors (see above).
 */
export function classifyDbError(error: unknown): DbErrorClass | undefined {
  // Not `instanceof Error`: node's socket errors come from node's own realm, which is not the
  // code's under a test runner's VM context.
  for (let e: unknown = error, depth = 0; isErrorLike(e) && depth < 5; depth++) {
    if (e instanceof DatabaseError) return e.code ? classOfSqlState(e.code) : 'rejected';
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return 'unavailable';
    if (
      e.name === 'Error' &&
      e.constructor?.name === 'Error' &&
      typeof e.message === 'string' &&
      PG_CONNECTION_MESSAGES.has(e.message)
    )
      return 'unavailable';
    // TypeORM's QueryFailedError keeps what pg threw as `driverError`; pg-pool and node chain a
    // `cause`; node reports every address of a host refusing as an AggregateError.
    const inner =
      e.driverError ?? (Array.isArray(e.errors) ? (e.errors[0] as unknown) : undefined) ?? e.cause;
    if (inner === e) break;
    e = inner;
  }
  return undefined;
}

type ErrorLike = {
  name: unknown;
  message: unknown;
  code?: unknown;
  driverError?: unknown;
  errors?: unknown;
  cause?: unknown;
  constructor?: { name?: string };
};

const isErrorLike = (e: unknown): e is ErrorLike =>
  typeof e === 'object' && e !== null && Object.prototype.toString.call(e) === '[object Error]';
