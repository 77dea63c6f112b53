import { DLQ_HEADER, HEADER } from '@smarketing/contracts';
import { originalOf } from '../dlq/replay-dead-letters';

describe('originalOf', () => {
  it('restores the original topic, key, value and headers with the original event-id', () => {
    const value = Buffer.from([0, 0, 0, 0, 4, 2]);
    const out = originalOf({
      topic: 'scoring.ingestion.touchpoint-recorded.v1.dlq',
      partition: 2,
      offset: '17',
      key: Buffer.from('lead-1'),
      value,
      timestamp: '0',
      headers: {
        [HEADER.eventId]: 'b1c8a3a2-2f5e-4a57-8c55-3f0a0d9e1c11',
        [DLQ_HEADER.originalTopic]: 'ingestion.touchpoint-recorded.v1',
        [DLQ_HEADER.errorClass]: 'InvalidEventError',
        [DLQ_HEADER.attempts]: '3',
      },
    });
    expect(out.topic).toBe('ingestion.touchpoint-recorded.v1');
    expect(out.key?.toString()).toBe('lead-1');
    expect(out.value).toBe(value);
    expect(out.headers).toEqual({ [HEADER.eventId]: 'b1c8a3a2-2f5e-4a57-8c55-3f0a0d9e1c11' });
  });

  it('refuses a record that is not a dead letter', () => {
    expect(() =>
      originalOf({
        topic: 't',
        partition: 0,
        offset: '0',
        key: null,
        value: null,
        timestamp: '0',
        headers: {},
      }),
    ).toThrow(/dlq-original-topic/);
  });
});
