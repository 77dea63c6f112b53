import { prepared } from '@smarketing/messaging';
import type { AccountRecord } from '../../app/account/account-record';
import {
  AccountStore,
  type AccountLead,
  type AccountListQuery,
  type QueuedAccount,
} from '../../app/ports/account-store.port';
import { furthestOutcome, type BacktestAccount, type LeadOutcome } from '../../domain';
import { toMs, type Sql } from './sql';

type AccountRow = {
  account_id: string;
  first_seen_at_ms: string;
  profile: AccountRecord['profile'];
  profile_at_ms: string | null;
  members: AccountRecord['members'];
  score: AccountRecord['score'];
  last_event_at_ms: string;
};

const COLUMNS = 'account_id, first_seen_at_ms, profile, profile_at_ms, members, score, last_event_at_ms';

const toRecord = (r: AccountRow): AccountRecord => ({
  accountId: r.account_id,
  firstSeenAt: Number(r.first_seen_at_ms),
  profile: r.profile,
  profileAt: toMs(r.profile_at_ms),
  members: r.members,
  score: r.score,
  lastEventAt: Number(r.last_event_at_ms),
});

// The statements every batch that changes accounts runs.
const CREATE = prepared(
  'scoring.accounts.create',
  `INSERT INTO scoring_accounts (account_id, first_seen_at_ms, last_event_at_ms)
   SELECT id, at, at FROM unnest($1::text[], $2::bigint[]) AS v(id, at) ORDER BY id
   ON CONFLICT (account_id) DO NOTHING`,
);
const LOCK = prepared(
  'scoring.accounts.lock',
  `SELECT ${COLUMNS} FROM scoring_accounts WHERE account_id = ANY($1::text[]) ORDER BY account_id FOR UPDATE`,
);
// One JSON document for the rows rather than an array per column: the documents (members, score,
// profile) go in as they are instead of as escaped elements of a json[] literal.
const SAVE = prepared(
  'scoring.accounts.save',
  `UPDATE scoring_accounts a SET
     first_seen_at_ms = v.first_seen_at_ms, profile = v.profile, profile_at_ms = v.profile_at_ms,
     members = v.members, score = v.score, icp_id = v.icp_id, icp_version = v.icp_version, total = v.total,
     tier = v.tier, band = v.band, last_event_at_ms = v.last_event_at_ms
   FROM json_to_recordset($1::json)
     AS v(account_id text, first_seen_at_ms bigint, profile json, profile_at_ms bigint, members json, score json,
          icp_id text, icp_version int, total numeric, tier text, band text, last_event_at_ms bigint)
   WHERE a.account_id = v.account_id`,
);

const ENQUEUE = prepared(
  'scoring.accounts.enqueue',
  `INSERT INTO scoring_account_queue (account_id, at_ms, cause)
   SELECT id, at, $3 FROM unnest($1::text[], $2::bigint[]) AS v(id, at)`,
);
// The oldest changes nobody else holds, one row per account: its earliest and latest event time and
// the cause of its newest change.
const CLAIM = prepared(
  'scoring.accounts.claim-queued',
  `WITH taken AS (
     DELETE FROM scoring_account_queue WHERE id IN (
       SELECT id FROM scoring_account_queue ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id, account_id, at_ms, cause)
   SELECT account_id, min(at_ms) AS first_at_ms, max(at_ms) AS at_ms,
          (array_agg(cause ORDER BY id DESC))[1] AS cause, count(*) AS changes
   FROM taken GROUP BY account_id ORDER BY account_id`,
);
// Only the score's contribution: the whole document (the explanation) would be most of each row read.
const LEADS_OF = prepared(
  'scoring.accounts.leads-of',
  `SELECT lead_id, score IS NOT NULL AS scored, score->'engagement' AS engagement, score->'total' AS total,
          score->'band' AS band, profile, profile_at_ms, account
   FROM scoring_leads
   WHERE account_id = ANY($1::text[]) AND merged_into IS NULL AND erased_at_ms IS NULL`,
);

/** scoring_accounts: one row per account; a roll-up locks and writes its accounts with one statement each. */
export class PgAccountStore extends AccountStore {
  constructor(private readonly sql: Sql) {
    super();
  }

  async enqueue(accounts: readonly { accountId: string; at: number }[], cause: string): Promise<void> {
    if (!accounts.length) return;
    await this.sql.query(ENQUEUE, [accounts.map((a) => a.accountId), accounts.map((a) => a.at), cause]);
  }

