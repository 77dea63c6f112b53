import { segmentCallKey, sourceEventId } from '../../../app/event-ids';
import { ApplySegmentCalls } from '../../../app/use-cases/apply-segment-calls.use-case';
import { parseTrackCall, type SegmentCall } from '../../../app/validation';
import { fallbackEventId } from '../intake-support';
import { SEGMENT_INTAKE_SOURCE, SegmentIntakeHandler } from '../segment-intake.handler';

describe('Segment intake records', () => {
  const handler = new SegmentIntakeHandler(new ApplySegmentCalls());

  it('give a call without messageId the event id of its content, as over HTTP, whatever its key order', () => {
    const record = {
      type: 'track',
      anonymousId: 'a-1',
      event: 'Demo Requested',
      properties: { form: 'hero' },
    };
    const reordered = {
      properties: { form: 'hero' },
      event: 'Demo Requested',
      anonymousId: 'a-1',
      type: 'track',
    };
    const call = parseTrackCall(record);
    if (!call.ok) throw new Error(JSON.stringify(call.errors));
    const expected = sourceEventId(SEGMENT_INTAKE_SOURCE, segmentCallKey(call.value as SegmentCall));
    expect(handler.eventIdOf(record)).toBe(expected);
    expect(handler.eventIdOf(reordered)).toBe(expected);
    expect(handler.eventIdOf({ ...record, event: 'Webinar Attended' })).not.toBe(expected);
  });

  it('keep the messageId as the key when there is one, and a placeholder id for a record to dead-letter', () => {
    expect(handler.eventIdOf({ type: 'track', messageId: 'm-1', anonymousId: 'a', event: 'e' })).toBe(
      sourceEventId(SEGMENT_INTAKE_SOURCE, 'm-1'),
    );
    const invalid = { type: 'track', anonymousId: 'a', event: 7 };
    expect(handler.eventIdOf(invalid)).toBe(fallbackEventId(invalid));
    expect(handler.validate({ value: invalid } as never)).toContain('event');
  });
});
