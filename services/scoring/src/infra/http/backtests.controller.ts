import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { InvalidInputError, NotFoundError, Route, Scopes } from '@smarketing/http';
import type { z } from 'zod';
import { RunBacktest, type BacktestCandidate } from '../../app/use-cases/run-backtest.use-case';
import { backtestBody } from './request-schemas';

const candidateOf = (c: z.output<typeof backtestBody>['candidate']): BacktestCandidate => {
  if (c.model !== undefined) return { kind: 'model', document: c.model };
  if (c.icp !== undefined) return { kind: 'icp', document: c.icp };
  if (c.modelRef !== undefined) return { kind: 'model_ref', ...c.modelRef };
  throw new InvalidInputError([{ path: 'candidate', message: 'give exactly one candidate' }]);
};

/** Backtesting a candidate model or ICP over a past period (admin); nothing is written or emitted. */
@Controller('v1/backtests')
export class BacktestsController {
  constructor(@Inject(RunBacktest) private readonly backtest: RunBacktest) {}

  @Post()
  @HttpCode(200)
  @Scopes('admin')
  @Route({
    summary:
      'Replay a period (event time) through a candidate scoring model or ICP and the published one: bands, MQLs, precision/recall, lift, changes, summary.',
    body: backtestBody,
    responses: { 200: 'The side-by-side report with a human-readable summary.' },
  })
  async run(@Body() body: z.output<typeof backtestBody>) {
    const result = await this.backtest.execute({
      candidate: candidateOf(body.candidate),
      from: body.from,
      to: body.to,
      sampleSize: body.sampleSize,
    });
    switch (result.kind) {
      case 'invalid':
        throw new InvalidInputError(result.errors, 'the candidate is invalid');
      case 'not_found':
        throw new NotFoundError(`${result.path}: ${result.message}`, [
          { path: result.path, message: result.message },
        ]);
      case 'model':
        return { kind: 'model', ...result.report };
      case 'icp':
        return { kind: 'icp', ...result.report };
    }
  }
}
