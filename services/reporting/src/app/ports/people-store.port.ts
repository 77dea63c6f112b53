/** The only personal data reporting keeps (from lead-profile), for the people a rep follows up. */
export type Person = {
  readonly leadId: string;
  readonly at: number;
  readonly email: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly title: string | null;
};

/** reporting_people: erasure empties a row for good, and nothing else in reporting is personal. */
export abstract class PeopleStore {
  /** Inserts or replaces each person unless the stored profile is newer (event time) or the person was erased. */
  abstract saveNewer(people: readonly Person[]): Promise<void>;
  abstract deleteMany(leadIds: readonly string[]): Promise<void>;
  /** Drops the PII and keeps a PII-free marker, so a profile arriving after the erasure is never stored. */
  abstract erase(leadIds: readonly string[], at: number): Promise<void>;
  abstract find(leadId: string): Promise<Person | undefined>;
}
