import { logLevel } from 'kafkajs';
import { kafkaLogLevel } from '../kafka/kafkajs-adapter';

const entry = (namespace: string, level: logLevel, message: string) => ({
  namespace,
  level,
  log: { message, timestamp: '2026-12-02T00:00:00.000Z', logger: 'kafkajs' },
});

describe('kafkaLogLevel', () => {
  it('demotes an error response to one request (kafkajs retries it) to debug', () => {
    expect(
      kafkaLogLevel(entry('Connection', logLevel.ERROR, 'Response GroupCoordinator(key: 10, version: 2)')),
    ).toBe('debug');
  });

  it("drops kafkajs' own crash and restart lines (the CRASH event logs them, knowing whether it restarts)", () => {
    expect(
      kafkaLogLevel(entry('Consumer', logLevel.ERROR, 'Crash: KafkaJSProtocolError: loading')),
    ).toBeUndefined();
    expect(
      kafkaLogLevel(entry('Consumer', logLevel.ERROR, 'Restarting the consumer in 300ms')),
    ).toBeUndefined();
  });

  it('drops the idempotent-producer retry warning (effects stay exactly once through the inboxes)', () => {
    expect(
      kafkaLogLevel(
        entry(
          'Producer',
          logLevel.WARN,
          'Limiting retries for the idempotent producer may invalidate EoS guarantees',
        ),
      ),
    ).toBeUndefined();
  });

  it('keeps other errors and warnings at their level', () => {
    expect(
      kafkaLogLevel(entry('Runner', logLevel.ERROR, 'The coordinator is not aware of this member')),
    ).toBe('error');
    expect(kafkaLogLevel(entry('ConsumerGroup', logLevel.WARN, 'Offset out of range'))).toBe('warn');
  });
});
