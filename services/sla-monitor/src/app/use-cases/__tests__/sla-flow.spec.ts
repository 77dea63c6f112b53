import { DateTime } from 'luxon';
import { officeCalendar } from '../../../domain/__tests__/calendars';
import { responsePolicy, volumePolicy } from '../../../domain/__tests__/builders';
import type { SlaPolicy } from '../../../domain/sla-policy';
import { CalendarClocks } from '../../sla/calendar-clocks';
import { ApplyDispositions } from '../apply-dispositions.use-case';
import { EraseLeads } from '../erase-leads.use-case';
import { FireDueTimers } from '../fire-due-timers.use-case';
import { PauseRecord, ResumeRecord } from '../pause-record.use-case';
import { PublishCalendar, PublishPolicy } from '../publish-documents.use-case';
import { RecordActivities } from '../record-activities.use-case';
import { RecordBands, RecordLeadProfiles } from '../record-lead-profiles.use-case';
import { SeedDefaults } from '../seed-defaults.use-case';
import { StartClocks } from '../start-clocks.use-case';
import { TrackLifecycle } from '../track-lifecycle.use-case';
import { accepted, assigned, becameMql, dispositioned, erased, touched } from './events';
import { ManualClock, MemoryTransactions } from './memory-tx';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { zone: BERLIN }).toMillis();
const shown = (ms: number) => DateTime.fromMillis(ms, { zone: BERLIN }).toFormat('ccc HH:mm');

const POLICIES: SlaPolicy[] = [
  responsePolicy(), // 4 business hours, warning at 75%, escalation +1 h, reassignment +2 h
  {
    ...responsePolicy({
      id: 'disposition-default',
      kind: 'disposition',
      target: { kind: 'business', hours: 24 },
    }),
    warningAt: null,
    escalateAfter: null,
    reassignAfter: null,
    onDisposition: {
      accepted: 'meet',
      rejected: 'meet',
      qualified: 'meet',
      disqualified: 'meet',
      recycled: 'meet',
    },
  },
];

