import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { NotFoundError, Route, Scopes } from '@smarketing/http';
import type { z } from 'zod';
import type { AccountRecord } from '../../app/account/account-record';
import { accountScoreFields } from '../../app/account/account-view';
import { GetAccount } from '../../app/use-cases/get-account.use-case';
import { ListAccounts } from '../../app/use-cases/list-accounts.use-case';
import { accountListQuery, accountParams } from './request-schemas';

const summaryOf = (account: AccountRecord) => {
  const score = account.score;
  if (score === null) throw new Error(`account ${account.accountId} has no score`);
  return {
    accountId: account.accountId,
    accountDomain: account.profile.domain ?? null,
    accountName: account.profile.name ?? null,
    tier: score.tier,
    band: score.band,
    fit: score.fit,
    engagement: score.engagement,
    total: score.total,
    leads: score.group.leads,
    engagedLeads: score.group.engagedLeads,
    seniorityLevels: score.group.seniorityLevels,
    at: score.at,
  };
};

/** Accounts on the ICP: one account's score with its explanation and leads; accounts by tier and band (read scope). */
@Controller('v1/accounts')
@Scopes('read')
export class AccountsController {
  constructor(
    @Inject(GetAccount) private readonly getAccount: GetAccount,
    @Inject(ListAccounts) private readonly listAccounts: ListAccounts,
  ) {}

  @Get()
  @Route({
    summary: 'Accounts by tier and band, in account id order (`next` is the cursor of the next page).',
    query: accountListQuery,
    responses: { 200: 'A page of accounts.' },
  })
  async list(@Query() query: z.output<typeof accountListQuery>) {
    const { accounts, next } = await this.listAccounts.execute(query);
    return { accounts: accounts.map(summaryOf), next };
  }

  @Get(':accountId')
  @Route({
    summary:
      "An account's score under the current ICP: tier, band, the explanation (the same fields as account-scored) and its leads.",
    params: accountParams,
    responses: { 200: 'The account.' },
  })
  async account(@Param() { accountId }: z.output<typeof accountParams>) {
    const account = await this.getAccount.execute(accountId);
    if (account?.score == null) throw new NotFoundError(`no scored account ${accountId}`);
    return {
      ...accountScoreFields(account, account.score),
      at: account.score.at,
      profile: account.profile,
      // The buying group, hottest first.
      members: Object.values(account.members).sort(
        (a, b) => b.total - a.total || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0),
      ),
    };
  }
}
