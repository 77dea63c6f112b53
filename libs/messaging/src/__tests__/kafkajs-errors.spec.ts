/* eslint-disable @typescript-eslint/no-require-imports */
import {
  KafkaJSConnectionError,
  KafkaJSError,
  KafkaJSLockTimeout,
  type KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
} from 'kafkajs';
import { DependencyUnavailableError } from '../errors';
import { classifyFailure } from '../failure';
import { brokerFailure, isFencedKafkajsError, isTransientKafkajsError } from '../kafka/kafkajs-errors';

// kafkajs' own constructors for a broker's error response and for its retrier (no typings).
const { createErrorFromCode } = require('kafkajs/src/protocol/error') as {
  createErrorFromCode: (code: number) => KafkaJSProtocolError;
};
type Retrier = <T>(fn: () => Promise<T>) => Promise<T>;
const createRetry = require('kafkajs/src/retry') as (o: {
  retries: number;
  initialRetryTime: number;
  maxRetryTime: number;
}) => Retrier;

/** What a kafkajs call that failed with `error` every time rejects with, after `retries` retries. */
const afterRetries = (error: Error, retries = 1): Promise<unknown> =>
  createRetry({ retries, initialRetryTime: 1, maxRetryTime: 1 })(() => Promise.reject(error)).catch(
    (e: unknown) => e,
  );

const PROTOCOL = {
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  NOT_LEADER_FOR_PARTITION: 6,
  MESSAGE_TOO_LARGE: 10,
  COORDINATOR_LOAD_IN_PROGRESS: 14,
  ILLEGAL_GENERATION: 22,
  UNKNOWN_MEMBER_ID: 25,
  REBALANCE_IN_PROGRESS: 27,
  TOPIC_AUTHORIZATION_FAILED: 29,
} as const;

describe('isTransientKafkajsError', () => {
  it('is transient: the broker is unreachable, slow, or moving a leader', async () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092', {
      broker: '127.0.0.1:9092',
      code: 'ECONNREFUSED',
    } as never);
    expect(isTransientKafkajsError(refused)).toBe(true);
    expect(
      isTransientKafkajsError(
        new KafkaJSRequestTimeoutError('Request Produce(key: 0, version: 7) timed out'),
      ),
    ).toBe(true);
    expect(isTransientKafkajsError(createErrorFromCode(PROTOCOL.NOT_LEADER_FOR_PARTITION))).toBe(true);
    expect(isTransientKafkajsError(createErrorFromCode(PROTOCOL.COORDINATOR_LOAD_IN_PROGRESS))).toBe(true);
    // Typed without arguments, built by kafkajs' Lock with its message.
    const lockTimeout = new (KafkaJSLockTimeout as new (message: string) => KafkaJSLockTimeout)(
      'Timeout while acquiring lock (1 waiting locks): "connect to broker 127.0.0.1:9092"',
    );
    expect(isTransientKafkajsError(lockTimeout)).toBe(true);
    // kafkajs' own retries ran out on a connection error: still the broker being away.
    const exhausted = await afterRetries(refused);
    expect((exhausted as Error).name).toBe('KafkaJSNumberOfRetriesExceeded');
    expect(isTransientKafkajsError(exhausted)).toBe(true);
  });

  it('is not transient: kafkajs marks it non-retriable, or the topic does not exist', async () => {
    const tooLarge = createErrorFromCode(PROTOCOL.MESSAGE_TOO_LARGE);
    expect(tooLarge.retriable).toBe(false);
    expect(isTransientKafkajsError(tooLarge)).toBe(false);
    expect(isTransientKafkajsError(createErrorFromCode(PROTOCOL.TOPIC_AUTHORIZATION_FAILED))).toBe(false);
    expect(isTransientKafkajsError(await afterRetries(tooLarge))).toBe(false); // wrapped by the retrier
    // Retriable for kafkajs, but after its retries a missing topic (auto creation is off).
    expect(
      isTransientKafkajsError(await afterRetries(createErrorFromCode(PROTOCOL.UNKNOWN_TOPIC_OR_PARTITION))),
    ).toBe(false);
  });

  it('is not transient: not a kafkajs error at all (a bug in our code), even wrapped by kafkajs', async () => {
    expect(isTransientKafkajsError(new TypeError('key.toString is not a function'))).toBe(false);
    expect(isTransientKafkajsError(await afterRetries(new TypeError('bug')))).toBe(false);
    expect(isTransientKafkajsError(new Error('connect ECONNREFUSED'))).toBe(false);
  });
});

describe('isFencedKafkajsError', () => {
  it('recognises a rebalance that fenced the member out, as commitOffsets reports it', async () => {
    for (const code of [
      PROTOCOL.REBALANCE_IN_PROGRESS,
      PROTOCOL.ILLEGAL_GENERATION,
      PROTOCOL.UNKNOWN_MEMBER_ID,
    ]) {
      const wrapped = await afterRetries(createErrorFromCode(code));
      expect((wrapped as Error).name).toBe('KafkaJSNonRetriableError');
      expect(isFencedKafkajsError(wrapped)).toBe(true);
      expect(isTransientKafkajsError(wrapped)).toBe(false);
    }
    expect(isFencedKafkajsError(createErrorFromCode(PROTOCOL.NOT_LEADER_FOR_PARTITION))).toBe(false);
    expect(isFencedKafkajsError(new KafkaJSError('The producer is disconnected'))).toBe(false);
  });
});

describe('brokerFailure', () => {
  it('wraps a transient kafkajs error for the generic layer, keeping it as the cause', () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED');
    const wrapped = brokerFailure(refused);
    expect(wrapped).toBeInstanceOf(DependencyUnavailableError);
    expect(wrapped).toMatchObject({ dependency: 'broker', cause: refused });
    expect(classifyFailure(wrapped)).toBe('transient');
  });

  it("passes any other error on untouched (kafkajs' runner reads the type of what escapes)", async () => {
    const rebalancing = await afterRetries(createErrorFromCode(PROTOCOL.REBALANCE_IN_PROGRESS));
    expect(brokerFailure(rebalancing)).toBe(rebalancing);
    const tooLarge = createErrorFromCode(PROTOCOL.MESSAGE_TOO_LARGE);
    expect(brokerFailure(tooLarge)).toBe(tooLarge);
    expect(classifyFailure(brokerFailure(tooLarge))).toBe('bug');
  });

  it('leaves a kafkajs error the adapter did not see unclassified as transient', () => {
    // The generic layer never reads kafkajs types or text: only the adapter marks.
    expect(classifyFailure(new KafkaJSConnectionError('Connection error'))).toBe('bug');
  });
});
