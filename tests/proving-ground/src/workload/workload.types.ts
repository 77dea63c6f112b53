/** One HTTP request of the workload, sent in `at` order (setup first). */
export type Call = {
  readonly service: 'ingestion' | 'routing';
  readonly method: 'POST' | 'PUT' | 'DELETE';
  /** Path and query, e.g. '/v1/identify' or '/v1/leads?email=ada%40acme.example.com'. */
  readonly path: string;
  /** 'write' = Segment write key (Basic), 'admin' = API key with admin+ingest+read (Bearer). */
  readonly auth: 'write' | 'admin';
  /** JSON to send; a string is raw text (the malformed-JSON poison), undefined is no body (DELETE). */
  readonly body: unknown;
  /** Event time (epoch ms), for ordering. */
  readonly at: number;
  /** rejected = a poison call: it must get a 4xx naming the problem. */
  readonly expect: 'accepted' | 'rejected';
};

/** A record produced straight to an intake topic, as a third-party producer writes it. */
export type IntakeRecord = {
  readonly topic: 'intake.segment.v1' | 'intake.crm.v1';
  readonly key: string | null;
  /** JSON text, or garbage for poison. */
  readonly value: string;
  /** poison => must end in ingestion's DLQ `ingestion.<topic>.dlq`. */
  readonly poison: boolean;
};

export type IntakeTopic = IntakeRecord['topic'];

export type Workload = {
  readonly seed: number;
  /** Routing's sales org and rules documents, sent before the traffic. */
  readonly setup: readonly Call[];
  /** Ingestion HTTP calls, sorted by `at`. */
  readonly calls: readonly Call[];
  /** Records produced straight to the intake topics, in event-time order. */
  readonly intake: readonly IntakeRecord[];
  /** Emails erased via the ingestion erasure API (those calls are in `calls`, near the end). */
  readonly erasures: readonly string[];
  readonly expected: {
    readonly poisonCalls: number;
    readonly poisonIntake: { readonly 'intake.segment.v1': number; readonly 'intake.crm.v1': number };
    /** Identified people (distinct emails), erased ones included. */
    readonly leads: number;
  };
};
