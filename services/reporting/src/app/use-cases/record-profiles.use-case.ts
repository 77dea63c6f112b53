import type { LeadProfile } from '@smarketing/contracts';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** lead-profile: the person behind a lead (names, email), kept apart in reporting_people so erasure is one delete. */
export class RecordProfiles {
  async execute(events: readonly Incoming<LeadProfile>[], tx: ReportingTx): Promise<void> {
    await tx.people.saveNewer(
      events.map(({ value, occurredAt }) => ({
        leadId: value.leadId,
        at: occurredAt,
        email: value.email,
        firstName: value.firstName,
        lastName: value.lastName,
        title: value.title,
      })),
    );
  }
}
