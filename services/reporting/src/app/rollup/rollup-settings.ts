/** Settings of the roll-up, from the service's configuration. */
export type RollupSettings = {
  /** Money in other currencies is left out of the dashboard (no exchange rates among the inputs). */
  readonly currency: string;
};
