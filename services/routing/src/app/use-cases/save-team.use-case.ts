import { parseWith, teamSchema, type Team } from '../../domain';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';
import type { OrgChangeResult } from './org-change';

/** Creates or replaces a team (admin): its manager must be a rep; its calendar is its members' default. */
export class SaveTeam {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(teamId: string, document: unknown): Promise<OrgChangeResult<Team>> {
    const body = typeof document === 'object' && document !== null ? { ...document, id: teamId } : document;
    const parsed = parseWith(teamSchema, body);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const team = parsed.value;
    return this.transactions.run(async (tx) => {
      if (team.managerId !== undefined && (await tx.org.rep(team.managerId)) === undefined)
        return { kind: 'invalid', errors: [{ path: 'managerId', message: `no rep "${team.managerId}"` }] };
      await tx.org.upsertTeam(team);
      await tx.org.bumpVersion();
      await tx.held.rearmAll(this.clock.now());
      return { kind: 'saved', value: team };
    });
  }
}
