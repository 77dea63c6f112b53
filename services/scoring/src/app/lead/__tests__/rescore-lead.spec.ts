import type { LeadScored, LifecycleChanged } from '@smarketing/contracts';
import { loadBundledModels } from '../../model-file/bundled-models';
import { ScoringEventSink } from '../../ports/scoring-event-sink.port';
import { newLeadRecord } from '../lead-record';
import { evaluationTime, rescoreLead } from '../rescore-lead';
import { addTouchpoints } from '../touchpoint-history';

class MemorySink extends ScoringEventSink {
  scored: LeadScored[] = [];
  lifecycle: LifecycleChanged[] = [];
  leadScored(e: LeadScored) {
    this.scored.push(e);
  }
  lifecycleChanged(e: LifecycleChanged) {
    this.lifecycle.push(e);
  }
}

const aligned = loadBundledModels().find((m) => m.id === 'aligned')!;
const fit50 = {
  seniority: 'director' as const,
  employeeCount: 500,
  industry: 'software',
  region: 'NA' as const,
  properties: {},
};

describe('rescoring a lead under the default model', () => {
  it('emits lead-scored only when the total or band changes', () => {
    const sink = new MemorySink();
    const lead = { ...newLeadRecord('l1', 0), profile: fit50, profileAt: 0 };
    expect(rescoreLead(lead, aligned, { cause: 'profile', eventId: 'e1', evaluateAt: 0 }, sink)).toBe(true);
    expect(rescoreLead(lead, aligned, { cause: 'profile', eventId: 'e2', evaluateAt: 0 }, sink)).toBe(false);
    expect(sink.scored.map((e) => [e.total, e.band, e.previousBand])).toEqual([[50, 'nurture', null]]);
  });

  it('makes an MQL with the score as cause, then keeps it MQL when the score drops', () => {
    const sink = new MemorySink();
    const lead = { ...newLeadRecord('l1', 0), profile: fit50, profileAt: 0 };
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
    lead.profile = { ...fit50, employeeCount: 5 };
    rescoreLead(lead, aligned, { cause: 'profile', eventId: 'e2', evaluateAt: 2 }, sink);
    expect(lead.score?.band).toBe('nurture');
    expect(lead.lifecycle.stage).toBe('mql');
  });

  it('never evaluates earlier than the last evaluation (a late event does not move the score back in time)', () => {
    const lead = newLeadRecord('l1', 0);
    rescoreLead(lead, aligned, { cause: 'x', eventId: null, evaluateAt: 100 }, new MemorySink());
    expect(evaluationTime(lead, 50)).toBe(100);
    expect(evaluationTime(lead, 150)).toBe(150);
  });
});
