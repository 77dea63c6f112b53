import { ReviewCommands, type TargetInput } from './queries';
import type { AddActionItem } from './use-cases/add-action-item.use-case';
import type { CompleteActionItem } from './use-cases/complete-action-item.use-case';
import type { SetTargets } from './use-cases/set-targets.use-case';
import type { ActionItem, MetricOwner } from './views';

/** The write side of the review the HTTP edge sees, each method one use case. */
export class ReportingCommands extends ReviewCommands {
  constructor(
    private readonly setTargetsUseCase: SetTargets,
    private readonly addActionItemUseCase: AddActionItem,
    private readonly completeActionItemUseCase: CompleteActionItem,
  ) {
    super();
  }

  setTargets(q: { readonly period: string; readonly targets: readonly TargetInput[] }): Promise<void> {
    return this.setTargetsUseCase.execute(q);
  }
  addActionItem(q: {
    readonly week: string;
    readonly owner: MetricOwner;
    readonly text: string;
    readonly due: string | null;
  }): Promise<ActionItem> {
    return this.addActionItemUseCase.execute(q);
  }
  completeActionItem(q: { readonly id: string; readonly done: boolean }): Promise<ActionItem | null> {
    return this.completeActionItemUseCase.execute(q);
  }
}
