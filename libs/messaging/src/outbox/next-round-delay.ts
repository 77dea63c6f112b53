/** What the relay knows about the round that just ended. */
export type EndedRound = {
  /** Events the round published (0: the outbox was empty, or another relay holds the lock). */
  readonly published: number;
  /** The relay's batchSize: a round that published this many left more behind. */
  readonly batchSize: number;
  /** How long the round took: lock, read-and-delete, produce requests, commit (retries included). */
  readonly roundMs: number;
  /** The ceiling of the linger (`OutboxRelayOptions.lingerMs`). */
  readonly lingerMs: number;
};

/**
 * The earliest the next round may start, in ms after the ended round finished; until then a
 * `wake()` waits (the idle poll and `wake()` decide when, at or after this, it really starts).
 *
 * The relay rests as long as its last round took, but never past `lingerMs` after that round
 * started. An idle relay's round (one transaction's row) is short, so a commit after it is
 * published almost at once. A round is long when it carried a backlog (many rows) or the broker and
 * database are slow; resting as long keeps the relay busy at most half the time, and whatever
 * commits meanwhile shares the next produce request. The rest follows the load without a threshold,
 * so no rate switches it on and off; and it is never longer than a fixed linger of `lingerMs` (the
 * next round no sooner than that after the last one started), so each hop is never slower for it.
 *
 * No rest after a full round (more is waiting: go on) or an empty one (nothing was sent: the next
 * commit is published at once).
 */
export function nextRoundDelay(round: EndedRound): number {
  if (round.published === 0 || round.published >= round.batchSize) return 0;
  return Math.max(0, Math.min(round.roundMs, round.lingerMs - round.roundMs));
}
