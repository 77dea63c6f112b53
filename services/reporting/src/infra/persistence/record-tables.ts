import type {
  AccountRecord,
  CostRecord,
  CreditRecord,
  SlaRecord,
  VolumeRecord,
} from '../../domain/fact-records';
import type { LeadRecord } from '../../domain/lead-record';
import type { OpportunityRecord } from '../../domain/opportunity-record';
import type { RecordTable } from './pg-record-store';

// Each read-model table: its key and the columns its indexes need (Tier 1 coverage reads
// reporting_account_activity, written with the roll-up: src/app/rollup/apply-changes.ts).

export const LEADS: RecordTable<LeadRecord> = {
  table: 'reporting_leads',
  key: 'lead_id',
  keyOf: (r) => r.leadId,
  columns: [],
};

export const OPPORTUNITIES: RecordTable<OpportunityRecord> = {
  table: 'reporting_opportunities',
  key: 'opportunity_id',
  keyOf: (r) => r.opportunityId,
  columns: [],
};

export const COSTS: RecordTable<CostRecord> = {
  table: 'reporting_costs',
  key: 'cost_id',
  keyOf: (r) => r.costId,
  columns: [],
};

export const CREDITS: RecordTable<CreditRecord> = {
  table: 'reporting_credits',
  key: 'conversion_id',
  keyOf: (r) => r.conversionId,
  columns: [],
};

export const SLA: RecordTable<SlaRecord> = {
  table: 'reporting_sla',
  key: 'sla_key',
  keyOf: (r) => r.key,
  columns: [
    { name: 'status', type: 'text', of: (r) => r.status.status },
    { name: 'due_at', type: 'timestamptz', of: (r) => r.status.dueAt },
  ],
};

export const VOLUME: RecordTable<VolumeRecord> = {
  table: 'reporting_volume',
  key: 'volume_key',
  keyOf: (r) => r.key,
  columns: [{ name: 'period_start', type: 'timestamptz', of: (r) => r.evaluation.periodStart }],
};

export const ACCOUNTS: RecordTable<AccountRecord> = {
  table: 'reporting_accounts',
  key: 'account_id',
  keyOf: (r) => r.accountId,
  columns: [
    { name: 'tier', type: 'text', of: (r) => r.tier },
    { name: 'band', type: 'text', of: (r) => r.band },
  ],
};
