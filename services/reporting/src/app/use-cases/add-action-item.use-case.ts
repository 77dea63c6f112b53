import { randomUUID } from 'node:crypto';
import type { MetricOwner } from '../../domain/metrics-catalog';
import { parsePeriodOrThrow } from '../dashboard/period-data';
import type { StoredActionItem } from '../ports/review-store.port';
import type { Transactions } from '../ports/transactions.port';
import { InvalidQueryError } from '../queries';
import type { ActionItem } from '../views';

export const actionItemView = ({ createdAt: _createdAt, ...item }: StoredActionItem): ActionItem => item;

/** Adds an action item to a week's review. */
export class AddActionItem {
  constructor(
    private readonly transactions: Transactions,
    private readonly now: () => number = Date.now,
  ) {}

  async execute(q: {
    readonly week: string;
    readonly owner: MetricOwner;
    readonly text: string;
    readonly due: string | null;
  }): Promise<ActionItem> {
    const week = parsePeriodOrThrow(q.week, 'week');
    if (week.kind !== 'week')
      throw new InvalidQueryError('week', `week must be an ISO week (2026-W48), got "${q.week}"`);
    if (!q.text.trim()) throw new InvalidQueryError('text', 'text must not be empty');
    if (q.due !== null && Number.isNaN(Date.parse(q.due)))
      throw new InvalidQueryError('due', 'due must be a date');
    const item: StoredActionItem = {
      id: randomUUID(),
      week: week.id,
      owner: q.owner,
      text: q.text.trim(),
      due: q.due,
      done: false,
      createdAt: this.now(),
    };
    await this.transactions.run((tx) => tx.actionItems.insert(item));
    return actionItemView(item);
  }
}
