import { accountOwnerSchema, parseWith, type AccountOwner } from '../../domain';
import type { Transactions } from '../ports/transactions.port';
import type { OrgChangeResult } from './org-change';

/** Names (or renames) the owner of an account, by account id or domain (admin); the rep must exist. */
export class SaveAccountOwner {
  constructor(private readonly transactions: Transactions) {}

  async execute(accountKey: string, document: unknown): Promise<OrgChangeResult<AccountOwner>> {
    const body = typeof document === 'object' && document !== null ? { ...document, accountKey } : document;
    const parsed = parseWith(accountOwnerSchema, body);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const owner = parsed.value;
    return this.transactions.run(async (tx) => {
      if ((await tx.org.rep(owner.repId)) === undefined)
        return { kind: 'invalid', errors: [{ path: 'repId', message: `no rep "${owner.repId}"` }] };
      await tx.org.upsertAccountOwner(owner);
      await tx.org.bumpVersion();
      return { kind: 'saved', value: owner };
    });
  }
}
