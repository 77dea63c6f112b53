import { DependencyUnavailableError } from '@smarketing/messaging';
import { classifyDbError } from '@smarketing/persistence';

/** A dependency whose outage is worth a 503: the client may retry once it is back. */
export type Dependency = 'database' | 'broker' | 'registry';

/**
 * Which dependency an error says is unavailable, or null when it is not such an error (then it is
 * a bug: a 500). The one place the edge classifies infrastructure errors: PostgreSQL's by
 * libs/persistence's `classifyDbError`, the broker's and the registry's by the messaging adapters,
 * which already wrap them in `DependencyUnavailableError`.
 */
export function unavailableDependency(error: unknown): Dependency | null {
  // Down, too busy to answer in time, or a lost race: the same request succeeds on a retry. A
  // statement PostgreSQL rejects (a constraint, bad SQL) is a bug: null, so a 500.
  const db = classifyDbError(error);
  if (db === 'unavailable' || db === 'timeout' || db === 'conflict') return 'database';
  if (db === 'rejected') return null;
  if (error instanceof DependencyUnavailableError) return error.dependency;
  return null;
}
