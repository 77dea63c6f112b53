import { randomUUID } from 'node:crypto';
import type { LeadAssigned } from '@smarketing/contracts';
import { Transactions } from '../../src/app/ports/transactions.port';
import { CalendarClocks } from '../../src/app/sla/calendar-clocks';
import { StartClocks } from '../../src/app/use-cases/start-clocks.use-case';
import { leadAssigned } from './events';
import type { SlaMonitorUnderTest } from './sla-monitor-harness';

const HOUR = 3_600_000;

/** A round-the-clock calendar and a response policy of one business hour with no warning or escalation: one timer per record. */
export async function publishOneHourPolicy(s: SlaMonitorUnderTest, team: string): Promise<void> {
  const calendar = await s.post('/v1/calendars', {
    id: 'test-always',
    version: 1,
    name: 'Round the clock, UTC',
    timeZone: 'UTC',
    week: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
    ),
  });
  if (calendar.status !== 201 && calendar.status !== 409)
    throw new Error(`calendar: ${JSON.stringify(calendar)}`);
  const policy = await s.post('/v1/policies', {
    id: 'test-one-hour',
    version: 1,
    name: 'One business hour, breach only',
    kind: 'response',
    priority: 1_000,
    appliesTo: { teams: [team] },
    calendarId: 'test-always',
    target: { kind: 'business', hours: 1 },
  });
  if (policy.status !== 201 && policy.status !== 409) throw new Error(`policy: ${JSON.stringify(policy)}`);
}

/**
 * Starts `n` response records whose breach timers come due evenly over [firstDue, firstDue + spreadMs),
 * through the service's own use case and transactions (in batches of 500, as a consumer would).
 * Returns their lead ids.
 */
export async function startDueRecords(
  s: SlaMonitorUnderTest,
  team: string,
  n: number,
  firstDue: number,
  spreadMs: number,
): Promise<string[]> {
  const transactions = s.app.get(Transactions);
  const start = new StartClocks(s.app.get(CalendarClocks));
  const leadIds: string[] = [];
  for (let i = 0; i < n; i += 500) {
    const batch = Array.from({ length: Math.min(500, n - i) }, (_, k) => {
      const due = firstDue + Math.floor(((i + k) * spreadMs) / n);
      const value: LeadAssigned = leadAssigned(randomUUID(), 'rep-bulk', due - HOUR, { teamId: team });
      leadIds.push(value.leadId);
      return { eventId: randomUUID(), occurredAt: value.occurredAt, value };
    });
    await transactions.run((tx) => start.execute(batch, tx));
  }
  return leadIds;
}

export type BreachRow = {
  record_id: string;
  lead_id: string;
  occurred_at: Date;
  fired_at: Date | null;
  event_id: string;
};

/** Every 'breached' step of the timeline, with the lead and when the worker fired it. */
export const breaches = (s: Pick<SlaMonitorUnderTest, 'db'>): Promise<BreachRow[]> =>
  s.db.query<BreachRow>(
    `SELECT t.record_id, r.lead_id, t.occurred_at, t.fired_at, t.event_id
     FROM sla_monitor_timeline t JOIN sla_monitor_records r USING (record_id) WHERE t.step = 'breached'`,
  );
