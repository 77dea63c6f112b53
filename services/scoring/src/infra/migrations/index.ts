import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';
import { ScoringTables1764200000000 } from './1764200000000-scoring-tables';
import { ScoringAccounts1764300000000 } from './1764300000000-scoring-accounts';
import { ScoringAccountQueue1764400000000 } from './1764400000000-scoring-account-queue';
import { ScoringLeadsFillfactor1764500000000 } from './1764500000000-scoring-leads-fillfactor';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [
  ...MESSAGING_MIGRATIONS,
  ScoringTables1764200000000,
  ScoringAccounts1764300000000,
  ScoringAccountQueue1764400000000,
  ScoringLeadsFillfactor1764500000000,
];
