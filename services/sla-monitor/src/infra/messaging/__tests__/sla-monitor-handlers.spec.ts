import { TOPICS } from '@smarketing/contracts';
import type { Envelope, EventHandler } from '@smarketing/messaging';
import { CalendarClocks } from '../../../app/sla/calendar-clocks';
import { slaMonitorHandlers } from '../sla-monitor-handlers';

const envelope = <V>(topic: string, value: V): Envelope<V> => ({
  eventId: 'e',
  eventType: 't',
  occurredAt: 0,
  topic,
  partition: 0,
  offset: '0',
  key: null,
  headers: {},
  value,
});

describe('the Kafka handlers of sla-monitor', () => {
  const handlers = slaMonitorHandlers(new CalendarClocks());
  const handler = (name: string): EventHandler => {
    const found = handlers.find((h) => h.topic.name === name);
    if (!found) throw new Error(`no handler for ${name}`);
    return found;
  };

  it('consume every topic the SLA needs, once each', () => {
    expect(handlers.map((h) => h.topic.name).sort()).toEqual(
      [
        TOPICS.leadAssigned,
        TOPICS.salesActivityRecorded,
        TOPICS.leadDispositioned,
        TOPICS.lifecycleChanged,
        TOPICS.leadUpserted,
        TOPICS.leadScored,
        TOPICS.leadsMerged,
        TOPICS.leadErased,
      ]
        .map((t) => t.name)
        .sort(),
    );
  });

  it('dead-letter an assignment without rep or lead, naming the empty fields', () => {
    const h = handler(TOPICS.leadAssigned.name);
    expect(h.validate?.(envelope(h.topic.name, { leadId: 'l', repId: '', assignmentId: 'a' }) as never)).toBe(
      'repId is empty',
    );
    expect(h.validate?.(envelope(h.topic.name, { leadId: '', repId: '', assignmentId: 'a' }) as never)).toBe(
      'leadId, repId are empty',
    );
    expect(
      h.validate?.(envelope(h.topic.name, { leadId: 'l', repId: 'r', assignmentId: 'a' }) as never),
    ).toBeUndefined();
  });

  it('dead-letter a touch without a rep', () => {
    const h = handler(TOPICS.salesActivityRecorded.name);
    expect(h.validate?.(envelope(h.topic.name, { leadId: 'l', repId: '' }) as never)).toBe('repId is empty');
  });
});
