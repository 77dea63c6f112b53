import { CalendarClock } from '../../../domain/calendar-clock';
import { deadlineAfter } from '../../../domain/deadline';
import { DEFAULT_CALENDAR_ID, selectCalendar } from '../../../domain/select-calendar';
import { selectPolicy } from '../../../domain/select-policy';
import type { LeadSlaPolicy } from '../../../domain/sla-policy';
import { loadBundledDefaults } from '../bundled-defaults';

describe('the default calendars and policies shipped in defaults/', () => {
  const { calendars, policies } = loadBundledDefaults();
  const lead = policies.filter((p): p is LeadSlaPolicy => p.kind !== 'volume');

  it('are valid, and include the default calendar', () => {
    expect(calendars.map((c) => c.id)).toContain(DEFAULT_CALENDAR_ID);
    expect(policies.map((p) => `${p.id}@${p.version}`)).toEqual(
      expect.arrayContaining([
        'response-hot@1',
        'response-mql@1',
        'response-default@1',
        'disposition-default@1',
        'mqls-monthly@1',
      ]),
    );
  });

  it('give every lead a response and a disposition policy, the band choosing the response target', () => {
    const facts = (band: string | null) => ({ band, teamId: null, region: null, source: null });
    expect(selectPolicy(lead, 'response', facts('hot'))?.id).toBe('response-hot');
    expect(selectPolicy(lead, 'response', facts('mql'))?.id).toBe('response-mql');
    expect(selectPolicy(lead, 'response', facts(null))?.id).toBe('response-default');
    expect(selectPolicy(lead, 'disposition', facts(null))?.id).toBe('disposition-default');
  });

  it('measure EMEA leads in Berlin with German holidays', () => {
    const emea = selectCalendar(calendars, null, null, 'EMEA');
    expect(emea?.id).toBe('emea');
    const hot = lead.find((p) => p.id === 'response-hot')!;
    // Assigned on Christmas Eve afternoon (a listed day off): due on 28 December at 10:00 Berlin time.
    const due = deadlineAfter(new CalendarClock(emea!), Date.UTC(2026, 11, 24, 15), hot.target);
    expect(new Date(due!).toISOString()).toBe('2026-12-28T09:00:00.000Z');
  });
});