describe('the SLA monitor, use case by use case (in memory, with a moving clock)', () => {
  let txs: MemoryTransactions;
  let clock: ManualClock;
  let clocks: CalendarClocks;
  let fire: FireDueTimers;
  const start = at('2026-01-12T15:00'); // Monday: the response is due Tuesday 11:00

  /** Moves the clock and runs the timer worker until nothing is due. */
  const skipTo = async (t: number) => {
    clock.set(t);
    while ((await fire.execute()).claimed > 0);
  };
  const steps = (leadId = 'lead-1') =>
    txs
      .statusEvents()
      .filter((e) => e.leadId === leadId && e.kind === 'response')
      .map((e) => `${e.step}@${shown(e.occurredAt)}`);

  beforeEach(async () => {
    txs = new MemoryTransactions();
    clock = new ManualClock(start);
    clocks = new CalendarClocks();
    fire = new FireDueTimers(txs, clock, clocks, 100);
    await new SeedDefaults(txs, clock).execute({
      calendars: [officeCalendar(BERLIN, {}, 'default')],
      policies: POLICIES,
    });
  });

  it('runs assignment → warning → breach → escalation → reassignment request on business time', async () => {
    await txs.consume(new StartClocks(clocks), [assigned('lead-1', 'rep-1', start)]);
    await skipTo(at('2026-01-13T13:30'));
    expect(steps()).toEqual([
      'started@Mon 15:00',
      'warning@Tue 10:00',
      'breached@Tue 11:00',
      'escalated@Tue 12:00',
      'reassignment_requested@Tue 13:00',
    ]);
    const breach = txs.statusEvents().find((e) => e.step === 'breached');
    expect(breach).toMatchObject({
      status: 'breached',
      repId: 'rep-1',
      teamId: 'team-emea',
      policyId: 'response-hot',
      policyVersion: 1,
      calendarId: 'default',
      elapsedBusinessMs: 4 * 3_600_000,
      causeKind: 'timer',
      dueAt: at('2026-01-13T11:00'),
      sequence: 3,
      supersedesSequence: null,
    });
  });

  it('never fires a timer before it is due', async () => {
    await txs.consume(new StartClocks(clocks), [assigned('lead-1', 'rep-1', start)]);
    await skipTo(at('2026-01-13T10:59:59.999'));
    expect(steps()).toEqual(['started@Mon 15:00', 'warning@Tue 10:00']);
  });

  it('is met by a touch before the deadline, and then fires nothing more', async () => {
    await txs.consume(new StartClocks(clocks), [assigned('lead-1', 'rep-1', start)]);
    await txs.consume(new RecordActivities(clocks), [touched('lead-1', 'rep-1', at('2026-01-13T09:15'))]);
    await skipTo(at('2026-01-20T00:00'));
    expect(steps()).toEqual(['started@Mon 15:00', 'met@Tue 09:15']);
    expect(txs.statusEvents().find((e) => e.step === 'met')).toMatchObject({
      resolvedAt: at('2026-01-13T09:15'),
      elapsedBusinessMs: 2.25 * 3_600_000,
    });
  });

  it('corrects a breach when a touch from before the deadline arrives after it, superseding the breach event', async () => {
    await txs.consume(new StartClocks(clocks), [assigned('lead-1', 'rep-1', start)]);
    await skipTo(at('2026-01-13T11:30'));
    await txs.consume(new RecordActivities(clocks), [touched('lead-1', 'rep-1', at('2026-01-13T10:45'))]);
    await skipTo(at('2026-01-20T00:00'));
    expect(steps()).toEqual([
      'started@Mon 15:00',
      'warning@Tue 10:00',
      'breached@Tue 11:00',
      'corrected@Tue 10:45',
    ]);
    const last = txs
      .statusEvents()
      .filter((e) => e.kind === 'response')
      .at(-1);
    expect(last).toMatchObject({ status: 'met', step: 'corrected', sequence: 4, supersedesSequence: 3 });
  });

  it('applies a touch that arrived before the assignment it answers (no order across topics)', async () => {
    await txs.consume(new RecordActivities(clocks), [touched('lead-1', 'rep-1', start + 60_000)]);
    await txs.consume(new StartClocks(clocks), [assigned('lead-1', 'rep-1', start)]);
    expect(steps()).toEqual(['started@Mon 15:00', 'met@Mon 15:01']);
  });

  it('closes the clocks of the previous rep on a reassignment and starts new ones', async () => {
    await txs.consume(new StartClocks(clocks), [assigned('lead-1', 'rep-1', start)]);
    await txs.consume(new StartClocks(clocks), [
      assigned('lead-1', 'rep-2', at('2026-01-13T09:00'), { kind: 'reassignment', previousRepId: 'rep-1' }),
    ]);
    const response = txs.statusEvents().filter((e) => e.kind === 'response');
    expect(response.map((e) => `${e.repId}:${e.step}`)).toEqual([
      'rep-1:started',
      'rep-1:cancelled',
      'rep-2:started',
    ]);
    await txs.consume(new RecordActivities(clocks), [touched('lead-1', 'rep-1', at('2026-01-13T09:30'))]);
    expect(txs.statusEvents().filter((e) => e.step === 'met')).toEqual([]);
  });

  it('fires each timer exactly once in effect when a round crashes before its commit', async () => {
    await txs.consume(new StartClocks(clocks), [assigned('lead-1', 'rep-1', start)]);
    clock.set(at('2026-01-13T10:30'));
    txs.crashBeforeCommit = true;
    await expect(fire.execute()).rejects.toThrow('crash before commit');
    await skipTo(at('2026-01-13T10:30'));
    await skipTo(at('2026-01-13T10:30'));
    expect(steps()).toEqual(['started@Mon 15:00', 'warning@Tue 10:00']);
    expect(new Set(txs.published.map((p) => p.eventId)).size).toBe(txs.published.length);
  });

  it('replaces a stale timer by the one the record needs, so it never ends up without one', async () => {
    await txs.consume(new StartClocks(clocks), [assigned('lead-1', 'rep-1', start)]);
    const recordId = txs.statusEvents().find((e) => e.kind === 'response')!.slaRecordId;
    // A timer the schedule does not give (as if a rule changed since it was set): it changes nothing.
    await txs.run((tx) =>
      tx.timers.schedule([{ subject: 'record', subjectId: recordId, kind: 'breach', dueAt: start + 1 }]),
    );
    await skipTo(start + 2);
    const pending = txs.state.timers.filter((t) => t.subjectId === recordId);
    expect(pending.map((t) => [t.kind, shown(t.dueAt)])).toEqual([['warning', 'Tue 10:00']]);
    expect(steps()).toEqual(['started@Mon 15:00']);
  });

  it('meets the disposition SLA on a disposition, and a rejection cancels the response clock', async () => {
    await txs.consume(new StartClocks(clocks), [assigned('lead-1', 'rep-1', start)]);
    await txs.consume(new ApplyDispositions(clocks), [
      dispositioned('lead-1', 'rep-1', at('2026-01-13T09:00'), 'rejected'),
    ]);
    const byKind = (kind: string) =>
      txs
        .statusEvents()
        .filter((e) => e.kind === kind)
        .map((e) => e.step);
    expect(byKind('response')).toEqual(['started', 'cancelled']);
    expect(byKind('disposition')).toEqual(['started', 'met']);
  });

  it('pauses and resumes a record over the API, moving its deadline by the paused business time', async () => {
    await txs.consume(new StartClocks(clocks), [assigned('lead-1', 'rep-1', start)]);
    const recordId = txs.statusEvents()[0]!.slaRecordId;
    const pause = new PauseRecord(txs, clock, clocks);
    const resume = new ResumeRecord(txs, clock, clocks);
    expect(
      await pause.execute({
        recordId,
        at: at('2026-01-12T16:00'),
        reason: 'waiting on the customer',
        by: 'k',
      }),
    ).toMatchObject({
      kind: 'changed',
      record: { status: 'paused' },
    });
    await skipTo(at('2026-01-14T09:00')); // nothing fires while paused
    const resumed = await resume.execute({
      recordId,
      at: at('2026-01-14T09:00'),
      reason: 'customer answered',
      by: 'k',
    });
    expect(resumed.kind === 'changed' && shown(resumed.record.dueAt!)).toBe('Wed 12:00');
    expect(await resume.execute({ recordId, reason: 'again', by: 'k' })).toMatchObject({ kind: 'unchanged' });
    expect(await pause.execute({ recordId: 'nope', reason: 'x', by: 'k' })).toEqual({ kind: 'not_found' });
    expect(steps()).toEqual(['started@Mon 15:00', 'paused@Mon 16:00', 'resumed@Wed 09:00']);
  });

  it('cancels the open clocks of an erased lead', async () => {
    await txs.consume(new StartClocks(clocks), [assigned('lead-1', 'rep-1', start)]);
    await txs.consume(new EraseLeads(clocks), [erased('lead-1', start + 1_000)]);
    expect(steps()).toEqual(['started@Mon 15:00', 'cancelled@Mon 15:00']);
    expect(txs.state.facts).toEqual([]);
  });

  it('chooses the policy on the band known at assignment', async () => {
    const hotOnly = responsePolicy({
      id: 'response-hot-1h',
      priority: 5,
      target: { kind: 'business', hours: 1 },
      appliesTo: { bands: ['hot'], teams: [], regions: [], sources: [] },
    });
    await new PublishPolicy(txs, clock).execute({ document: hotOnly, publishedBy: 'k' });
    await txs.consume(new RecordBands(), [
      { eventId: 'e', occurredAt: start, value: { leadId: 'lead-2', band: 'hot' } as never },
    ]);
    await txs.consume(new StartClocks(clocks), [
      assigned('lead-1', 'rep-1', start),
      assigned('lead-2', 'rep-1', start),
    ]);
    const policyOf = (leadId: string) =>
      txs.statusEvents().find((e) => e.leadId === leadId && e.kind === 'response')?.policyId;
    expect([policyOf('lead-1'), policyOf('lead-2')]).toEqual(['response-hot', 'response-hot-1h']);
  });
});

