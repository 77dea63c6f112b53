import { nextAvailableAt, noPublicHolidays, unavailabilityAt } from '../availability';
import { datePublicHolidays } from '../public-holidays';
import { DAY, HOUR, MONDAY_10_UTC, officeHours, rep, salesOrg } from './builders';

describe("availability in the rep's own time zone", () => {
  const berlin = rep('b', { calendar: officeHours('Europe/Berlin') });
  const org = salesOrg([berlin]);

  it('is available inside the working hours and not outside them', () => {
    expect(unavailabilityAt(org, berlin, MONDAY_10_UTC, noPublicHolidays)).toBeUndefined();
    expect(unavailabilityAt(org, berlin, Date.parse('2026-12-07T16:00:00Z'), noPublicHolidays)).toBe(
      'outside_hours',
    );
    expect(unavailabilityAt(org, berlin, Date.parse('2026-12-05T10:00:00Z'), noPublicHolidays)).toBe(
      'outside_hours',
    );
  });

  it('uses the team calendar when the rep has none of their own', () => {
    const teamOnly = rep('t');
    expect(
      unavailabilityAt(salesOrg([teamOnly]), teamOnly, Date.parse('2026-12-05T03:00:00Z'), noPublicHolidays),
    ).toBeUndefined();
  });

  it("reads public holidays of the calendar's country from date-holidays (25 December in Germany)", () => {
    const de = rep('de', {
      calendar: { ...officeHours('Europe/Berlin'), holidays: { country: 'DE', dates: [] } },
    });
    const christmas = Date.parse('2026-12-25T10:00:00Z');
    expect(unavailabilityAt(salesOrg([de]), de, christmas, datePublicHolidays())).toBe('holiday');
    expect(unavailabilityAt(salesOrg([de]), de, christmas - 7 * DAY, datePublicHolidays())).toBeUndefined();
  });

  it('reads regional holidays (6 January in Bavaria, not in Berlin)', () => {
    const by = rep('by', {
      calendar: { ...officeHours('Europe/Berlin'), holidays: { country: 'DE', region: 'BY', dates: [] } },
    });
    const be = rep('be', {
      calendar: { ...officeHours('Europe/Berlin'), holidays: { country: 'DE', region: 'BE', dates: [] } },
    });
    const epiphany = Date.parse('2027-01-06T10:00:00Z');
    const lookup = datePublicHolidays();
    expect(unavailabilityAt(salesOrg([by]), by, epiphany, lookup)).toBe('holiday');
    expect(unavailabilityAt(salesOrg([be]), be, epiphany, lookup)).toBeUndefined();
  });

  describe('the next moment a rep is available', () => {
    it('is now when available now', () => {
      expect(nextAvailableAt(org, berlin, MONDAY_10_UTC, noPublicHolidays)).toBe(MONDAY_10_UTC);
    });

    it('is the start of the next working day after hours and over a weekend', () => {
      expect(nextAvailableAt(org, berlin, Date.parse('2026-12-11T17:00:00Z'), noPublicHolidays)).toBe(
        Date.parse('2026-12-14T08:00:00Z'),
      );
    });

    it('is after the end of an absence, within working hours', () => {
      const away = rep('x', {
        calendar: officeHours('Europe/Berlin'),
        outOfOffice: [{ from: MONDAY_10_UTC - DAY, to: MONDAY_10_UTC + 2 * DAY + 9 * HOUR }],
      });
      // Out until Wednesday 19:00 UTC (20:00 in Berlin): back Thursday 09:00 Berlin.
      expect(nextAvailableAt(salesOrg([away]), away, MONDAY_10_UTC, noPublicHolidays)).toBe(
        Date.parse('2026-12-10T08:00:00Z'),
      );
    });

    it('skips holidays', () => {
      const de = rep('de', {
        calendar: { ...officeHours('Europe/Berlin'), holidays: { country: 'DE', dates: ['2026-12-28'] } },
      });
      // Thursday 24 Dec after hours -> 25 and 26 are public holidays, 27 Sunday, 28 a company day off.
      expect(
        nextAvailableAt(salesOrg([de]), de, Date.parse('2026-12-24T17:00:00Z'), datePublicHolidays()),
      ).toBe(Date.parse('2026-12-29T08:00:00Z'));
    });

    it('moves with DST: 09:00 in New York is 13:00 UTC after the March change', () => {
      const ny = rep('ny', { calendar: officeHours('America/New_York') });
      expect(nextAvailableAt(salesOrg([ny]), ny, Date.parse('2027-03-13T12:00:00Z'), noPublicHolidays)).toBe(
        Date.parse('2027-03-15T13:00:00Z'),
      );
    });

    it('is undefined for an inactive rep', () => {
      const gone = rep('g', { active: false });
      expect(nextAvailableAt(salesOrg([gone]), gone, MONDAY_10_UTC, noPublicHolidays)).toBeUndefined();
    });
  });
});
