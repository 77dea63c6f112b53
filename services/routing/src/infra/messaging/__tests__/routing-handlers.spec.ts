import { TOPICS, type LifecycleChanged } from '@smarketing/contracts';
import { PermanentEventError, type Envelope, type TxContext } from '@smarketing/messaging';
import { UnknownReferenceError } from '../../../app/use-cases/apply-sla-status-changes.use-case';
import type { RecordAccountScores } from '../../../app/use-cases/record-account-scores.use-case';
import { RoutingHandler, routingHandlers } from '../routing-handlers';

const tx: TxContext = { query: async () => [], publish: () => 'id' } as unknown as TxContext;
const envelope = { eventId: 'e1', value: { leadId: 'l1' } } as unknown as Envelope<LifecycleChanged>;

describe('the routing handlers', () => {
  it('turn an event naming an unknown rep or team into a permanent error (dead letter, partition moves on)', async () => {
    const handler = new RoutingHandler(TOPICS.lifecycleChanged, {
      execute: async () => {
        throw new UnknownReferenceError('e1', 'names rep "ghost"');
      },
    });
    const failure = await handler.handle([envelope], tx).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PermanentEventError);
    expect(failure).toMatchObject({ errorClass: 'UnknownReferenceError', message: 'names rep "ghost"' });
  });

  it('let any other failure through as it is (a database outage is retried in place)', async () => {
    const outage = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    const handler = new RoutingHandler(TOPICS.lifecycleChanged, {
      execute: async () => {
        throw outage;
      },
    });
    await expect(handler.handle([envelope], tx)).rejects.toBe(outage);
  });

  it('consume account-scored into its use case, and dead-letter one without an account id', async () => {
    const seen: unknown[] = [];
    const accounts = { execute: async (events: readonly unknown[]) => void seen.push(...events) };
    const none = {} as never;
    const handler = routingHandlers(
      none,
      none,
      none,
      none,
      none,
      accounts as unknown as RecordAccountScores,
    ).find((h) => h.topic === TOPICS.accountScored);
    expect(handler).toBeDefined();
    const scored = { eventId: 'e2', value: { accountId: 'acme' } } as unknown as Envelope<never>;
    await handler?.handle([scored], tx);
    expect(seen).toEqual([scored]);
    expect(handler?.validate?.({ eventId: 'e3', value: { accountId: ' ' } } as Envelope<never>)).toBe(
      'accountId is empty',
    );
  });
});
