import type { AccountOwner, Rep, Team } from '../../domain';

/** The versions a routing decision reads: org (bumped by every org change) and the published rules. */
export type CatalogVersions = { readonly orgVersion: number; readonly rulesVersion: number | null };

/** routing_reps, routing_teams, routing_account_owners, routing_meta, bound to one transaction. */
export abstract class OrgStore {
  abstract versions(): Promise<CatalogVersions>;
  /** Every org change calls it in its own transaction, so caches on every replica notice. */
  abstract bumpVersion(): Promise<number>;
  abstract allReps(): Promise<Rep[]>;
  abstract allTeams(): Promise<Team[]>;
  abstract allAccountOwners(): Promise<AccountOwner[]>;
  abstract rep(repId: string): Promise<Rep | undefined>;
  abstract team(teamId: string): Promise<Team | undefined>;
  abstract upsertRep(rep: Rep): Promise<void>;
  abstract upsertTeam(team: Team): Promise<void>;
  abstract upsertAccountOwner(owner: AccountOwner): Promise<void>;
  abstract deleteAccountOwner(accountKey: string): Promise<boolean>;
  /** Inserts what is missing (seeding), leaving existing rows alone; returns the ids inserted. */
  abstract insertMissing(org: {
    reps: readonly Rep[];
    teams: readonly Team[];
    accountOwners: readonly AccountOwner[];
  }): Promise<string[]>;
}
