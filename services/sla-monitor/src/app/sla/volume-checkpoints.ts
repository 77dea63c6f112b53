import type { VolumeSlaEvaluated } from '@smarketing/contracts';
import type { Interval } from '../../domain/interval';
import type { VolumeSlaPolicy } from '../../domain/sla-policy';
import { evaluateVolume, nextCheckpoint, periodOf } from '../../domain/volume-sla';
import type { DurableTimer } from '../ports/timer-store.port';
import type { SlaMonitorTx } from '../ports/transactions.port';
import { uuidFrom } from './ids';

const RECHECK = 'recheck:';
const CHECKPOINT = 'checkpoint';

const describeSegment = (p: VolumeSlaPolicy): string =>
  `regions=${p.segment.regions.join('+') || 'any'}; sources=${p.segment.sources.join('+') || 'any'}`;

/**
 * Makes sure each volume policy has its chain of checkpoints, starting with an evaluation now (so
 * the figures show from the first minute): at start-up only where none is pending (an overdue one
 * fires; resetting it would skip a period's final evaluation); on a new version (`replace`), the
 * chain restarts on the new definition.
 */
export async function ensureVolumeTimers(
  tx: SlaMonitorTx,
  policies: readonly VolumeSlaPolicy[],
  now: number,
  replace: boolean,
): Promise<void> {
  if (!policies.length) return;
  const ids = policies.map((p) => p.id);
  await tx.timers.lockSubjects('volume', ids);
  if (replace) await tx.timers.cancel('volume', ids, CHECKPOINT);
  const pending = replace ? new Set<string>() : await tx.timers.pendingSubjects('volume', ids);
  await tx.timers.schedule(
    policies
      .filter((p) => !pending.has(p.id))
      .map((p) => ({ subject: 'volume', subjectId: p.id, kind: CHECKPOINT, dueAt: now })),
  );
}

const evaluate = async (
  tx: SlaMonitorTx,
  policy: VolumeSlaPolicy,
  period: Interval,
  at: number,
  evaluationId: string,
): Promise<void> => {
  const counts = await tx.mqls.count(period.from, Math.min(at, period.to), policy.segment);
  const e = evaluateVolume(policy, period, counts, at);
  const previous = await tx.mqls.lastEvaluation(policy.id, period.from);
  const event: VolumeSlaEvaluated = {
    evaluationId,
    policyId: policy.id,
    policyVersion: policy.version,
    period: policy.period,
    segment: describeSegment(policy),
    periodStart: period.from,
    periodEnd: period.to,
    targetMqls: policy.targetMqls,
    actualMqls: counts.mqls,
    projectedMqls: e.projectedMqls,
    acceptedMqls: counts.accepted,
    acceptedShare: e.acceptedShare,
    qualityFloor: policy.qualityFloor,
    qualityStatus: e.quality,
    status: e.status,
    final: e.final,
    // A final evaluation done again (late MQLs) supersedes the earlier final one.
    supersedesEvaluationId: e.final && previous?.final ? previous.evaluationId : null,
    occurredAt: at,
  };
  tx.events.volumeEvaluated(event, evaluationId);
  await tx.mqls.saveEvaluation({
    policyId: policy.id,
    periodStart: period.from,
    periodEnd: period.to,
    evaluationId,
    final: e.final,
    evaluatedAt: at,
  });
};

/**
 * Fires volume timers: a checkpoint evaluates its period as of its due time (event time) and
 * schedules the next one (after the final one, the first of the next period); a recheck evaluates
 * a closed period again. A policy that no longer exists ends its chain.
 */
export async function evaluateVolumeTimers(tx: SlaMonitorTx, timers: readonly DurableTimer[]): Promise<void> {
  const seen = new Set<string>();
  for (const t of [...timers].sort((a, b) => a.dueAt - b.dueAt)) {
    const key = `${t.subjectId}/${t.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await tx.timers.lockSubjects('volume', [t.subjectId]);
    const stored = await tx.policies.latest(t.subjectId);
    if (!stored || stored.document.kind !== 'volume') continue;
    const policy = stored.document;
    if (t.kind.startsWith(RECHECK)) {
      const period = periodOf(policy.period, policy.timeZone, Number(t.kind.slice(RECHECK.length)));
      await evaluate(
        tx,
        policy,
        period,
        Math.max(period.to, t.dueAt),
        uuidFrom(`volume/${policy.id}/recheck/${t.timerId}`),
      );
      continue;
    }
    // The checkpoint at a period's end belongs to the period ending then.
    const period = periodOf(policy.period, policy.timeZone, t.dueAt - 1);
    await evaluate(tx, policy, period, t.dueAt, uuidFrom(`volume/${policy.id}/${period.from}/${t.dueAt}`));
    const next =
      t.dueAt >= period.to
        ? nextCheckpoint(policy, periodOf(policy.period, policy.timeZone, period.to), period.to)
        : nextCheckpoint(policy, period, t.dueAt);
    // One chain per policy: a publication may have started a new one meanwhile (it waited for the lock).
    await tx.timers.cancel('volume', [policy.id], CHECKPOINT);
    await tx.timers.schedule([{ subject: 'volume', subjectId: policy.id, kind: CHECKPOINT, dueAt: next }]);
  }
}
