import { TOPICS, type EventOf, type TopicDef } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import type { Incoming, __Name__Tx } from '../../app/ports/transactions.port';
import type { RecordLeads } from '../../app/use-cases/record-leads.use-case';
import { __nameCamel__Tx } from '../persistence/__name__-tx';

type BatchUseCase<T extends TopicDef> = {
  execute(events: readonly Incoming<EventOf<T>>[], tx: __Name__Tx): Promise<void>;
};

/** The handler of one topic: runs its use case on each batch, in the batch's transaction. */
export class __Name__Handler<T extends TopicDef> implements EventHandler<T> {
  constructor(
    readonly topic: T,
    private readonly useCase: BatchUseCase<T>,
  ) {}

  handle(events: readonly Envelope<EventOf<T>>[], tx: TxContext): Promise<void> {
    return this.useCase.execute(events, __nameCamel__Tx(tx));
  }
}

/** Every topic __name__ consumes, each with its use case (the module passes them in: kafkaHandlers). */
export const __nameCamel__Handlers = (recordLeads: RecordLeads): EventHandler[] =>
  [
    // Leads: remember each one and when it was first seen.
    new __Name__Handler(TOPICS.leadUpserted, recordLeads),
  ] as EventHandler[];
