import { TOPICS, type LifecycleChanged } from '@smarketing/contracts';
import { PermanentEventError, type Envelope, type TxContext } from '@smarketing/messaging';
import { UnknownReferenceError } from '../../../app/use-cases/apply-sla-status-changes.use-case';
import { RoutingHandler } from '../routing-handlers';

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
});
