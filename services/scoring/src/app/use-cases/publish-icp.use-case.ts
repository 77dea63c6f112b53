import { parseIcp, type Icp, type ModelFieldError } from '../../domain';
import { rescoreAccount } from '../account/rescore-account';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';

export type PublishIcpInput = {
  document: unknown;
  /** Make this ICP the current one (a new version of the current ICP always is). */
  makeCurrent: boolean;
  /** Credential id of the publisher (never the secret). */
  publishedBy: string;
};

export type PublishIcpResult =
  | {
      kind: 'published';
      icp: Icp;
      isCurrent: boolean;
      publishedAt: number;
      rescored: number;
      changed: number;
    }
  | { kind: 'invalid'; errors: ModelFieldError[] }
  | { kind: 'conflict'; message: string };

/** Accounts re-scored per statement pair when an ICP becomes current. */
const CHUNK = 1_000;

/**
 * Publishes a new, immutable ICP version. When it becomes current, every account is re-scored in the
 * same transaction (accounts are far fewer than leads) and account-scored is emitted for those whose
 * score, tier or band moved: the publication and its effects commit together or not at all.
 */
export class PublishIcp {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(input: PublishIcpInput): Promise<PublishIcpResult> {
    const parsed = parseIcp(input.document);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const icp = parsed.icp;
    const publishedAt = this.clock.now();
    return this.transactions.run(async (tx): Promise<PublishIcpResult> => {
      const latest = await tx.icps.latest(icp.id);
      if (latest !== undefined && icp.version <= latest.icp.version)
        return {
          kind: 'conflict',
          message: `ICP ${icp.id} version ${icp.version} is not newer than the published version ${latest.icp.version}`,
        };
      const current = await tx.icps.current();
      const isCurrent = input.makeCurrent || current?.id === icp.id;
      const inserted = await tx.icps.insert({
        icp,
        isCurrent: false,
        source: 'api',
        publishedAt,
        publishedBy: input.publishedBy,
      });
      if (!inserted)
        return {
          kind: 'conflict',
          message: `ICP ${icp.id} version ${icp.version} was published concurrently`,
        };
      if (!isCurrent) return { kind: 'published', icp, isCurrent, publishedAt, rescored: 0, changed: 0 };
      await tx.icps.setCurrent(icp.id, icp.version);
      let [rescored, changed, after] = [0, 0, null as string | null];
      for (;;) {
        const chunk = await tx.accounts.lockChunk(after, CHUNK);
        for (const account of chunk) {
          // The account's own latest event time: a publication changes scores only through the ICP.
          const trigger = { cause: `icp:${icp.id}@${icp.version}`, at: account.lastEventAt };
          if (rescoreAccount(account, icp, trigger, tx.events)) changed += 1;
        }
        await tx.accounts.saveMany(chunk);
        rescored += chunk.length;
        after = chunk[chunk.length - 1]?.accountId ?? after;
        if (chunk.length < CHUNK) break;
      }
      return { kind: 'published', icp, isCurrent, publishedAt, rescored, changed };
    });
  }
}
