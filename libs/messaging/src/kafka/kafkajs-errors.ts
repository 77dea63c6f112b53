import { KafkaJSError, KafkaJSLockTimeout, KafkaJSProtocolError } from 'kafkajs';
import { DependencyUnavailableError } from '../errors';

/** Protocol errors meaning this member no longer owns its partitions in the current generation. */
const FENCED: ReadonlySet<string> = new Set([
  'REBALANCE_IN_PROGRESS',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
  'FENCED_INSTANCE_ID',
]);

/**
 * The failure kafkajs finally reports: its retriers wrap the last error as `cause`
 * (KafkaJSNumberOfRetriesExceeded, KafkaJSNonRetriableError), and that error decides.
 */
function rootCause(error: unknown): unknown {
  let e = error;
  for (let depth = 0; depth < 5 && e instanceof KafkaJSError && e.cause !== undefined; depth++) {
    if (e.cause === e) break;
    e = e.cause;
  }
  return e;
}

/**
 * Whether a kafkajs failure goes away when the broker does its part again, decided by kafkajs' own
 * error classes and `retriable` flag: connection errors, request timeouts, protocol errors Kafka
 * calls retriable (not leader, coordinator loading, ...) and exhausted retries of any of these are;
 * non-retriable protocol errors (authorization, record too large, fenced member) and errors that are
 * not kafkajs' (a bug in our code) are not.
 */
export function isTransientKafkajsError(error: unknown): boolean {
  const root = rootCause(error);
  if (!(root instanceof KafkaJSError)) return false;
  // kafkajs gives up waiting on a lock held by a broker request that did not answer (a connect,
  // a metadata refresh): the broker is slow or away. kafkajs itself refreshes metadata on it.
  if (root instanceof KafkaJSLockTimeout) return true;
  // Retriable in general (a topic being created), but our calls only see it after kafkajs' retries
  // were exhausted: the topic does not exist (auto creation is off), a deploy bug to report loudly.
  if (root instanceof KafkaJSProtocolError && root.type === 'UNKNOWN_TOPIC_OR_PARTITION') return false;
  return root.retriable;
}

/** The member was fenced out by a rebalance: its batches lost their partitions. */
export function isFencedKafkajsError(error: unknown): boolean {
  const root = rootCause(error);
  return root instanceof KafkaJSProtocolError && FENCED.has(root.type);
}

/**
 * What the adapter throws for a kafkajs failure: `DependencyUnavailableError` when it is transient,
 * the kafkajs error itself otherwise (kafkajs' consumer runner reads its type, e.g. to rejoin).
 */
export function brokerFailure(error: unknown): unknown {
  return isTransientKafkajsError(error) ? new DependencyUnavailableError('broker', error) : error;
}
