import { outOfOfficeSchema, parseWith, type OutOfOffice, type Rep } from '../../domain';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';
import type { OrgChangeResult } from './org-change';

export type RepChange =
  | { readonly kind: 'deactivate' }
  | { readonly kind: 'activate' }
  | { readonly kind: 'out_of_office'; readonly periods: unknown };

/**
 * The everyday changes to a rep (admin): deactivate, reactivate, replace their out-of-office
 * periods. Routing skips an inactive rep and keeps their history; pools keep their state.
 */
export class ChangeRep {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(repId: string, change: RepChange): Promise<OrgChangeResult<Rep>> {
    let outOfOffice: OutOfOffice[] | undefined;
    if (change.kind === 'out_of_office') {
      const parsed = parseWith(outOfOfficeSchema.array(), change.periods, ['outOfOffice']);
      if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
      outOfOffice = parsed.value;
    }
    return this.transactions.run(async (tx) => {
      const rep = await tx.org.rep(repId);
      if (rep === undefined) return { kind: 'not_found', message: `no rep ${repId}` };
      const next: Rep =
        change.kind === 'out_of_office'
          ? { ...rep, outOfOffice: outOfOffice ?? [] }
          : { ...rep, active: change.kind === 'activate' };
      await tx.org.upsertRep(next);
      await tx.org.bumpVersion();
      await tx.held.rearmAll(this.clock.now());
      return { kind: 'saved', value: next };
    });
  }
}
