/** A decoded event with the metadata every handler may need. */
export type Envelope<V> = {
  readonly eventId: string;
  readonly eventType: string;
  /** Event time (the `occurred-at` header), epoch milliseconds. */
  readonly occurredAt: number;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: V;
};
