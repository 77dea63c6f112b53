import { addBusinessTime, businessTimeBetween, nextWorkingMoment } from '../business-time';
import { NoWorkingTimeError } from '../calendar-clock';
import { clockOf, HOURS, local, officeCalendar, roundTheClock, shown } from './calendars';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const SYDNEY = 'Australia/Sydney';
const TOKYO = 'Asia/Tokyo';
const KOLKATA = 'Asia/Kolkata';

describe('business hours on a 9-17 Monday-to-Friday calendar', () => {
  const berlin = clockOf(officeCalendar(BERLIN));
  const add = (start: string, hours: number) =>
    shown(addBusinessTime(berlin, local(start, BERLIN), HOURS(hours)), BERLIN);

  it('adds within one working day', () => {
    expect(add('2026-01-12T10:00', 3)).toBe('2026-01-12T13:00:00.000+01:00');
  });

  it('ends at closing time when the time runs out exactly then, not the next morning', () => {
    expect(add('2026-01-12T16:00', 1)).toBe('2026-01-12T17:00:00.000+01:00');
  });

  it('carries the rest across the night', () => {
    expect(add('2026-01-12T16:30', 1)).toBe('2026-01-13T09:30:00.000+01:00');
  });

  it('starts counting at opening time when started before it', () => {
    expect(add('2026-01-13T06:00', 2)).toBe('2026-01-13T11:00:00.000+01:00');
  });

  it('skips the weekend', () => {
    expect(add('2026-01-16T16:00', 2)).toBe('2026-01-19T10:00:00.000+01:00');
  });

  it('starts on Monday morning when started on a Saturday', () => {
    expect(add('2026-01-17T11:00', 1)).toBe('2026-01-19T10:00:00.000+01:00');
  });

  it('runs several days for a long duration (24 business hours are three working days)', () => {
    expect(add('2026-01-12T09:00', 24)).toBe('2026-01-14T17:00:00.000+01:00');
  });

  it('adds nothing for zero hours, even outside working time', () => {
    expect(add('2026-01-17T11:00', 0)).toBe('2026-01-17T11:00:00.000+01:00');
  });

  it('refuses a negative duration', () => {
    expect(() => addBusinessTime(berlin, 0, -1)).toThrow(RangeError);
  });

  it('counts only working time between two instants', () => {
    expect(
      businessTimeBetween(berlin, local('2026-01-16T16:00', BERLIN), local('2026-01-19T10:30', BERLIN)),
    ).toBe(HOURS(2.5));
    expect(
      businessTimeBetween(berlin, local('2026-01-17T10:00', BERLIN), local('2026-01-18T10:00', BERLIN)),
    ).toBe(0);
  });

  it('finds the next working moment', () => {
    expect(shown(nextWorkingMoment(berlin, local('2026-01-16T18:00', BERLIN)), BERLIN)).toBe(
      '2026-01-19T09:00:00.000+01:00',
    );
    expect(shown(nextWorkingMoment(berlin, local('2026-01-16T12:00', BERLIN)), BERLIN)).toBe(
      '2026-01-16T12:00:00.000+01:00',
    );
  });

  it('handles split working hours (a lunch break does not count)', () => {
    const split = clockOf({
      ...officeCalendar(BERLIN),
      week: {
        mon: [
          { from: '13:00', to: '17:00' },
          { from: '08:00', to: '12:00' },
        ],
      },
    });
    expect(shown(addBusinessTime(split, local('2026-01-12T11:00', BERLIN), HOURS(2)), BERLIN)).toBe(
      '2026-01-12T14:00:00.000+01:00',
    );
  });

  it('gives up with a clear error on a calendar without working time', () => {
    const never = clockOf({ ...officeCalendar(BERLIN), week: {} });
    expect(() => addBusinessTime(never, 0, HOURS(1))).toThrow(NoWorkingTimeError);
  });
});

describe('holidays', () => {
  it("skips a country's public holidays (Christmas in Germany) and listed dates (Christmas Eve)", () => {
    const de = clockOf(officeCalendar(BERLIN, { regions: [{ country: 'DE' }], dates: ['2026-12-24'] }));
    // Wed 23 Dec 16:00: 1 h that day; Thu 24 listed; Fri 25 public holiday; weekend; Mon 28 09:00 + 2 h.
    expect(shown(addBusinessTime(de, local('2026-12-23T16:00', BERLIN), HOURS(3)), BERLIN)).toBe(
      '2026-12-28T11:00:00.000+01:00',
    );
  });

  it('skips Thanksgiving in New York', () => {
    const us = clockOf(officeCalendar(NEW_YORK, { regions: [{ country: 'US', state: 'NY' }] }));
    expect(shown(addBusinessTime(us, local('2026-11-25T16:00', NEW_YORK), HOURS(4)), NEW_YORK)).toBe(
      '2026-11-27T12:00:00.000-05:00',
    );
  });

  it('keeps a working date that a region would take off', () => {
    const de = clockOf(
      officeCalendar(BERLIN, { regions: [{ country: 'DE' }], workingDates: ['2026-12-25'] }),
    );
    expect(shown(addBusinessTime(de, local('2026-12-24T16:00', BERLIN), HOURS(2)), BERLIN)).toBe(
      '2026-12-25T10:00:00.000+01:00',
    );
  });

  it('skips Easter in Sydney while daylight saving ends that weekend', () => {
    const nsw = clockOf(officeCalendar(SYDNEY, { regions: [{ country: 'AU', state: 'NSW' }] }));
    // Thu 2 Apr 16:00 AEDT: 1 h; Good Friday, the weekend (DST ends Sunday 03:00), Easter Monday; Tue 09:00 AEST + 1 h.
    expect(shown(addBusinessTime(nsw, local('2026-04-02T16:00', SYDNEY), HOURS(2)), SYDNEY)).toBe(
      '2026-04-07T10:00:00.000+10:00',
    );
  });
});

