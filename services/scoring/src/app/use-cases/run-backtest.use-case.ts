import {
  backtestIcp,
  backtestModel,
  checkModelFitsRetention,
  parseIcp,
  parseScoringModel,
  type IcpBacktest,
  type ModelBacktest,
  type ModelFieldError,
  type ScoringModel,
} from '../../domain';
import type { Transactions } from '../ports/transactions.port';

export type BacktestCandidate =
  | { kind: 'model'; document: unknown }
  | { kind: 'model_ref'; modelId: string; version?: number }
  | { kind: 'icp'; document: unknown };

export type RunBacktestInput = {
  candidate: BacktestCandidate;
  from: number;
  to: number;
  sampleSize: number;
};

export type RunBacktestResult =
  | { kind: 'model'; report: ModelBacktest }
  | { kind: 'icp'; report: IcpBacktest }
  | { kind: 'invalid'; errors: ModelFieldError[] }
  | { kind: 'not_found'; path: string; message: string };

const prefixed = (errors: readonly ModelFieldError[], prefix: string): ModelFieldError[] =>
  errors.map((e) => ({ path: e.path === '(root)' ? prefix : `${prefix}.${e.path}`, message: e.message }));

/**
 * Replays a past period through a candidate scoring model (a document or a published version) or a
 * candidate ICP and through what is published now, and reports side by side. Read-only: the
 * transaction reads the recorded history and writes nothing, emits nothing.
 */
export class RunBacktest {
  constructor(private readonly transactions: Transactions) {}

  async execute(input: RunBacktestInput): Promise<RunBacktestResult> {
    const { candidate } = input;
    const period = { from: input.from, to: input.to };
    if (candidate.kind === 'icp') {
      const parsed = parseIcp(candidate.document);
      if (!parsed.ok) return { kind: 'invalid', errors: prefixed(parsed.errors, 'candidate.icp') };
      return this.transactions.run(async (tx): Promise<RunBacktestResult> => {
        const published = await tx.icps.current();
        if (published === undefined) throw new Error('no current ICP: the bundled ICP was not seeded');
        const accounts = await tx.accounts.backtestable();
        return {
          kind: 'icp',
          report: backtestIcp(published, parsed.icp, accounts, period, input.sampleSize),
        };
      });
    }
    let document: ScoringModel | undefined;
    if (candidate.kind === 'model') {
      const parsed = parseScoringModel(candidate.document);
      if (!parsed.ok) return { kind: 'invalid', errors: prefixed(parsed.errors, 'candidate.model') };
      const retention = checkModelFitsRetention(parsed.model);
      if (retention.length) return { kind: 'invalid', errors: prefixed(retention, 'candidate.model') };
      document = parsed.model;
    }
    return this.transactions.run(async (tx): Promise<RunBacktestResult> => {
      const published = await tx.models.defaultModel();
      if (published === undefined)
        throw new Error('no default scoring model: the bundled models were not seeded');
      let model = document;
      if (model === undefined && candidate.kind === 'model_ref') {
        const stored =
          candidate.version === undefined
            ? await tx.models.latest(candidate.modelId)
            : await tx.models.get(candidate.modelId, candidate.version);
        if (stored === undefined)
          return {
            kind: 'not_found',
            path: 'candidate.modelRef',
            message: `no published model ${candidate.modelId}${candidate.version === undefined ? '' : ` version ${candidate.version}`}`,
          };
        model = stored.model;
      }
      if (model === undefined) throw new Error('unreachable: a model candidate without a model');
      const history = await tx.leads.history(input.to);
      return { kind: 'model', report: backtestModel(published, model, history, period, input.sampleSize) };
    });
  }
}
