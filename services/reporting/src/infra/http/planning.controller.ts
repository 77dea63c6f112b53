import { Body, Controller, HttpCode, Inject, Param, Patch, Post, Put } from '@nestjs/common';
import { NotFoundError, Route, Scopes } from '@smarketing/http';
import type { z } from 'zod';
import { ReviewCommands } from '../../app/queries';
import {
  actionItemBody,
  actionItemParams,
  actionItemPatch,
  periodParams,
  targetsBody,
} from './request-schemas';
import { fieldsOf } from './query-errors';

/**
 * What the joint meeting decides: targets and owners per period, and the review's action items.
 * Admin only: a read key (or the page's session) sees them but cannot change them.
 */
@Controller('v1')
@Scopes('admin')
export class PlanningController {
  constructor(@Inject(ReviewCommands) private readonly commands: ReviewCommands) {}

  @Put('targets/:period')
  @HttpCode(204)
  @Route({
    summary: "Sets the period's target and owner of each metric listed (others keep theirs).",
    params: periodParams,
    body: targetsBody,
    responses: { 204: 'Set.' },
  })
  async setTargets(
    @Param() { period }: z.output<typeof periodParams>,
    @Body() { targets }: z.output<typeof targetsBody>,
  ): Promise<void> {
    await fieldsOf('params', () => this.commands.setTargets({ period, targets }));
  }

  @Post('action-items')
  @Route({
    summary: "Adds an action item to a week's review.",
    body: actionItemBody,
    responses: { 201: 'The item.' },
  })
  addActionItem(@Body() item: z.output<typeof actionItemBody>) {
    return this.commands.addActionItem(item);
  }

  @Patch('action-items/:id')
  @Route({
    summary: 'Marks an action item done (or not).',
    params: actionItemParams,
    body: actionItemPatch,
    responses: { 200: 'The item.' },
  })
  async completeActionItem(
    @Param() { id }: z.output<typeof actionItemParams>,
    @Body() { done }: z.output<typeof actionItemPatch>,
  ) {
    const item = await this.commands.completeActionItem({ id, done });
    if (item === null)
      throw new NotFoundError(`no action item ${id}`, [{ path: 'params.id', message: 'not found' }]);
    return item;
  }
}
