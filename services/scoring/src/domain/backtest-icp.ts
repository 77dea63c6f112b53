import type { AccountScore } from './account-score';
import { liftOf, OUTCOME_TARGETS, outcomeReaches, ratio, type OutcomeTarget } from './backtest-outcome';
import type { TargetFigures } from './backtest-model';
import type { AccountMembers } from './buying-group';
import type { LeadOutcome } from './compare-models';
import {
  ALL_ACCOUNT_BANDS,
  ALL_ACCOUNT_TIERS,
  type AccountBand,
  type AccountProfile,
  type AccountTier,
  type Icp,
} from './icp';
import { scoreAccount } from './score-account';

/** An account as recorded: firmographics, its leads' contributions, the furthest outcome of any of its leads. */
export type BacktestAccount = {
  accountId: string;
  profile: AccountProfile;
  members: AccountMembers;
  outcome: LeadOutcome | null;
  /** Event time of the account's last change (it is in a period it was active in). */
  lastEventAt: number;
  firstSeenAt: number;
};

export type IcpBacktestSide = {
  icpId: string;
  icpVersion: number;
  tierCounts: Record<AccountTier, number>;
  bandCounts: Record<AccountBand, number>;
  /** Tier 1 accounts with at least one engaged lead (the coverage reporting shows). */
  tier1Engaged: number;
  perTier: Record<AccountTier, { accounts: number; targets: Record<OutcomeTarget, TargetFigures> }>;
};

export type AccountChange = {
  accountId: string;
  from: { tier: AccountTier; band: AccountBand; total: number };
  to: { tier: AccountTier; band: AccountBand; total: number };
  outcome: LeadOutcome | null;
  reasons: string[];
};

export type IcpBacktest = {
  period: { from: number; to: number };
  accounts: number;
  baseRates: Record<OutcomeTarget, number | null>;
  published: IcpBacktestSide;
  candidate: IcpBacktestSide;
  changes: { count: number; sample: AccountChange[] };
  summary: string[];
};

const TIER_RANK: Record<AccountTier, number> = { tier_1: 4, tier_2: 3, tier_3: 2, untiered: 1, excluded: 0 };

const count = <K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> => {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) out[v] += 1;
  return out;
};

const sideOf = (
  icp: Icp,
  scored: readonly { account: BacktestAccount; score: AccountScore }[],
  baseRates: Record<OutcomeTarget, number | null>,
): IcpBacktestSide => ({
  icpId: icp.id,
  icpVersion: icp.version,
  tierCounts: count(
    ALL_ACCOUNT_TIERS,
    scored.map((s) => s.score.tier),
  ),
  bandCounts: count(
    ALL_ACCOUNT_BANDS,
    scored.map((s) => s.score.band),
  ),
  tier1Engaged: scored.filter((s) => s.score.tier === 'tier_1' && s.score.group.engagedLeads > 0).length,
  perTier: Object.fromEntries(
    ALL_ACCOUNT_TIERS.map((tier) => {
      const inTier = scored.filter((s) => s.score.tier === tier);
      return [
        tier,
        {
          accounts: inTier.length,
          targets: Object.fromEntries(
            OUTCOME_TARGETS.map((t) => {
              const converted = inTier.filter((s) => outcomeReaches(s.account.outcome, t)).length;
              const rate = ratio(converted, inTier.length);
              return [t, { converted, rate, lift: liftOf(rate, baseRates[t]) }];
            }),
          ),
        },
      ];
    }),
  ) as IcpBacktestSide['perTier'],
});

const reasonsOf = (published: AccountScore, candidate: AccountScore): string[] => {
  const before = new Map(published.firedRules.map((r) => [r.ruleId, r]));
  const after = new Map(candidate.firedRules.map((r) => [r.ruleId, r]));
  const reasons: string[] = [];
  for (const [id, rule] of after) {
    const old = before.get(id);
    if (old === undefined) reasons.push(`${id} fires (${rule.points}): ${rule.detail}`);
    else if (old.points !== rule.points) reasons.push(`${id}: ${old.points} -> ${rule.points} points`);
  }
  for (const [id, rule] of before)
    if (!after.has(id)) reasons.push(`${id} no longer fires (was ${rule.points})`);
  reasons.push(`fit ${published.fit} -> ${candidate.fit}, total ${published.total} -> ${candidate.total}`);
  return reasons;
};

/**
 * Scores the accounts active in a period under the published ICP and a candidate: accounts per tier
 * and band, conversion and lift per tier (an account converts when any of its leads does), Tier 1
 * coverage, and the accounts that change tier or band with reasons. Pure: nothing is written or emitted.
 */
export const backtestIcp = (
  published: Icp,
  candidate: Icp,
  accounts: readonly BacktestAccount[],
  period: { from: number; to: number },
  sampleSize: number,
): IcpBacktest => {
  const active = accounts.filter((a) => a.firstSeenAt <= period.to && a.lastEventAt >= period.from);
  const at = (a: BacktestAccount) => Math.min(a.lastEventAt, period.to);
  const before = active.map((account) => ({
    account,
    score: scoreAccount(published, account.profile, account.members, at(account)),
  }));
  const after = active.map((account) => ({
    account,
    score: scoreAccount(candidate, account.profile, account.members, at(account)),
  }));
  const baseRates = Object.fromEntries(
    OUTCOME_TARGETS.map((t) => [
      t,
      ratio(active.filter((a) => outcomeReaches(a.outcome, t)).length, active.length),
    ]),
  ) as Record<OutcomeTarget, number | null>;
  const changes: AccountChange[] = [];
  active.forEach((account, i) => {
    const [p, c] = [before[i]?.score, after[i]?.score];
    if (p === undefined || c === undefined || (p.tier === c.tier && p.band === c.band)) return;
    changes.push({
      accountId: account.accountId,
      from: { tier: p.tier, band: p.band, total: p.total },
      to: { tier: c.tier, band: c.band, total: c.total },
      outcome: account.outcome,
      reasons: reasonsOf(p, c),
    });
  });
  changes.sort(
    (a, b) =>
      Math.abs(TIER_RANK[b.to.tier] - TIER_RANK[b.from.tier]) -
        Math.abs(TIER_RANK[a.to.tier] - TIER_RANK[a.from.tier]) ||
      Math.abs(b.to.total - b.from.total) - Math.abs(a.to.total - a.from.total) ||
      (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0),
  );
  const p = sideOf(published, before, baseRates);
  const c = sideOf(candidate, after, baseRates);
  const name = (s: IcpBacktestSide) => `${s.icpId} v${s.icpVersion}`;
  const tierLine = ALL_ACCOUNT_TIERS.map((t) => `${t} ${p.tierCounts[t]} -> ${c.tierCounts[t]}`).join(', ');
  const won = (s: IcpBacktestSide) => s.perTier.tier_1.targets.won.rate;
  const summary = [
    `Candidate ICP ${name(c)} against the published ${name(p)}: ${active.length} accounts active in the period.`,
    `Accounts per tier: ${tierLine}.`,
    `Tier 1 accounts with an engaged lead: ${p.tier1Engaged} -> ${c.tier1Engaged}.`,
    `Tier 1 won rate: ${won(p) ?? 'n/a'} -> ${won(c) ?? 'n/a'} (all accounts: ${baseRates.won ?? 'n/a'}).`,
    `${changes.length} accounts change tier or band.`,
  ];
  return {
    period,
    accounts: active.length,
    baseRates,
    published: p,
    candidate: c,
    changes: { count: changes.length, sample: changes.slice(0, sampleSize) },
    summary,
  };
};
