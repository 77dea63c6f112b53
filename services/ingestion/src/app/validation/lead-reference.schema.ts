import { leadId, normalizedEmail } from './common.schema';
import { runOnObjects } from './segment-common.schema';

/** CRM facts name the lead by our leadId or by email (normalized here); at least one is required. */
export const leadReferenceFields = {
  leadId: leadId.optional(),
  email: normalizedEmail.optional(),
};

export const leadOrEmailRequired = {
  check: (fact: unknown): boolean => {
    const { leadId: id, email } = (fact ?? {}) as { leadId?: unknown; email?: unknown };
    return id !== undefined || email !== undefined;
  },
  params: { message: 'leadId or email is required', path: ['leadId'], when: runOnObjects },
};
