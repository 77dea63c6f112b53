import type { LeadUpserted } from '@smarketing/contracts';
import type { LeadProfile, PropertyValue } from '../../domain';

const MAX_PROPERTIES = 50;
const MAX_VALUE_LENGTH = 200;

/** Scalar traits only (what property rules can test), bounded; anything unparsable is dropped. */
const propertiesOf = (extraTraits: string | null): Record<string, PropertyValue> => {
  if (extraTraits === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(extraTraits);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const properties: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(parsed).slice(0, MAX_PROPERTIES)) {
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
      properties[key] = value;
    else if (typeof value === 'string' && value.length <= MAX_VALUE_LENGTH) properties[key] = value;
  }
  return properties;
};

/**
 * What scoring keeps of a lead's profile: the fields models can test. lead-upserted carries no
 * personal data (the email, names and title are on the profile topic, which scoring does not read);
 * the email's domain is enough for competitor and domain rules.
 */
export const profileFromLeadUpserted = (event: LeadUpserted): LeadProfile => {
  const emailDomain = event.emailDomain?.trim().toLowerCase() || undefined;
  return {
    ...(emailDomain ? { emailDomain } : {}),
    isFreeMail: event.isFreeMail,
    ...(event.isStudent === null ? {} : { isStudent: event.isStudent }),
    seniority: event.seniority,
    ...(event.employeeCount === null ? {} : { employeeCount: event.employeeCount }),
    ...(event.industry === null ? {} : { industry: event.industry }),
    ...(event.country === null ? {} : { country: event.country.toUpperCase() }),
    region: event.region,
    properties: propertiesOf(event.extraTraits),
  };
};