describe('daylight-saving changes', () => {
  it('keeps local opening hours across the spring change in Berlin (65 elapsed hours for 66)', () => {
    const berlin = clockOf(officeCalendar(BERLIN));
    const start = local('2026-03-27T16:00', BERLIN);
    const due = addBusinessTime(berlin, start, HOURS(2));
    expect(shown(due, BERLIN)).toBe('2026-03-30T10:00:00.000+02:00');
    expect(new Date(due ?? 0).toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('keeps local opening hours across the autumn change in Berlin', () => {
    const berlin = clockOf(officeCalendar(BERLIN));
    const due = addBusinessTime(berlin, local('2026-10-23T16:00', BERLIN), HOURS(2));
    expect(shown(due, BERLIN)).toBe('2026-10-26T10:00:00.000+01:00');
    expect(new Date(due ?? 0).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('keeps local opening hours across both changes in New York', () => {
    const ny = clockOf(officeCalendar(NEW_YORK));
    expect(shown(addBusinessTime(ny, local('2026-03-06T16:00', NEW_YORK), HOURS(2)), NEW_YORK)).toBe(
      '2026-03-09T10:00:00.000-04:00',
    );
    expect(shown(addBusinessTime(ny, local('2026-10-30T16:00', NEW_YORK), HOURS(2)), NEW_YORK)).toBe(
      '2026-11-02T10:00:00.000-05:00',
    );
  });

  it('counts 23 working hours on the spring day and 25 on the autumn day of a round-the-clock calendar', () => {
    const always = clockOf(roundTheClock(BERLIN));
    expect(
      businessTimeBetween(always, local('2026-03-29T00:00', BERLIN), local('2026-03-30T00:00', BERLIN)),
    ).toBe(HOURS(23));
    expect(
      businessTimeBetween(always, local('2026-10-25T00:00', BERLIN), local('2026-10-26T00:00', BERLIN)),
    ).toBe(HOURS(25));
    // 24 business hours from Saturday noon end at 13:00 local on Sunday: the skipped hour never happened.
    expect(shown(addBusinessTime(always, local('2026-03-28T12:00', BERLIN), HOURS(24)), BERLIN)).toBe(
      '2026-03-29T13:00:00.000+02:00',
    );
  });

  it('counts the real length of a night shift that spans the change', () => {
    const night = clockOf({ ...officeCalendar(BERLIN), week: { sun: [{ from: '01:00', to: '05:00' }] } });
    const sunday = local('2026-03-29T00:00', BERLIN);
    expect(businessTimeBetween(night, sunday, sunday + HOURS(24))).toBe(HOURS(3));
    const autumn = local('2026-10-25T00:00', BERLIN);
    expect(businessTimeBetween(night, autumn, autumn + HOURS(25))).toBe(HOURS(5));
  });

  it('moves a shift start inside the skipped hour forward by the gap', () => {
    const early = clockOf({ ...officeCalendar(BERLIN), week: { sun: [{ from: '02:30', to: '06:00' }] } });
    const sunday = local('2026-03-29T00:00', BERLIN);
    expect(shown(nextWorkingMoment(early, sunday), BERLIN)).toBe('2026-03-29T03:30:00.000+02:00');
    expect(businessTimeBetween(early, sunday, sunday + HOURS(24))).toBe(HOURS(2.5));
  });

  it('keeps local opening hours across the southern-hemisphere changes in Sydney', () => {
    const sydney = clockOf(officeCalendar(SYDNEY));
    expect(shown(addBusinessTime(sydney, local('2026-10-02T16:00', SYDNEY), HOURS(2)), SYDNEY)).toBe(
      '2026-10-05T10:00:00.000+11:00',
    );
  });

  it('works in zones without daylight saving and with half-hour offsets', () => {
    const tokyo = clockOf(officeCalendar(TOKYO));
    expect(shown(addBusinessTime(tokyo, local('2026-03-27T16:00', TOKYO), HOURS(2)), TOKYO)).toBe(
      '2026-03-30T10:00:00.000+09:00',
    );
    const kolkata = clockOf(officeCalendar(KOLKATA));
    const due = addBusinessTime(kolkata, local('2026-01-12T16:45', KOLKATA), HOURS(0.5));
    expect(shown(due, KOLKATA)).toBe('2026-01-13T09:15:00.000+05:30');
    expect(new Date(due ?? 0).toISOString()).toBe('2026-01-13T03:45:00.000Z');
  });
});
