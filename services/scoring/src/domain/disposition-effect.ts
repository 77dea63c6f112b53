import type { DispositionReason, LeadDispositioned } from '@smarketing/contracts';
import type { LeadOutcome } from './compare-models';
import type { LifecycleCause, RejectionReason } from './lifecycle-cause';

/** The CRM's reasons (the wire enum) mapped onto the lifecycle's; the original travels on as `note` and `reason`. */
const REJECTION: Record<DispositionReason, RejectionReason> = {
  bad_fit: 'not_a_fit',
  no_budget: 'no_budget',
  no_authority: 'wrong_contact',
  no_need: 'not_a_fit',
  bad_timing: 'bad_timing',
  duplicate: 'other',
  competitor: 'competitor',
  student: 'student',
  invalid_contact: 'invalid_contact',
  other: 'other',
};

export type DispositionEffect = { cause: LifecycleCause; outcome: LeadOutcome | null; detail: string };

/** The lifecycle cause and the comparison outcome of a disposition; undefined for "unknown" (a symbol this version does not know). */
export const dispositionEffect = (event: LeadDispositioned): DispositionEffect | undefined => {
  const reason = event.reason;
  const detail = `disposition ${event.disposition}${reason === null ? '' : `: ${reason}`}`;
  switch (event.disposition) {
    case 'accepted':
      return { cause: { kind: 'disposition_accepted' }, outcome: 'accepted', detail };
    case 'qualified':
      return { cause: { kind: 'disposition_qualified' }, outcome: 'sql', detail };
    case 'rejected':
      return {
        cause: {
          kind: 'disposition_rejected',
          reason: REJECTION[reason ?? 'other'],
          ...(reason === null ? {} : { note: reason }),
        },
        outcome: 'rejected',
        detail,
      };
    case 'disqualified':
      return {
        cause: { kind: 'disposition_disqualified', reason: reason ?? 'unspecified' },
        outcome: 'rejected',
        detail,
      };
    case 'recycled':
      return {
        cause: { kind: 'disposition_recycled', ...(reason === null ? {} : { reason }) },
        outcome: null,
        detail,
      };
    case 'unknown':
      return undefined;
    default: {
      const unreachable: never = event.disposition;
      throw new Error(`Unknown disposition ${String(unreachable)}`);
    }
  }
};
