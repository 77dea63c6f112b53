import type { AccountOwner, Rep, Team } from '../../domain';
import type { Transactions } from '../ports/transactions.port';

/** The whole sales org as stored (read): reps, teams, named accounts. */
export class GetSalesOrg {
  constructor(private readonly transactions: Transactions) {}

  execute(): Promise<{ reps: Rep[]; teams: Team[]; accountOwners: AccountOwner[] }> {
    return this.transactions.read(async (tx) => ({
      reps: await tx.org.allReps(),
      teams: await tx.org.allTeams(),
      accountOwners: await tx.org.allAccountOwners(),
    }));
  }
}
