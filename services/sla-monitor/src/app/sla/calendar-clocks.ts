import { CalendarClock } from '../../domain/calendar-clock';
import type { SlaMonitorTx } from '../ports/transactions.port';

/**
 * Calendar versions made ready for arithmetic, cached by id and version (versions are immutable,
 * so the cache never goes stale). Shared by the consumers, the timer worker and the HTTP use cases.
 */
export class CalendarClocks {
  private readonly cache = new Map<string, CalendarClock>();

  async clockFor(tx: SlaMonitorTx, id: string, version: number): Promise<CalendarClock> {
    const key = `${id}@${version}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const stored = await tx.calendars.get(id, version);
    if (!stored) throw new Error(`calendar ${key} is not stored (records only name published versions)`);
    const clock = new CalendarClock(stored.document);
    this.cache.set(key, clock);
    return clock;
  }
}
