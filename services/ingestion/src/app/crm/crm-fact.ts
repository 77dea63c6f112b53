import { createHash } from 'node:crypto';
import { InvalidInputError } from '../errors';
import {
  parseCampaignCost,
  parseDisposition,
  parseOpportunity,
  parseSalesActivity,
  type CampaignCost,
  type Disposition,
  type Opportunity,
  type SalesActivity,
  type ValidationError,
  type ValidationResult,
} from '../validation';

export type CrmKind = 'sales-activity' | 'disposition' | 'opportunity' | 'campaign-cost';
export const CRM_KINDS: readonly CrmKind[] = [
  'sales-activity',
  'disposition',
  'opportunity',
  'campaign-cost',
];

export type CrmFact =
  | { readonly kind: 'sales-activity'; readonly value: SalesActivity; readonly fingerprint: string }
  | { readonly kind: 'disposition'; readonly value: Disposition; readonly fingerprint: string }
  | { readonly kind: 'opportunity'; readonly value: Opportunity; readonly fingerprint: string }
  | { readonly kind: 'campaign-cost'; readonly value: CampaignCost; readonly fingerprint: string };

const PARSERS: {
  [K in CrmKind]: (input: unknown) => ValidationResult<Extract<CrmFact, { kind: K }>['value']>;
} = {
  'sales-activity': parseSalesActivity,
  disposition: parseDisposition,
  opportunity: parseOpportunity,
  'campaign-cost': parseCampaignCost,
};

/** Same input bytes, same fingerprint: repeats of a full-state fact (opportunity, cost) are idempotent. */
const fingerprintOf = (input: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(input) ?? '')
    .digest('hex')
    .slice(0, 32);

export function parseCrmFact(
  kind: CrmKind,
  input: unknown,
): { ok: true; fact: CrmFact } | { ok: false; errors: ValidationError[] } {
  const parsed = PARSERS[kind](input);
  if (!parsed.ok) return parsed;
  return { ok: true, fact: { kind, value: parsed.value, fingerprint: fingerprintOf(input) } as CrmFact };
}

/** A body of one fact or an array of up to 500; errors of an array name the item (`[3].repId`). */
export function parseCrmBody(kind: CrmKind, body: unknown): CrmFact[] {
  const items = Array.isArray(body) ? body : [body];
  if (Array.isArray(body) && (body.length === 0 || body.length > 500)) {
    throw new InvalidInputError([{ path: '(root)', message: 'must contain between 1 and 500 items' }]);
  }
  const facts: CrmFact[] = [];
  const errors: ValidationError[] = [];
  items.forEach((item, i) => {
    const parsed = parseCrmFact(kind, item);
    if (parsed.ok) facts.push(parsed.fact);
    else
      errors.push(
        ...parsed.errors.map((e) =>
          Array.isArray(body)
            ? {
                ...e,
                path: e.path === '(root)' ? `[${i}]` : `[${i}]${e.path.startsWith('[') ? '' : '.'}${e.path}`,
              }
            : e,
        ),
      );
  });
  if (errors.length) throw new InvalidInputError(errors.slice(0, 100));
  return facts;
}

/** The idempotency key of a fact: its CRM id, plus the content for facts that carry a full state. */
export function crmFactKey(fact: CrmFact): string {
  switch (fact.kind) {
    case 'sales-activity':
      return `sales-activity:${fact.value.activityId}`;
    case 'disposition':
      return `disposition:${fact.value.dispositionId}`;
    case 'opportunity':
      return `opportunity:${fact.value.opportunityId}:${fact.fingerprint}`;
    case 'campaign-cost':
      return `campaign-cost:${fact.value.costId}:${fact.fingerprint}`;
    default: {
      const unreachable: never = fact;
      return unreachable;
    }
  }
}
