import { prepared, type TxContext } from '@smarketing/messaging';
import { PeopleStore, type Person } from '../../app/ports/people-store.port';

const SAVE = prepared(
  'reporting.people.save',
  `INSERT INTO reporting_people (lead_id, at, email, first_name, last_name, title)
   SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[])
   ON CONFLICT (lead_id) DO UPDATE SET at = EXCLUDED.at, email = EXCLUDED.email, first_name = EXCLUDED.first_name,
     last_name = EXCLUDED.last_name, title = EXCLUDED.title
   WHERE reporting_people.erased_at IS NULL AND reporting_people.at <= EXCLUDED.at`,
);
const ERASE = prepared(
  'reporting.people.erase',
  `INSERT INTO reporting_people (lead_id, at, erased_at)
   SELECT id, $2::timestamptz, $2::timestamptz FROM unnest($1::text[]) AS id
   ON CONFLICT (lead_id) DO UPDATE SET email = NULL, first_name = NULL, last_name = NULL, title = NULL,
     erased_at = LEAST(COALESCE(reporting_people.erased_at, EXCLUDED.erased_at), EXCLUDED.erased_at)`,
);
const DELETE = prepared(
  'reporting.people.delete',
  `DELETE FROM reporting_people WHERE lead_id = ANY($1::text[])`,
);
const FIND = prepared(
  'reporting.people.find',
  `SELECT lead_id, (extract(epoch FROM at) * 1000)::float8 AS at, email, first_name, last_name, title
   FROM reporting_people WHERE lead_id = $1 AND erased_at IS NULL`,
);

type Row = {
  lead_id: string;
  at: number;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
};

export class PgPeopleStore extends PeopleStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async saveNewer(people: readonly Person[]): Promise<void> {
    // One row per lead per statement (ON CONFLICT cannot touch a row twice): the newest wins.
    const newest = new Map<string, Person>();
    for (const p of people) {
      const known = newest.get(p.leadId);
      if (!known || known.at <= p.at) newest.set(p.leadId, p);
    }
    const rows = [...newest.values()].sort((a, b) => (a.leadId < b.leadId ? -1 : 1));
    if (!rows.length) return;
    await this.sql.query(SAVE, [
      rows.map((p) => p.leadId),
      rows.map((p) => new Date(p.at).toISOString()),
      rows.map((p) => p.email),
      rows.map((p) => p.firstName),
      rows.map((p) => p.lastName),
      rows.map((p) => p.title),
    ]);
  }

  async deleteMany(leadIds: readonly string[]): Promise<void> {
    if (leadIds.length) await this.sql.query(DELETE, [[...leadIds]]);
  }

  async erase(leadIds: readonly string[], at: number): Promise<void> {
    if (leadIds.length)
      await this.sql.query(ERASE, [[...new Set(leadIds)].sort(), new Date(at).toISOString()]);
  }

  async find(leadId: string): Promise<Person | undefined> {
    const [r] = await this.sql.query<Row>(FIND, [leadId]);
    return (
      r && {
        leadId: r.lead_id,
        at: r.at,
        email: r.email,
        firstName: r.first_name,
        lastName: r.last_name,
        title: r.title,
      }
    );
  }
}
