import { randomUUID } from 'node:crypto';
import { TOPICS, UUID_PATTERN } from '@smarketing/contracts';
import { deriveLeadId, normalizeEmail } from '../../domain';
import { InvalidInputError } from '../errors';
import { derivedEventId } from '../event-ids';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';

export type ErasureReceipt = {
  readonly erasureId: string;
  readonly leadId: string;
  readonly rowsErased: number;
};

/**
 * GDPR erasure by leadId or email: nulls the person's PII in ingestion's tables (the lead and the
 * placeholders merged into it), writes a tombstone for each on the profile topic (compaction then
 * removes their personal data from Kafka), keeps a PII-free audit row and emits lead-erased so every other
 * service does the same. Emitted even when ingestion holds no row: CRM facts reach others directly.
 */
export class EraseLead {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(input: { leadId?: unknown; email?: unknown; requestedBy: string }): Promise<ErasureReceipt> {
    const leadId = this.leadIdOf(input);
    const erasureId = randomUUID();
    const at = this.clock.now();
    const rowsErased = await this.transactions.run(async (tx) => {
      const erasedIds = await tx.eraseLead(leadId);
      await tx.recordErasure({
        erasureId,
        leadId,
        requestedBy: input.requestedBy,
        requestedAt: at,
        rowsErased: erasedIds.length,
      });
      // The profile topic forgets the person: a tombstone per id (compaction removes the values).
      for (const id of new Set([leadId, ...erasedIds]))
        tx.tombstone(TOPICS.leadProfile, id, derivedEventId(erasureId, `lead-profile:${id}`), at);
      tx.publish(
        TOPICS.leadErased,
        { leadId, erasureId, requestedBy: input.requestedBy, occurredAt: at },
        erasureId,
      );
      return erasedIds.length;
    });
    return { erasureId, leadId, rowsErased };
  }

  private leadIdOf(input: { leadId?: unknown; email?: unknown }): string {
    if (input.leadId !== undefined) {
      if (typeof input.leadId === 'string' && UUID_PATTERN.test(input.leadId))
        return input.leadId.toLowerCase();
      throw new InvalidInputError([{ path: 'leadId', message: 'must be a UUID' }]);
    }
    if (input.email === undefined || input.email === '')
      throw new InvalidInputError([{ path: 'email', message: 'is required (or DELETE /v1/leads/:leadId)' }]);
    const email = normalizeEmail(input.email);
    if (!email.ok) throw new InvalidInputError([{ path: 'email', message: email.reason }]);
    return deriveLeadId(email.email);
  }
}
