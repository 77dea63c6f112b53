import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';
import { __Name__Leads__timestamp__ } from './__timestamp__-__name__-leads';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [...MESSAGING_MIGRATIONS, __Name__Leads__timestamp__];
