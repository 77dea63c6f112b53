import { DateTime } from 'luxon';
import type { Interval } from './interval';
import type { VolumePeriod, VolumeSlaPolicy } from './sla-policy';

export type VolumeStatus = 'on_track' | 'at_risk' | 'met' | 'missed';

/** The period (week from Monday, month, quarter) holding `at`, in the policy's zone: [from, to). */
export const periodOf = (period: VolumePeriod, timeZone: string, at: number): Interval => {
  const start = DateTime.fromMillis(at, { zone: timeZone }).startOf(period);
  const next = period === 'week' ? { weeks: 1 } : period === 'month' ? { months: 1 } : { quarters: 1 };
  return { from: start.toMillis(), to: start.plus(next).toMillis() };
};

/**
 * When a volume policy is evaluated in a period: every `evaluateEveryHours` of wall-clock time from
 * the period's start, and at its end. The next checkpoint strictly after `after`; the end of the
 * period when none is left before it.
 */
export const nextCheckpoint = (policy: VolumeSlaPolicy, period: Interval, after: number): number => {
  const every = policy.evaluateEveryHours * 3_600_000;
  const k = Math.floor((after - period.from) / every) + 1;
  return Math.min(period.from + Math.max(k, 1) * every, period.to);
};

export type VolumeCounts = { readonly mqls: number; readonly accepted: number };

export type VolumeEvaluation = {
  readonly status: VolumeStatus;
  /** MQLs expected by the period's end at the run rate so far (the actual count once it ended). */
  readonly projectedMqls: number;
  /** Share of the period's MQLs sales accepted; null before the first MQL. */
  readonly acceptedShare: number | null;
  /** The quality floor's verdict; null when the policy has none. */
  readonly quality: VolumeStatus | null;
  readonly final: boolean;
};

/**
 * Marketing's volume SLA at `at`: during the period, on track while the run rate (MQLs so far over
 * the elapsed share of the period) projects at least target × atRiskBelow, at risk otherwise; at or
 * after the period's end, met or missed on the actual count. The quality floor works the same way
 * on the accepted share: during the period at risk below the floor, at the end met or missed
 * (missed when there were no MQLs to accept).
 */
export const evaluateVolume = (
  policy: VolumeSlaPolicy,
  period: Interval,
  counts: VolumeCounts,
  at: number,
): VolumeEvaluation => {
  const final = at >= period.to;
  const elapsed = Math.min(1, Math.max(0, (at - period.from) / (period.to - period.from)));
  const projectedMqls = final
    ? counts.mqls
    : counts.mqls >= policy.targetMqls
      ? counts.mqls
      : elapsed > 0
        ? Math.floor(counts.mqls / elapsed)
        : 0;
  const status: VolumeStatus = final
    ? counts.mqls >= policy.targetMqls
      ? 'met'
      : 'missed'
    : projectedMqls >= policy.targetMqls * policy.atRiskBelow
      ? 'on_track'
      : 'at_risk';
  const acceptedShare = counts.mqls > 0 ? counts.accepted / counts.mqls : null;
  let quality: VolumeStatus | null = null;
  if (policy.qualityFloor !== null) {
    const ok = acceptedShare !== null && acceptedShare >= policy.qualityFloor;
    quality = final ? (ok ? 'met' : 'missed') : ok || acceptedShare === null ? 'on_track' : 'at_risk';
  }
  return { status, projectedMqls, acceptedShare, quality, final };
};

/** Whether an MQL of a lead in `region` from `source` counts for the policy's segment. */
export const inSegment = (policy: VolumeSlaPolicy, region: string | null, source: string | null): boolean =>
  (policy.segment.regions.length === 0 || (region !== null && policy.segment.regions.includes(region))) &&
  (policy.segment.sources.length === 0 || (source !== null && policy.segment.sources.includes(source)));
