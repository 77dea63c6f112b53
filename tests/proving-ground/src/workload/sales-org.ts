import { weekdays, type Absence, type WorkCalendar } from './work-calendar';

// The sales org the workload publishes to routing: four teams, twelve reps in their own time zones,
// absences inside the quarter. Ids are new (routing's bundled sample org stays as it is, unused by
// the rules this workload publishes).

export type Region = 'NA' | 'EMEA' | 'APAC' | 'LATAM';

export type Team = {
  readonly id: string;
  readonly name: string;
  readonly managerId: string;
  readonly calendar: WorkCalendar;
};

export type Rep = {
  readonly id: string;
  readonly name: string;
  readonly teamId: string;
  readonly territories: readonly string[];
  readonly segments: readonly string[];
  readonly weight?: number;
  readonly caps?: { readonly daily?: number; readonly weekly?: number };
  /** Their own calendar when they work from another zone than the team. */
  readonly calendar?: WorkCalendar;
  readonly outOfOffice: readonly Absence[];
  /** How the absences reach routing: in the rep document, or by PUT /v1/reps/:id/out-of-office. */
  readonly absencesVia: 'rep' | 'endpoint';
};

const at = (text: string): number => Date.parse(text);

const BERLIN: WorkCalendar = {
  timeZone: 'Europe/Berlin',
  utcOffsetMinutes: 120,
  // A lunch break, as German sales teams keep it: routing must not hand leads over in it.
  workingHours: {
    ...weekdays('09:00-12:30', '13:30-17:30'),
    fri: ['09:00-12:30', '13:30-15:00'],
  },
  holidays: { country: 'DE', region: 'BE' },
  quarterHolidays: [],
};
const VIENNA: WorkCalendar = {
  timeZone: 'Europe/Vienna',
  utcOffsetMinutes: 120,
  workingHours: weekdays('08:00-16:30'),
  holidays: { country: 'AT' },
  quarterHolidays: ['2026-08-15'],
};
const LONDON: WorkCalendar = {
  timeZone: 'Europe/London',
  utcOffsetMinutes: 60,
  workingHours: weekdays('09:00-17:30'),
  holidays: { country: 'GB', region: 'ENG' },
  quarterHolidays: ['2026-08-31'],
};
const DUBLIN: WorkCalendar = {
  timeZone: 'Europe/Dublin',
  utcOffsetMinutes: 60,
  workingHours: weekdays('08:00-17:00'),
  holidays: { country: 'IE' },
  quarterHolidays: ['2026-08-03'],
};
const NEW_YORK: WorkCalendar = {
  timeZone: 'America/New_York',
  utcOffsetMinutes: -240,
  workingHours: { ...weekdays('09:00-17:30'), fri: ['09:00-17:00'] },
  holidays: { country: 'US' },
  quarterHolidays: ['2026-07-03', '2026-09-07'],
};
const CHICAGO: WorkCalendar = { ...NEW_YORK, timeZone: 'America/Chicago', utcOffsetMinutes: -300 };
const DENVER: WorkCalendar = {
  ...NEW_YORK,
  timeZone: 'America/Denver',
  utcOffsetMinutes: -360,
  workingHours: weekdays('08:00-17:00'),
};
const LOS_ANGELES: WorkCalendar = {
  timeZone: 'America/Los_Angeles',
  utcOffsetMinutes: -420,
  workingHours: weekdays('08:00-16:30'),
  holidays: { country: 'US', region: 'CA' },
  quarterHolidays: ['2026-07-03', '2026-09-07'],
};
const SAO_PAULO: WorkCalendar = {
  timeZone: 'America/Sao_Paulo',
  utcOffsetMinutes: -180,
  workingHours: weekdays('09:00-18:00'),
  holidays: { country: 'BR' },
  quarterHolidays: ['2026-09-07'],
};
const SINGAPORE: WorkCalendar = {
  timeZone: 'Asia/Singapore',
  utcOffsetMinutes: 480,
  workingHours: weekdays('09:00-18:00'),
  holidays: { country: 'SG' },
  quarterHolidays: ['2026-08-10'],
};
const SYDNEY: WorkCalendar = {
  timeZone: 'Australia/Sydney',
  utcOffsetMinutes: 600,
  workingHours: weekdays('09:00-17:00'),
  holidays: { country: 'AU', region: 'NSW' },
  quarterHolidays: [],
};
/** The inbound SDRs' team: around the clock on weekdays; each SDR works their own local hours. */
const FOLLOW_THE_SUN: WorkCalendar = {
  timeZone: 'UTC',
  utcOffsetMinutes: 0,
  workingHours: weekdays('00:00-24:00'),
  holidays: {},
  quarterHolidays: [],
};

export const TEAMS: readonly Team[] = [
  { id: 'pg-emea', name: 'EMEA field sales', managerId: 'anna-keller', calendar: BERLIN },
  { id: 'pg-americas', name: 'Americas sales', managerId: 'dana-whitfield', calendar: NEW_YORK },
  { id: 'pg-apac', name: 'APAC sales', managerId: 'wei-lin', calendar: SINGAPORE },
  { id: 'pg-inbound', name: 'Inbound SDRs', managerId: 'dana-whitfield', calendar: FOLLOW_THE_SUN },
];