  async claimQueued(limit: number): Promise<{ changes: number; accounts: QueuedAccount[] }> {
    const rows = await this.sql.query<{
      account_id: string;
      first_at_ms: string;
      at_ms: string;
      cause: string;
      changes: string;
    }>(CLAIM, [limit]);
    return {
      changes: rows.reduce((n, r) => n + Number(r.changes), 0),
      accounts: rows.map((r) => ({
        accountId: r.account_id,
        firstAt: Number(r.first_at_ms),
        at: Number(r.at_ms),
        cause: r.cause,
      })),
    };
  }

  async leadsOf(accountIds: readonly string[]): Promise<AccountLead[]> {
    if (!accountIds.length) return [];
    type Score = NonNullable<AccountLead['score']>;
    const rows = await this.sql.query<{
      lead_id: string;
      scored: boolean;
      engagement: Score['engagement'];
      total: Score['total'];
      band: Score['band'];
      profile: AccountLead['profile'];
      profile_at_ms: string | null;
      account: AccountLead['account'];
    }>(LEADS_OF, [accountIds]);
    return rows.map((r) => ({
      leadId: r.lead_id,
      score: r.scored ? { engagement: r.engagement, total: r.total, band: r.band } : null,
      profile: r.profile,
      profileAt: toMs(r.profile_at_ms),
      account: r.account,
    }));
  }

  async lockMany(firstSeenAt: ReadonlyMap<string, number>): Promise<Map<string, AccountRecord>> {
    const ids = [...firstSeenAt.keys()].sort();
    if (!ids.length) return new Map();
    const times = ids.map((id) => firstSeenAt.get(id) ?? 0);
    // Rows first, so that two batches creating the same account serialize on it (leads are always locked before accounts).
    await this.sql.query(CREATE, [ids, times]);
    const rows = await this.sql.query<AccountRow>(LOCK, [ids]);
    return new Map(rows.map((r) => [r.account_id, toRecord(r)]));
  }

  async saveMany(accounts: readonly AccountRecord[]): Promise<void> {
    if (!accounts.length) return;
    const rows = accounts.map((a) => ({
      account_id: a.accountId,
      first_seen_at_ms: a.firstSeenAt,
      profile: a.profile,
      profile_at_ms: a.profileAt,
      members: a.members,
      score: a.score,
      icp_id: a.score?.icpId ?? null,
      icp_version: a.score?.icpVersion ?? null,
      total: a.score?.total ?? null,
      tier: a.score?.tier ?? null,
      band: a.score?.band ?? null,
      last_event_at_ms: a.lastEventAt,
    }));
    await this.sql.query(SAVE, [JSON.stringify(rows)]);
  }

  async find(accountId: string): Promise<AccountRecord | undefined> {
    const [row] = await this.sql.query<AccountRow>(
      `SELECT ${COLUMNS} FROM scoring_accounts WHERE account_id = $1`,
      [accountId],
    );
    return row === undefined ? undefined : toRecord(row);
  }

  async list(query: AccountListQuery): Promise<AccountRecord[]> {
    const rows = await this.sql.query<AccountRow>(
      `SELECT ${COLUMNS} FROM scoring_accounts
       WHERE score IS NOT NULL AND ($1::text IS NULL OR tier = $1) AND ($2::text IS NULL OR band = $2)
         AND ($3::text IS NULL OR account_id > $3)
       ORDER BY account_id LIMIT $4`,
      [query.tier ?? null, query.band ?? null, query.after ?? null, query.limit],
    );
    return rows.map(toRecord);
  }

  async lockChunk(afterAccountId: string | null, limit: number): Promise<AccountRecord[]> {
    const rows = await this.sql.query<AccountRow>(
      `SELECT ${COLUMNS} FROM scoring_accounts WHERE ($1::text IS NULL OR account_id > $1)
       ORDER BY account_id LIMIT $2 FOR UPDATE`,
      [afterAccountId, limit],
    );
    return rows.map(toRecord);
  }

  async backtestable(): Promise<BacktestAccount[]> {
    const rows = await this.sql.query<AccountRow & { outcomes: (LeadOutcome | null)[] | null }>(
      `SELECT ${COLUMNS.split(', ')
        .map((c) => `a.${c}`)
        .join(', ')},
              (SELECT array_agg(l.outcome) FROM scoring_leads l
                WHERE l.account_id = a.account_id AND l.merged_into IS NULL) AS outcomes
       FROM scoring_accounts a ORDER BY a.account_id`,
    );
    return rows.map((r) => {
      const account = toRecord(r);
      return {
        accountId: account.accountId,
        profile: account.profile,
        members: account.members,
        outcome: (r.outcomes ?? []).reduce<LeadOutcome | null>((o, next) => furthestOutcome(o, next), null),
        lastEventAt: account.lastEventAt,
        firstSeenAt: account.firstSeenAt,
      };
    });
  }
}