describe('volume segments without order across topics', () => {
  it('counts an MQL in its region once the profile arrives after it', async () => {
    const txs = new MemoryTransactions();
    const at = Date.UTC(2026, 0, 10);
    await txs.consume(new TrackLifecycle(), [becameMql('lead-9', at)]);
    const inEmea = () =>
      txs.run((tx) =>
        tx.mqls.count(Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1), { regions: ['EMEA'], sources: [] }),
      );
    expect(await inEmea()).toEqual({ mqls: 0, accepted: 0 });
    await txs.consume(new RecordLeadProfiles(), [
      {
        eventId: 'p',
        occurredAt: at,
        value: { leadId: 'lead-9', region: 'EMEA', source: 'webinar' } as never,
      },
    ]);
    expect(await inEmea()).toEqual({ mqls: 1, accepted: 0 });
  });
});

describe('publishing policies and calendars', () => {
  const txs = new MemoryTransactions();
  const clock = new ManualClock(Date.UTC(2026, 0, 1));

  it('refuses an invalid document with the path of each bad field', async () => {
    const r = await new PublishPolicy(txs, clock).execute({
      document: { ...responsePolicy(), warningAt: 2 },
      publishedBy: 'k',
    });
    expect(r).toEqual({ kind: 'invalid', errors: [{ path: 'warningAt', message: 'must be < 1' }] });
  });

  it('refuses a policy on a calendar nobody published, and a version that is not newer', async () => {
    const publish = new PublishPolicy(txs, clock);
    expect(
      await publish.execute({ document: responsePolicy({ calendarId: 'mars' }), publishedBy: 'k' }),
    ).toMatchObject({
      kind: 'invalid',
      errors: [{ path: 'calendarId' }],
    });
    expect(await publish.execute({ document: responsePolicy(), publishedBy: 'k' })).toMatchObject({
      kind: 'published',
    });
    expect(await publish.execute({ document: responsePolicy(), publishedBy: 'k' })).toMatchObject({
      kind: 'conflict',
    });
  });

  it('publishes a calendar', async () => {
    const r = await new PublishCalendar(txs, clock).execute({
      document: officeCalendar('Asia/Tokyo', {}, 'apac'),
      publishedBy: 'k',
    });
    expect(r).toMatchObject({ kind: 'published', document: { id: 'apac', version: 1 } });
  });
});

