import type { AccountScored, LeadScored, LifecycleChanged } from '@smarketing/contracts';
import { addTouchpoints } from '../../../domain';
import { loadBundledModels } from '../../model-file/bundled-models';
import { ScoringEventSink } from '../../ports/scoring-event-sink.port';
import { newLeadRecord } from '../lead-record';
import { evaluationTime, rescoreLead } from '../rescore-lead';
import { explanationOf } from '../score-explanation';

class MemorySink extends ScoringEventSink {
  scored: LeadScored[] = [];
  lifecycle: LifecycleChanged[] = [];
  leadScored(e: LeadScored) {
    this.scored.push(e);
  }
  lifecycleChanged(e: LifecycleChanged) {
    this.lifecycle.push(e);
  }
  accountScored(e: AccountScored) {
    throw new Error(`rescoreLead never scores accounts (got ${e.accountId})`);
  }
}

const aligned = loadBundledModels().find((m) => m.id === 'aligned')!;
// Fit 65 under the aligned model: company 25 + 15 + 10, director 15 (points add up, no cap).
const fit65 = {
  seniority: 'director' as const,
  employeeCount: 500,
  industry: 'software',
  region: 'NA' as const,
  properties: {},
};

describe('rescoring a lead under the default model', () => {
  it('emits lead-scored only when the total or band changes', () => {
    const sink = new MemorySink();
    const lead = { ...newLeadRecord('l1', 0), profile: fit65, profileAt: 0 };
    expect(rescoreLead(lead, aligned, { cause: 'profile', eventId: 'e1', evaluateAt: 0 }, sink)).toBe(true);
    expect(rescoreLead(lead, aligned, { cause: 'profile', eventId: 'e2', evaluateAt: 0 }, sink)).toBe(false);
    expect(sink.scored.map((e) => [e.total, e.band, e.previousBand])).toEqual([[65, 'mql', null]]);
  });

  it('makes an MQL with the score as cause, then keeps it MQL when the score drops', () => {
    const sink = new MemorySink();
    const lead = { ...newLeadRecord('l1', 0), profile: fit65, profileAt: 0 };
    lead.touchpoints = addTouchpoints({}, [{ touchpointId: 't', type: 'content_download', occurredAt: 1 }]);
    rescoreLead(lead, aligned, { cause: 'touchpoint:content_download', eventId: 'e1', evaluateAt: 1 }, sink);
    expect(sink.lifecycle).toEqual([
      expect.objectContaining({
        from: 'lead',
        to: 'mql',
        causeKind: 'score',
        causeEventId: 'e1',
        cycle: 1,
        occurredAt: 1,
      }),
    ]);
    lead.profile = { ...fit65, employeeCount: 5 };
    rescoreLead(lead, aligned, { cause: 'profile', eventId: 'e2', evaluateAt: 2 }, sink);
    expect(lead.score?.band).toBe('nurture');
    expect(lead.lifecycle.stage).toBe('mql');
  });

  it('puts the explanation of the stored score on the event, the floor of a free-mail penalty included', () => {
    const sink = new MemorySink();
    const freeMail = { seniority: 'unknown' as const, isFreeMail: true, properties: {} };
    const lead = { ...newLeadRecord('l1', 0), profile: freeMail, profileAt: 0 };
    lead.touchpoints = addTouchpoints({}, [{ touchpointId: 't', type: 'demo_request', occurredAt: 1 }]);
    rescoreLead(lead, aligned, { cause: 'touchpoint:demo_request', eventId: 'e1', evaluateAt: 1 }, sink);
    const [event] = sink.scored;
    expect(event).toMatchObject({ fit: 0, engagement: 30, total: 30 });
    expect(event?.adjustments).toEqual([
      {
        kind: 'floor',
        group: 'fit',
        capGroup: null,
        limit: 0,
        before: -10,
        after: 0,
        detail: 'fit floored at 0 (was -10)',
      },
    ]);
    expect({ firedRules: event?.firedRules, adjustments: event?.adjustments }).toEqual(
      explanationOf(lead.score!),
    );
  });

  it('brings a recycled lead back on engagement since the recycle, never on its fit alone', () => {
    const sink = new MemorySink();
    const lead = { ...newLeadRecord('l1', 0), profile: fit65, profileAt: 0 };
    lead.touchpoints = addTouchpoints({}, [{ touchpointId: 'old', type: 'demo_request', occurredAt: 1 }]);
    lead.lifecycle = {
      stage: 'recycled',
      enteredAt: 5,
      mqlCycle: 1,
      openOpportunityIds: [],
      reason: 'rejected',
    };
    // Fit 65 is sales-ready by the table, and the demo request came before the recycle.
    rescoreLead(lead, aligned, { cause: 'profile', eventId: 'e1', evaluateAt: 6 }, sink);
    expect([lead.score?.band, lead.lifecycle.stage]).toEqual(['hot', 'recycled']);
    lead.touchpoints = addTouchpoints(lead.touchpoints, [
      { touchpointId: 'new', type: 'page_view', occurredAt: 7 },
    ]);
    rescoreLead(lead, aligned, { cause: 'touchpoint:page_view', eventId: 'e2', evaluateAt: 7 }, sink);
    expect(lead.lifecycle).toMatchObject({ stage: 'mql', mqlCycle: 2 });
  });

  it('never evaluates earlier than the last evaluation (a late event does not move the score back in time)', () => {
    const lead = newLeadRecord('l1', 0);
    rescoreLead(lead, aligned, { cause: 'x', eventId: null, evaluateAt: 100 }, new MemorySink());
    expect(evaluationTime(lead, 50)).toBe(100);
    expect(evaluationTime(lead, 150)).toBe(150);
  });
});
