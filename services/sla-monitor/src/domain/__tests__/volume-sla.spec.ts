import { evaluateVolume, inSegment, nextCheckpoint, periodOf } from '../volume-sla';
import { volumePolicy } from './builders';
import { local, shown } from './calendars';

const BERLIN = 'Europe/Berlin';
const DAY = 86_400_000;
const policy = volumePolicy(); // 300 MQLs a month, half of them accepted
const january = periodOf('month', BERLIN, local('2026-01-15T12:00', BERLIN));

/** A month of sample MQLs: `perDay(d)` on day d (0-based) at noon, `acceptedShare` of them accepted. */
const month = (perDay: (day: number) => number, acceptedShare: number) =>
  Array.from({ length: 31 }, (_, d) =>
    Array.from({ length: perDay(d) }, () => january.from + d * DAY + DAY / 2),
  )
    .flat()
    .map((at, i) => ({
      at,
      accepted: i % 100 < acceptedShare * 100,
    }));

/** The evaluation at each daily checkpoint of January and at its end. */
const statuses = (mqls: { at: number; accepted: boolean }[]) => {
  const out: string[] = [];
  for (let at = nextCheckpoint(policy, january, january.from); ; at = nextCheckpoint(policy, january, at)) {
    const seen = mqls.filter((m) => m.at < at);
    const e = evaluateVolume(
      policy,
      january,
      { mqls: seen.length, accepted: seen.filter((m) => m.accepted).length },
      at,
    );
    out.push(`${e.status}/${e.quality}`);
    if (e.final) return out;
  }
};

describe('marketing volume and quality SLA over a month of sample MQLs', () => {
  it('January in Berlin runs from the 1st to the 1st of February, local midnight', () => {
    expect(shown(january.from, BERLIN)).toBe('2026-01-01T00:00:00.000+01:00');
    expect(shown(january.to, BERLIN)).toBe('2026-02-01T00:00:00.000+01:00');
  });

  it('is on track every day and met at the end with 10 MQLs a day, 60% accepted', () => {
    const s = statuses(month(() => 10, 0.6));
    expect(s).toHaveLength(31);
    expect(new Set(s.slice(0, -1))).toEqual(new Set(['on_track/on_track']));
    expect(s.at(-1)).toBe('met/met');
  });

  it('is at risk and then missed with 8 MQLs a day', () => {
    const s = statuses(month(() => 8, 0.6));
    expect(new Set(s.slice(0, -1))).toEqual(new Set(['at_risk/on_track']));
    expect(s.at(-1)).toBe('missed/met');
  });

  it('goes from on track to at risk when MQLs stop mid-month, and misses', () => {
    const s = statuses(month((d) => (d < 12 ? 20 : 0), 0.6));
    expect(s[5]).toBe('on_track/on_track');
    expect(s[20]).toBe('on_track/on_track');
    expect(s[25]).toBe('at_risk/on_track');
    expect(s.at(-1)).toBe('missed/met');
  });

  it('meets the volume but misses the quality floor when sales accept too few', () => {
    const s = statuses(month(() => 12, 0.3));
    expect(s[10]).toBe('on_track/at_risk');
    expect(s.at(-1)).toBe('met/missed');
  });

  it('projects the run rate', () => {
    const mid = january.from + (january.to - january.from) / 2;
    expect(evaluateVolume(policy, january, { mqls: 140, accepted: 70 }, mid)).toEqual({
      status: 'at_risk',
      projectedMqls: 280,
      acceptedShare: 0.5,
      quality: 'on_track',
      final: false,
    });
  });

  it('tolerates a shortfall down to atRiskBelow', () => {
    const mid = january.from + (january.to - january.from) / 2;
    const lenient = volumePolicy({ atRiskBelow: 0.9 });
    expect(evaluateVolume(lenient, january, { mqls: 140, accepted: 0 }, mid).status).toBe('on_track');
  });

  it('misses the quality floor of a month without MQLs', () => {
    expect(evaluateVolume(policy, january, { mqls: 0, accepted: 0 }, january.to).quality).toBe('missed');
  });

  it('has weeks from Monday and quarters in the zone', () => {
    const week = periodOf('week', BERLIN, local('2026-01-15T12:00', BERLIN));
    expect(shown(week.from, BERLIN)).toBe('2026-01-12T00:00:00.000+01:00');
    const q = periodOf('quarter', BERLIN, local('2026-05-15T12:00', BERLIN));
    expect([shown(q.from, BERLIN), shown(q.to, BERLIN)]).toEqual([
      '2026-04-01T00:00:00.000+02:00',
      '2026-07-01T00:00:00.000+02:00',
    ]);
  });

  it('counts only the segment', () => {
    const emea = volumePolicy({ segment: { regions: ['EMEA'], sources: [] } });
    expect(inSegment(emea, 'EMEA', 'webinar')).toBe(true);
    expect(inSegment(emea, 'NA', 'webinar')).toBe(false);
    expect(inSegment(emea, null, null)).toBe(false);
    expect(inSegment(policy, null, null)).toBe(true);
  });
});
