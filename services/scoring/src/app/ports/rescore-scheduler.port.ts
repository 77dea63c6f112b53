/** Starts pending re-scoring jobs now rather than at the next poll. */
export abstract class RescoreScheduler {
  abstract wake(): void;
}
