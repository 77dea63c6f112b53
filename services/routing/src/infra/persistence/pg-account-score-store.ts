import type { AccountBand, AccountTier } from '@smarketing/contracts';
import { prepared, type TxContext } from '@smarketing/messaging';
import { AccountScoreStore } from '../../app/ports/account-score-store.port';
import type { AccountScore } from '../../domain';
import { iso } from './sql-values';

type Row = { account_id: string; tier: AccountTier; band: AccountBand; occurred_at: Date };

// The WHERE keeps a stored newer score: a late older event (or a replica's slower batch) loses.
const SAVE = prepared(
  'routing.account-scores.save',
  `INSERT INTO routing_account_scores (account_id, tier, band, occurred_at)
   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
   ON CONFLICT (account_id) DO UPDATE SET
     tier = EXCLUDED.tier, band = EXCLUDED.band, occurred_at = EXCLUDED.occurred_at
   WHERE routing_account_scores.occurred_at <= EXCLUDED.occurred_at`,
);
const FIND = prepared(
  'routing.account-scores.find',
  `SELECT account_id, tier, band, occurred_at FROM routing_account_scores WHERE account_id = ANY($1::text[])`,
);

/** routing_account_scores: one row per account, the newest score by event time. */
export class PgAccountScoreStore extends AccountScoreStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async saveNewest(scores: readonly AccountScore[]): Promise<void> {
    if (!scores.length) return;
    await this.sql.query(SAVE, [
      scores.map((s) => s.accountId),
      scores.map((s) => s.tier),
      scores.map((s) => s.band),
      scores.map((s) => iso(s.occurredAt)),
    ]);
  }

  async findMany(accountIds: readonly string[]): Promise<Map<string, AccountScore>> {
    if (!accountIds.length) return new Map();
    const rows = await this.sql.query<Row>(FIND, [accountIds]);
    return new Map(
      rows.map((r) => [
        r.account_id,
        { accountId: r.account_id, tier: r.tier, band: r.band, occurredAt: r.occurred_at.getTime() },
      ]),
    );
  }
}
