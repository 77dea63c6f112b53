import type { Transactions } from '../ports/transactions.port';
import type { ActionItem } from '../views';
import { actionItemView } from './add-action-item.use-case';

/** Marks an action item done (or not); null when no item has that id. */
export class CompleteActionItem {
  constructor(private readonly transactions: Transactions) {}

  execute(q: { readonly id: string; readonly done: boolean }): Promise<ActionItem | null> {
    return this.transactions.run(async (tx) => {
      const item = await tx.actionItems.setDone(q.id, q.done);
      return item ? actionItemView(item) : null;
    });
  }
}
