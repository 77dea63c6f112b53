/**
 * Trait names that identify a person or reach them: contact details, postal addresses, names,
 * government and network identifiers, birth dates, social handles, photos. Matched against the
 * trait's name with separators removed and in lower case, so `phone_number`, `phoneNumber` and
 * `Phone-Number` are one name.
 */
const PERSONAL_NAME = new RegExp(
  [
    // Contained anywhere in the name: long enough not to occur inside unrelated words.
    '(email|phone|mobile|whatsapp|telegram|skype|address|street|zipcode|postal|postcode|firstname|lastname|fullname|middlename|maidenname|nickname|username|birth|passport|nationalid|taxid|iban|creditcard|cardnumber|linkedin|twitter|facebook|instagram|github|avatar|photo|picture|latitude|longitude)',
    // The whole name: short words that occur inside unrelated ones (age in page, ssn in classname).
    '^(mail|cell|fax|zip|city|name|dob|age|gender|ssn|vat|vatid|ip|geo|location|home)$',
  ].join('|'),
);

const EMAIL_VALUE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
// Seven or more digits, with the usual separators: a phone number, an account or card number.
const NUMBER_VALUE = /(?:\+?\d[\s().-]*){7,}/;
// A date or a timestamp (ISO 8601, or epoch milliseconds as text) is not a number that reaches anyone.
const DATE_VALUE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

const normalizedName = (name: string): string => name.toLowerCase().replace(/[\s_.-]+/g, '');

/** True when a trait, by its name or by its value, can identify a person. */
export function isPersonalTrait(name: string, value: unknown): boolean {
  if (PERSONAL_NAME.test(normalizedName(name))) return true;
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : '';
  return EMAIL_VALUE.test(text) || (NUMBER_VALUE.test(text) && !DATE_VALUE.test(text));
}

export type SplitTraits = {
  /** The traits that identify nobody, for the event streams (a JSON object), or null. */
  readonly traits: string | null;
  /** The traits that can identify a person, for the profile topic only (a JSON object), or null. */
  readonly personal: string | null;
};

/**
 * Splits a lead's unmapped traits (a JSON object, as stored) into those that may travel on the
 * event streams and those that stay on the compacted profile topic, by `isPersonalTrait`. When in
 * doubt a trait is personal: a rule that needs it can be given it as a mapped, non-identifying
 * attribute instead. Anything that is not a JSON object is personal as a whole.
 */
export function splitPersonalTraits(json: string | null): SplitTraits {
  if (json === null) return { traits: null, personal: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { traits: null, personal: json };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { traits: null, personal: json };
  // Built from entries, not by assignment: a trait named `__proto__` stays a trait (assigning it
  // would set the object's prototype and drop the trait).
  const traits: [string, unknown][] = [];
  const personal: [string, unknown][] = [];
  for (const entry of Object.entries(parsed))
    (isPersonalTrait(entry[0], entry[1]) ? personal : traits).push(entry);
  const text = (entries: [string, unknown][]) =>
    entries.length ? JSON.stringify(Object.fromEntries(entries)) : null;
  return { traits: text(traits), personal: text(personal) };
}
