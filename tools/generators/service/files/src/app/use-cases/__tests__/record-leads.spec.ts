import type { LeadUpserted } from '@smarketing/contracts';
import { LeadStore, type SeenLead } from '../../ports/lead-store.port';
import type { Incoming, __Name__Tx } from '../../ports/transactions.port';
import { RecordLeads } from '../record-leads.use-case';

class MemoryLeads extends LeadStore {
  readonly rows = new Map<string, SeenLead>();
  readonly saved: SeenLead[][] = [];
  async lockMany(leadIds: readonly string[]) {
    const found = new Map<string, SeenLead>();
    for (const id of leadIds) {
      const row = this.rows.get(id);
      if (row) found.set(id, row);
    }
    return found;
  }
  async saveMany(leads: readonly SeenLead[]) {
    this.saved.push([...leads]);
    for (const lead of leads) this.rows.set(lead.leadId, lead);
  }
  async find(leadId: string) {
    return this.rows.get(leadId);
  }
}

// The use case reads only leadId; the rest of the event is irrelevant here.
const upserted = (leadId: string, occurredAt: number, eventId = `${leadId}@${occurredAt}`) =>
  ({ eventId, occurredAt, value: { leadId } as LeadUpserted }) satisfies Incoming<LeadUpserted>;

describe('recording the leads seen on lead-upserted', () => {
  const t0 = Date.UTC(2026, 0, 1);
  let leads: MemoryLeads;
  let tx: __Name__Tx;
  const record = new RecordLeads();

  beforeEach(() => {
    leads = new MemoryLeads();
    tx = { leads };
  });

  it('records a new lead at the time of its event', async () => {
    await record.execute([upserted('lead-1', t0)], tx);
    expect(await leads.find('lead-1')).toEqual({ leadId: 'lead-1', firstSeenAt: t0 });
  });

  it('keeps the earliest time of several events of one lead in a batch, whatever their order', async () => {
    await record.execute(
      [upserted('lead-1', t0 + 2), upserted('lead-1', t0), upserted('lead-1', t0 + 1)],
      tx,
    );
    expect(await leads.find('lead-1')).toEqual({ leadId: 'lead-1', firstSeenAt: t0 });
    expect(leads.saved).toEqual([[{ leadId: 'lead-1', firstSeenAt: t0 }]]);
  });

  it('moves first-seen back when an older event arrives late', async () => {
    await record.execute([upserted('lead-1', t0)], tx);
    await record.execute([upserted('lead-1', t0 - 60_000)], tx);
    expect(await leads.find('lead-1')).toEqual({ leadId: 'lead-1', firstSeenAt: t0 - 60_000 });
  });

  it('writes nothing for a lead it saw earlier', async () => {
    await record.execute([upserted('lead-1', t0)], tx);
    await record.execute([upserted('lead-1', t0 + 60_000), upserted('lead-2', t0)], tx);
    expect(leads.saved[1]).toEqual([{ leadId: 'lead-2', firstSeenAt: t0 }]);
    expect(await leads.find('lead-1')).toEqual({ leadId: 'lead-1', firstSeenAt: t0 });
  });
});
