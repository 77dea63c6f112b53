/**
 * The longest a service may need between SIGTERM and a clean exit: the batch in flight (it holds
 * its partition for at most the consumer's session timeout, kafkajs `sessionTimeout` in
 * libs/messaging's kafkajs adapter) plus its commit (one statement, bounded by the pool's
 * `statement_timeout` in libs/persistence's data source). Both are 30 s there.
 */
export const BATCH_COMMIT_BOUND_SECONDS = 30 + 30;

/** What every Deployment gets: the bound plus room for the outbox relay's last round and the exit. */
export const TERMINATION_GRACE_SECONDS = BATCH_COMMIT_BOUND_SECONDS + 30;

/** The port every image listens on (the Dockerfile's `PORT`), whatever the service's default is. */
export const IMAGE_PORT = 3000;
