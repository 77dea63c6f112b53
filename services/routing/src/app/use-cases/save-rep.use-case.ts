import { parseWith, repSchema, type Rep } from '../../domain';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';
import type { OrgChangeResult } from './org-change';

/**
 * Creates or replaces a rep (admin). The team must exist. Every org change bumps the org version
 * (each replica's cache reloads) and looks at held leads again now: the change may make someone available.
 */
export class SaveRep {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(repId: string, document: unknown): Promise<OrgChangeResult<Rep>> {
    const body = typeof document === 'object' && document !== null ? { ...document, id: repId } : document;
    const parsed = parseWith(repSchema, body);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const rep = parsed.value;
    return this.transactions.run(async (tx) => {
      if ((await tx.org.team(rep.teamId)) === undefined)
        return { kind: 'invalid', errors: [{ path: 'teamId', message: `no team "${rep.teamId}"` }] };
      await tx.org.upsertRep(rep);
      await tx.org.bumpVersion();
      await tx.held.rearmAll(this.clock.now());
      return { kind: 'saved', value: rep };
    });
  }
}
