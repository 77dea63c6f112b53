import fc from 'fast-check';
import { deadlineAfter } from '../deadline';
import type { SlaChange, SlaRecord } from '../sla-record';
import { nextTimer, scheduleOf } from '../sla-schedule';
import { fireTimer, meet, pause, resume } from '../sla-transitions';
import { cause, responsePolicy, started } from './builders';
import { clockOf, officeCalendar, roundTheClock } from './calendars';

const HOUR = 3_600_000;
const clocks = [
  clockOf(officeCalendar('Europe/Berlin', { dates: ['2026-04-03'] })),
  clockOf(roundTheClock('America/New_York')),
];

// What can happen to a record, each at an offset (ms) from its start; the worker polls at `now`s.
const action = fc.oneof(
  fc.record({ kind: fc.constant('poll' as const), at: fc.integer({ min: 0, max: 200 * HOUR }) }),
  fc.record({ kind: fc.constant('touch' as const), at: fc.integer({ min: 0, max: 200 * HOUR }) }),
  fc.record({ kind: fc.constant('pause' as const), at: fc.integer({ min: 0, max: 200 * HOUR }) }),
  fc.record({ kind: fc.constant('resume' as const), at: fc.integer({ min: 0, max: 200 * HOUR }) }),
);

describe('SLA timers (properties)', () => {
  it('never fire early, fire each step at most once, and breach exactly at the deadline', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...clocks),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) }),
        fc.array(action, { maxLength: 12 }),
        (clock, start, actions) => {
          let record: SlaRecord = started(clock, start, responsePolicy());
          const changes: { change: SlaChange; now: number }[] = [];
          let now = start;
          for (const a of [...actions].sort((x, y) => x.at - y.at)) {
            now = Math.max(now, start + a.at);
            const apply = (t: { record: SlaRecord; changes: readonly SlaChange[] }) => {
              record = t.record;
              changes.push(...t.changes.map((change) => ({ change, now })));
            };
            switch (a.kind) {
              case 'poll':
                // The worker: fire the due timer, then the next one, as long as they are due.
                for (let next = nextTimer(record, scheduleOf(record, clock)); next && next.dueAt <= now;) {
                  apply(fireTimer(record, { id: 't', ...next }, now, clock));
                  next = nextTimer(record, scheduleOf(record, clock));
                }
                break;
              case 'touch':
                apply(meet(record, now, cause('activity', 'a'), clock));
                break;
              case 'pause':
                apply(pause(record, now, 'p', cause('api', 'p'), clock));
                break;
              case 'resume':
                apply(resume(record, now, cause('api', 'r'), clock));
                break;
            }
          }
          const fromTimers = changes.filter((c) => c.change.cause.kind === 'timer');
          for (const { change, now: firedAt } of fromTimers) expect(change.at).toBeLessThanOrEqual(firedAt);
          const steps = fromTimers.map((c) => c.change.step);
          expect(new Set(steps).size).toBe(steps.length);
          const breach = fromTimers.find((c) => c.change.step === 'breached');
          if (breach)
            expect(breach.change.at).toBe(deadlineAfter(clock, start, record.policy.target, record.pauses));
          expect(changes.map((c) => c.change.sequence)).toEqual(changes.map((_, i) => i + 2));
        },
      ),
    );
  });
});
