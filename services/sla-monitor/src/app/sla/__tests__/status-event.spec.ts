import { responsePolicy, started } from '../../../domain/__tests__/builders';
import { clockOf, local, officeCalendar } from '../../../domain/__tests__/calendars';
import { pause } from '../../../domain/sla-transitions';
import { statusEventIdFor, uuidFrom } from '../ids';
import { shownDueAt, toStatusEvent } from '../status-event';

describe('status events', () => {
  const clock = clockOf(officeCalendar('Europe/Berlin'));
  const start = local('2026-01-12T09:00', 'Europe/Berlin');

  it('carry record, policy, calendar, deadline and cause', () => {
    const record = started(clock, start, responsePolicy());
    const change = {
      sequence: 1,
      step: 'started' as const,
      status: 'running' as const,
      at: start,
      supersedes: null,
      elapsedBusinessMs: 0,
      cause: { kind: 'assignment' as const, id: 'evt', detail: 'd' },
    };
    expect(toStatusEvent(record, change, clock)).toMatchObject({
      slaRecordId: 'rec-1',
      leadId: 'lead-1',
      repId: 'rep-1',
      teamId: 'team-emea',
      policyId: 'response-hot',
      policyVersion: 1,
      calendarId: 'office',
      kind: 'response',
      step: 'started',
      sequence: 1,
      supersedesSequence: null,
      dueAt: local('2026-01-12T13:00', 'Europe/Berlin'),
      resolvedAt: null,
      causeKind: 'assignment',
      causeId: 'evt',
      band: 'hot',
      occurredAt: start,
    });
  });

  it('show the deadline a paused record would have if it resumed at once', () => {
    const paused = pause(
      started(clock, start),
      start + 3_600_000,
      'w',
      { kind: 'api', id: 'p', detail: 'p' },
      clock,
    ).record;
    expect(paused.dueAt).toBeNull();
    expect(shownDueAt(paused, clock)).toBe(local('2026-01-12T13:00', 'Europe/Berlin'));
  });

  it('have ids derived from record and sequence (a repeat carries the same id)', () => {
    expect(statusEventIdFor('r', 1)).toBe(statusEventIdFor('r', 1));
    expect(statusEventIdFor('r', 1)).not.toBe(statusEventIdFor('r', 2));
    expect(uuidFrom('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
