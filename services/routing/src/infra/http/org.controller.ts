import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { InvalidInputError, NotFoundError, Route, Scopes } from '@smarketing/http';
import type { z } from 'zod';
import type { OrgChangeResult } from '../../app/use-cases/org-change';
import { ChangeRep } from '../../app/use-cases/change-rep.use-case';
import { GetSalesOrg } from '../../app/use-cases/get-sales-org.use-case';
import { RemoveAccountOwner } from '../../app/use-cases/remove-account-owner.use-case';
import { SaveAccountOwner } from '../../app/use-cases/save-account-owner.use-case';
import { SaveRep } from '../../app/use-cases/save-rep.use-case';
import { SaveTeam } from '../../app/use-cases/save-team.use-case';
import { accountOwnerSchema, repSchema, teamSchema } from '../../domain';
import { accountParams, outOfOfficeBody, repParams, teamParams } from './request-schemas';

const answer = <T>(result: OrgChangeResult<T>, what: string): T => {
  switch (result.kind) {
    case 'invalid':
      throw new InvalidInputError(result.errors, `the ${what} is invalid`);
    case 'not_found':
      throw new NotFoundError(result.message);
    case 'saved':
      return result.value;
  }
};

/** The sales org: reps, teams, named accounts (admin writes, read reads). */
@Controller('v1')
export class OrgController {
  constructor(
    @Inject(SaveRep) private readonly saveRep: SaveRep,
    @Inject(ChangeRep) private readonly changeRep: ChangeRep,
    @Inject(SaveTeam) private readonly saveTeam: SaveTeam,
    @Inject(SaveAccountOwner) private readonly saveOwner: SaveAccountOwner,
    @Inject(RemoveAccountOwner) private readonly removeOwner: RemoveAccountOwner,
    @Inject(GetSalesOrg) private readonly getOrg: GetSalesOrg,
  ) {}

  @Get('org')
  @Scopes('read')
  @Route({ summary: 'The sales org: reps, teams, named accounts.', responses: { 200: 'The org.' } })
  org() {
    return this.getOrg.execute();
  }

  @Put('reps/:repId')
  @Scopes('admin')
  @Route({
    summary:
      'Create or replace a rep (team, territories, segments, weight, caps, calendar, absences, active).',
    params: repParams,
    validatedByApp: { body: repSchema },
    responses: { 200: 'The rep as stored.' },
  })
  async putRep(@Param() { repId }: z.output<typeof repParams>, @Body() body: unknown) {
    return answer(await this.saveRep.execute(repId, body), 'rep');
  }

  @Post('reps/:repId/deactivate')
  @HttpCode(200)
  @Scopes('admin')
  @Route({
    summary: 'Deactivate a rep: routing skips them, their history stays.',
    params: repParams,
    responses: { 200: 'The rep.' },
  })
  async deactivate(@Param() { repId }: z.output<typeof repParams>) {
    return answer(await this.changeRep.execute(repId, { kind: 'deactivate' }), 'rep');
  }

  @Post('reps/:repId/activate')
  @HttpCode(200)
  @Scopes('admin')
  @Route({ summary: 'Reactivate a rep.', params: repParams, responses: { 200: 'The rep.' } })
  async activate(@Param() { repId }: z.output<typeof repParams>) {
    return answer(await this.changeRep.execute(repId, { kind: 'activate' }), 'rep');
  }

  @Put('reps/:repId/out-of-office')
  @Scopes('admin')
  @Route({
    summary: "Replace a rep's out-of-office periods ({ periods: [{ from, to, reason? }] }, ISO times).",
    params: repParams,
    body: outOfOfficeBody,
    responses: { 200: 'The rep.' },
  })
  async outOfOffice(
    @Param() { repId }: z.output<typeof repParams>,
    @Body() { periods }: z.output<typeof outOfOfficeBody>,
  ) {
    return answer(
      await this.changeRep.execute(repId, { kind: 'out_of_office', periods }),
      'out-of-office list',
    );
  }

  @Put('teams/:teamId')
  @Scopes('admin')
  @Route({
    summary: 'Create or replace a team (name, manager, the calendar its reps work on).',
    params: teamParams,
    validatedByApp: { body: teamSchema },
    responses: { 200: 'The team as stored.' },
  })
  async putTeam(@Param() { teamId }: z.output<typeof teamParams>, @Body() body: unknown) {
    return answer(await this.saveTeam.execute(teamId, body), 'team');
  }

  @Put('account-owners/:accountKey')
  @Scopes('admin')
  @Route({
    summary: 'Name the owner of an account (by account id or domain): its leads go to them first.',
    params: accountParams,
    validatedByApp: { body: accountOwnerSchema },
    responses: { 200: 'The owner.' },
  })
  async putOwner(@Param() { accountKey }: z.output<typeof accountParams>, @Body() body: unknown) {
    return answer(await this.saveOwner.execute(accountKey, body), 'account owner');
  }

  @Delete('account-owners/:accountKey')
  @HttpCode(204)
  @Scopes('admin')
  @Route({ summary: "Remove an account's owner.", params: accountParams, responses: { 204: 'Removed.' } })
  async deleteOwner(@Param() { accountKey }: z.output<typeof accountParams>) {
    if (!(await this.removeOwner.execute(accountKey)))
      throw new NotFoundError(`no owner of account ${accountKey}`);
  }
}