export const REPS: readonly Rep[] = [
  {
    id: 'anna-keller',
    name: 'Anna Keller',
    teamId: 'pg-emea',
    territories: ['DE', 'AT', 'CH'],
    segments: ['enterprise', 'strategic'],
    outOfOffice: [],
    absencesVia: 'rep',
  },
  {
    id: 'lukas-brandt',
    name: 'Lukas Brandt',
    teamId: 'pg-emea',
    territories: ['DE', 'NL', 'SE'],
    segments: ['enterprise'],
    outOfOffice: [
      {
        from: at('2026-08-03T00:00:00+02:00'),
        to: at('2026-08-22T00:00:00+02:00'),
        reason: 'summer holiday',
      },
    ],
    absencesVia: 'rep',
  },
  {
    id: 'mia-schulz',
    name: 'Mia Schulz',
    teamId: 'pg-emea',
    territories: ['AT', 'CH', 'DE'],
    segments: ['mid_market', 'smb'],
    calendar: VIENNA,
    outOfOffice: [
      { from: at('2026-09-21T00:00:00+02:00'), to: at('2026-09-26T00:00:00+02:00'), reason: 'training' },
    ],
    absencesVia: 'endpoint',
  },
  {
    id: 'james-porter',
    name: 'James Porter',
    teamId: 'pg-emea',
    territories: ['GB', 'IE', 'FR', 'ES'],
    segments: ['mid_market', 'smb'],
    caps: { daily: 15 },
    calendar: LONDON,
    outOfOffice: [],
    absencesVia: 'rep',
  },
  {
    id: 'dana-whitfield',
    name: 'Dana Whitfield',
    teamId: 'pg-americas',
    territories: ['US', 'CA'],
    segments: ['enterprise', 'strategic'],
    outOfOffice: [],
    absencesVia: 'rep',
  },
  {
    id: 'priya-raman',
    name: 'Priya Raman',
    teamId: 'pg-americas',
    territories: ['US', 'CA'],
    segments: ['enterprise'],
    calendar: CHICAGO,
    outOfOffice: [
      { from: at('2026-08-24T00:00:00-05:00'), to: at('2026-08-29T00:00:00-05:00'), reason: 'vacation' },
    ],
    absencesVia: 'rep',
  },
  {
    id: 'noah-fischer',
    name: 'Noah Fischer',
    teamId: 'pg-americas',
    territories: ['US'],
    segments: ['mid_market', 'smb'],
    weight: 2,
    caps: { daily: 25 },
    calendar: LOS_ANGELES,
    outOfOffice: [
      { from: at('2026-07-13T00:00:00-07:00'), to: at('2026-07-18T00:00:00-07:00'), reason: 'vacation' },
    ],
    absencesVia: 'endpoint',
  },
  {
    id: 'carlos-mendes',
    name: 'Carlos Mendes',
    teamId: 'pg-americas',
    territories: ['BR', 'MX'],
    segments: ['mid_market', 'smb', 'strategic'],
    calendar: SAO_PAULO,
    outOfOffice: [],
    absencesVia: 'rep',
  },
  {
    id: 'wei-lin',
    name: 'Wei Lin',
    teamId: 'pg-apac',
    territories: ['SG', 'JP', 'IN'],
    segments: ['enterprise', 'mid_market', 'strategic'],
    outOfOffice: [],
    absencesVia: 'rep',
  },
  {
    id: 'hannah-cole',
    name: 'Hannah Cole',
    teamId: 'pg-apac',
    territories: ['AU', 'NZ'],
    segments: ['mid_market', 'smb'],
    calendar: SYDNEY,
    outOfOffice: [
      { from: at('2026-09-14T00:00:00+10:00'), to: at('2026-09-19T00:00:00+10:00'), reason: 'conference' },
    ],
    absencesVia: 'rep',
  },
  {
    id: 'sam-okafor',
    name: 'Sam Okafor',
    teamId: 'pg-inbound',
    territories: [],
    segments: [],
    caps: { daily: 30 },
    calendar: DUBLIN,
    outOfOffice: [],
    absencesVia: 'rep',
  },
  {
    id: 'riley-park',
    name: 'Riley Park',
    teamId: 'pg-inbound',
    territories: [],
    segments: [],
    caps: { daily: 30 },
    calendar: DENVER,
    outOfOffice: [],
    absencesVia: 'rep',
  },
];

export const repEmail = (rep: Rep): string => `${rep.id.replace('-', '.')}@smarketing.example`;

export function repById(repId: string): Rep {
  const rep = REPS.find((r) => r.id === repId);
  if (rep === undefined) throw new RangeError(`no rep ${repId}`);
  return rep;
}

export function teamById(teamId: string): Team {
  const team = TEAMS.find((t) => t.id === teamId);
  if (team === undefined) throw new RangeError(`no team ${teamId}`);
  return team;
}

/** The calendar a rep works on: their own, else their team's (as routing reads it). */
export const calendarOfRep = (rep: Rep): WorkCalendar => rep.calendar ?? teamById(rep.teamId).calendar;

/** The owner of a region's named accounts: its team's manager (big accounts stay with the boss). */
export const NAMED_ACCOUNT_OWNER: Readonly<Record<Region, string>> = {
  EMEA: 'anna-keller',
  NA: 'dana-whitfield',
  LATAM: 'carlos-mendes',
  APAC: 'wei-lin',
};
