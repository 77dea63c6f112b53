import { prepared, type TxContext } from '@smarketing/messaging';
import { OrgStore, type CatalogVersions } from '../../app/ports/org-store.port';
import type { AccountOwner, Rep, Team } from '../../domain';

const VERSIONS = prepared(
  'routing.meta.versions',
  `SELECT m.org_version, (SELECT max(version) FROM routing_rules) AS rules_version FROM routing_meta m WHERE m.id = 1`,
);

/** Reps and teams are stored as their validated documents (jsonb); the columns beside them are for SQL. */
export class PgOrgStore extends OrgStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async versions(): Promise<CatalogVersions> {
    const [row] = await this.sql.query<{ org_version: string; rules_version: number | null }>(VERSIONS);
    return { orgVersion: Number(row?.org_version ?? 0), rulesVersion: row?.rules_version ?? null };
  }

  async bumpVersion(): Promise<number> {
    const [row] = await this.sql.query<{ org_version: string }>(
      `UPDATE routing_meta SET org_version = org_version + 1 WHERE id = 1 RETURNING org_version`,
    );
    return Number(row?.org_version);
  }

  async allReps(): Promise<Rep[]> {
    return (await this.sql.query<{ document: Rep }>(`SELECT document FROM routing_reps ORDER BY rep_id`)).map(
      (r) => r.document,
    );
  }

  async allTeams(): Promise<Team[]> {
    return (
      await this.sql.query<{ document: Team }>(`SELECT document FROM routing_teams ORDER BY team_id`)
    ).map((r) => r.document);
  }

  async allAccountOwners(): Promise<AccountOwner[]> {
    const rows = await this.sql.query<{ account_key: string; rep_id: string; segment: string | null }>(
      `SELECT account_key, rep_id, segment FROM routing_account_owners ORDER BY account_key`,
    );
    return rows.map((r) => ({
      accountKey: r.account_key,
      repId: r.rep_id,
      ...(r.segment !== null ? { segment: r.segment } : {}),
    }));
  }

  async rep(repId: string): Promise<Rep | undefined> {
    const [row] = await this.sql.query<{ document: Rep }>(
      `SELECT document FROM routing_reps WHERE rep_id = $1`,
      [repId],
    );
    return row?.document;
  }

  async team(teamId: string): Promise<Team | undefined> {
    const [row] = await this.sql.query<{ document: Team }>(
      `SELECT document FROM routing_teams WHERE team_id = $1`,
      [teamId],
    );
    return row?.document;
  }

  async upsertRep(rep: Rep): Promise<void> {
    await this.sql.query(
      `INSERT INTO routing_reps (rep_id, team_id, active, document) VALUES ($1, $2, $3, $4)
       ON CONFLICT (rep_id) DO UPDATE SET team_id = EXCLUDED.team_id, active = EXCLUDED.active,
         document = EXCLUDED.document, updated_at = now()`,
      [rep.id, rep.teamId, rep.active, JSON.stringify(rep)],
    );
  }

  async upsertTeam(team: Team): Promise<void> {
    await this.sql.query(
      `INSERT INTO routing_teams (team_id, document) VALUES ($1, $2)
       ON CONFLICT (team_id) DO UPDATE SET document = EXCLUDED.document, updated_at = now()`,
      [team.id, JSON.stringify(team)],
    );
  }

  async upsertAccountOwner(owner: AccountOwner): Promise<void> {
    await this.sql.query(
      `INSERT INTO routing_account_owners (account_key, rep_id, segment) VALUES ($1, $2, $3)
       ON CONFLICT (account_key) DO UPDATE SET rep_id = EXCLUDED.rep_id, segment = EXCLUDED.segment, updated_at = now()`,
      [owner.accountKey, owner.repId, owner.segment ?? null],
    );
  }

  async deleteAccountOwner(accountKey: string): Promise<boolean> {
    const rows = await this.sql.query(
      `DELETE FROM routing_account_owners WHERE account_key = $1 RETURNING account_key`,
      [accountKey],
    );
    return rows.length > 0;
  }

  async insertMissing(org: {
    reps: readonly Rep[];
    teams: readonly Team[];
    accountOwners: readonly AccountOwner[];
  }): Promise<string[]> {
    const inserted: string[] = [];
    for (const team of org.teams) {
      const rows = await this.sql.query(
        `INSERT INTO routing_teams (team_id, document) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING team_id`,
        [team.id, JSON.stringify(team)],
      );
      if (rows.length) inserted.push(`team:${team.id}`);
    }
    for (const rep of org.reps) {
      const rows = await this.sql.query(
        `INSERT INTO routing_reps (rep_id, team_id, active, document) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING rep_id`,
        [rep.id, rep.teamId, rep.active, JSON.stringify(rep)],
      );
      if (rows.length) inserted.push(`rep:${rep.id}`);
    }
    for (const owner of org.accountOwners) {
      const rows = await this.sql.query(
        `INSERT INTO routing_account_owners (account_key, rep_id, segment) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING account_key`,
        [owner.accountKey, owner.repId, owner.segment ?? null],
      );
      if (rows.length) inserted.push(`account:${owner.accountKey}`);
    }
    return inserted;
  }
}
