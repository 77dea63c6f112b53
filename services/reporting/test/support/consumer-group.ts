import { waitFor, withAdmin } from '@smarketing/testing';

/** Per topic, per partition: an offset (what libs/testing's `topicPositions` returns). */
export type Positions = ReadonlyMap<string, ReadonlyMap<number, number>>;

/**
 * Commits `positions` as the offsets of `groupId`, so that its consumer next reads from there (e.g.
 * from before a run produced). The group must have no member: stop its consumer first. The broker
 * may take a moment to see a stopped member leave, so a refusal is retried (the last one is in the
 * timeout's message).
 */
export async function moveGroupTo(groupId: string, positions: Positions): Promise<void> {
  await waitFor(
    () =>
      withAdmin(async (admin) => {
        for (const [topic, partitions] of positions)
          await admin.setOffsets({
            groupId,
            topic,
            partitions: [...partitions].map(([partition, offset]) => ({ partition, offset: String(offset) })),
          });
        return true;
      }),
    { timeoutMs: 60_000, intervalMs: 1_000, description: `the offsets of group ${groupId} moved` },
  );
}
