/** Where one partition's rebuild starts (its low watermark when the rebuild began) and must reach (its end then). */
export type PartitionTarget = { readonly partition: number; readonly from: number; readonly to: number };

export type TopicTarget = { readonly topic: string; readonly partitions: readonly PartitionTarget[] };

export type TopicProgress = { readonly topic: string; readonly applied: number; readonly total: number };

/**
 * Progress of a rebuild per topic from the consumer group's committed offsets (topic → partition →
 * next offset to read; a partition with no commit yet counts as not started). Offsets, not event
 * counts: compacted topics have gaps, so `applied` and `total` are offsets covered, and the rebuild
 * is done when every partition's commit reached the end it had when the rebuild began.
 */
export const rebuildProgress = (
  targets: readonly TopicTarget[],
  committed: ReadonlyMap<string, ReadonlyMap<number, number>>,
): { readonly topics: TopicProgress[]; readonly done: boolean } => {
  let done = true;
  const topics = targets.map(({ topic, partitions }) => {
    let applied = 0;
    let total = 0;
    for (const p of partitions) {
      const at = committed.get(topic)?.get(p.partition);
      const reached = at === undefined ? p.from : Math.min(Math.max(at, p.from), p.to);
      applied += reached - p.from;
      total += p.to - p.from;
      if (reached < p.to) done = false;
    }
    return { topic, applied, total };
  });
  return { topics, done };
};