describe('the volume SLA through its checkpoints', () => {
  it('evaluates at once, then on its schedule, finally at the period end, and again when a late MQL arrives', async () => {
    const txs = new MemoryTransactions();
    const jan = DateTime.fromISO('2026-01-01T00:00', { zone: BERLIN });
    const clock = new ManualClock(jan.plus({ days: 10 }).toMillis());
    const clocks = new CalendarClocks();
    const fire = new FireDueTimers(txs, clock, clocks, 100);
    const policy = volumePolicy({ targetMqls: 4, qualityFloor: 0.5, evaluateEveryHours: 24 * 7 });
    await new SeedDefaults(txs, clock).execute({
      calendars: [officeCalendar(BERLIN, {}, 'default')],
      policies: [policy],
    });
    const track = new TrackLifecycle();
    await txs.consume(track, [
      becameMql('a', jan.plus({ days: 2 }).toMillis()),
      accepted('a', jan.plus({ days: 3 }).toMillis()),
    ]);

    await fire.execute(); // the evaluation at start-up
    expect(txs.volumeEvents().map((e) => [e.status, e.actualMqls, e.qualityStatus])).toEqual([
      ['at_risk', 1, 'on_track'],
    ]);

    await txs.consume(track, [
      becameMql('b', jan.plus({ days: 12 }).toMillis()),
      becameMql('c', jan.plus({ days: 13 }).toMillis()),
    ]);
    clock.set(jan.plus({ months: 1, hours: 1 }).toMillis());
    while ((await fire.execute()).claimed > 0);
    const evaluations = txs.volumeEvents();
    // Start-up (11 Jan), then weekly from 1 Jan (15, 22, 29 Jan), then the end of January.
    expect(evaluations.map((e) => e.status)).toEqual([
      'at_risk',
      'on_track',
      'on_track',
      'at_risk',
      'missed',
    ]);
    expect(evaluations.at(-1)).toMatchObject({
      final: true,
      actualMqls: 3,
      acceptedMqls: 1,
      qualityStatus: 'missed',
      periodStart: jan.toMillis(),
      supersedesEvaluationId: null,
    });

    await txs.consume(track, [
      accepted('b', jan.plus({ months: 1, minutes: 30 }).toMillis()),
      becameMql('d', jan.plus({ days: 20 }).toMillis()),
    ]);
    await txs.consume(track, [accepted('d', jan.plus({ months: 1, minutes: 40 }).toMillis())]);
    while ((await fire.execute()).claimed > 0);
    const recheck = txs.volumeEvents().at(-1);
    expect(recheck).toMatchObject({
      final: true,
      actualMqls: 4,
      acceptedMqls: 3,
      status: 'met',
      qualityStatus: 'met',
      supersedesEvaluationId: evaluations.at(-1)!.evaluationId,
    });
  });
});
