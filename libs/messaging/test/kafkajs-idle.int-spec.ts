import { ensureStack } from '@smarketing/testing';
import { kafkaAdapter } from './support/harness';

/**
 * kafkajs 2.2.4 re-armed a 1 ms timer on every connection once it had a response, forever
 * (kafkajs#1704, #1751): CPU burnt by idle services, and a connection dropped without disconnect()
 * (a broker restart) kept the process from ever exiting. patches/kafkajs+2.2.4.patch (applied by
 * patch-package on install) stops scheduling when nothing is pending and nothing is throttled.
 */
describe('kafkajs connections at rest', () => {
  beforeAll(() => ensureStack());

  it('schedule no request-queue timers while idle', async () => {
    const kafka = kafkaAdapter('idle-timer-test');
    const producer = kafka.producer();
    await producer.connect(); // ApiVersions and Metadata answered: the queue has seen responses
    const realSetTimeout = global.setTimeout;
    const wait = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));
    await wait(100);
    let fromRequestQueue = 0;
    global.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      if (new Error().stack?.includes('requestQueue')) fromRequestQueue += 1;
      return realSetTimeout(...args);
    }) as typeof setTimeout;
    try {
      await wait(500);
    } finally {
      global.setTimeout = realSetTimeout;
    }
    await producer.disconnect();
    await kafka.close();
    expect(fromRequestQueue).toBe(0);
  });
});
