import { classifyDbError } from '@smarketing/persistence';
import { DependencyUnavailableError, PermanentEventError } from './errors';

/**
 * What a failure means for the work that hit it (README, "Errors and dead letters"):
 * - `transient`: a dependency is unavailable or the transaction lost a race: retried in place,
 *   with backoff, for as long as it lasts.
 * - `timeout`: a statement or lock wait ran out of time: retried in place a few times, then the
 *   batch (or relay round) fails loudly; never dead-lettered, as it is not the event's fault.
 * - `permanent`: the event itself is at fault (undecodable, invalid, rejected): dead-lettered at once.
 * - `bug`: anything else (a handler's bug, data PostgreSQL rejects, a missing topic): not retried in
 *   place; the consumer tries the one event `maxAttempts` times, then dead-letters it.
 */
export type FailureClass = 'transient' | 'timeout' | 'permanent' | 'bug';

/**
 * Asks the adapters' verdicts, never an error's text: the Kafka and registry adapters throw
 * `DependencyUnavailableError`, libs/persistence classifies database errors by their codes.
 */
export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof PermanentEventError) return 'permanent';
  if (error instanceof DependencyUnavailableError) return 'transient';
  switch (classifyDbError(error)) {
    case 'unavailable':
    case 'conflict':
      return 'transient';
    case 'timeout':
      return 'timeout';
    case 'rejected':
    case undefined:
      return 'bug';
  }
}
