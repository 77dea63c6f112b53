import type { DispositionReason } from '@smarketing/contracts';
import { dispositionEffect } from '../disposition-effect';

const event = (
  disposition: 'accepted' | 'rejected' | 'disqualified' | 'recycled' | 'qualified' | 'unknown',
  reason: DispositionReason | null = null,
) => ({
  dispositionId: 'd1',
  leadId: 'l1',
  repId: 'r1',
  disposition,
  reason,
  occurredAt: 1,
});

describe('disposition effects', () => {
  it('maps CRM reasons onto lifecycle reasons, keeping the original as a note', () => {
    expect(dispositionEffect(event('rejected', 'bad_fit'))?.cause).toEqual({
      kind: 'disposition_rejected',
      reason: 'not_a_fit',
      note: 'bad_fit',
    });
    expect(dispositionEffect(event('rejected', 'competitor'))?.cause).toEqual({
      kind: 'disposition_rejected',
      reason: 'competitor',
      note: 'competitor',
    });
  });

  it('records the outcome the model comparison counts', () => {
    expect(dispositionEffect(event('accepted'))?.outcome).toBe('accepted');
    expect(dispositionEffect(event('qualified'))?.outcome).toBe('sql');
    expect(dispositionEffect(event('disqualified', 'student'))?.outcome).toBe('rejected');
    expect(dispositionEffect(event('recycled'))?.outcome).toBeNull();
  });

  it('ignores a disposition this version does not know', () => {
    expect(dispositionEffect(event('unknown'))).toBeUndefined();
  });
});
