import fc from 'fast-check';
import {
  ACCOUNT_ID_NAMESPACE,
  ANONYMOUS_LEAD_ID_NAMESPACE,
  LEAD_ID_NAMESPACE,
  anonymousLeadId,
  deriveAccountId,
  deriveLeadId,
  normalizeDomain,
  normalizeEmail,
  uuidV5,
  type NormalizedDomain,
  type NormalizedEmail,
} from '..';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

function validEmail(raw: string): NormalizedEmail {
  const result = normalizeEmail(raw);
  if (!result.ok) throw new Error(`expected ${raw} to be valid: ${result.reason}`);
  return result.email;
}

describe('uuidV5', () => {
  // Vectors produced by the uuid package's v5, which this implementation replaces in tests.
  it.each([
    ['www.example.com', DNS_NAMESPACE, '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
    ['a', DNS_NAMESPACE, '4f3f2898-69e3-5a0d-820a-c4e87987dbce'],
    ['lead.smarketing.dev', DNS_NAMESPACE, LEAD_ID_NAMESPACE],
    ['account.smarketing.dev', DNS_NAMESPACE, ACCOUNT_ID_NAMESPACE],
    ['anonymous-lead.smarketing.dev', DNS_NAMESPACE, ANONYMOUS_LEAD_ID_NAMESPACE],
    ['jane.doe@acme.com', LEAD_ID_NAMESPACE, '3d3e1eb9-69ba-5090-9c3b-c6e3ec52634e'],
    ['ünïcødé@exämple.com', LEAD_ID_NAMESPACE, '9fd91acd-c472-5af6-9e67-fa3cee9fdf0e'],
  ])('matches the uuid package for %s', (name, namespace, expected) => {
    expect(uuidV5(name, namespace)).toBe(expected);
  });

  it('produces version 5, RFC-variant UUIDs', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(uuidV5(name, LEAD_ID_NAMESPACE)).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
      }),
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(RangeError);
  });
});

describe('normalizeEmail', () => {
  it.each([
    ['  Jane.Doe@ACME.com ', 'jane.doe@acme.com', 'acme.com'],
    ['jane doe@acme.com', 'janedoe@acme.com', 'acme.com'],
    ['JANE+news@Acme.Co.UK', 'jane+news@acme.co.uk', 'acme.co.uk'],
    ['jane\u200B@acme.com', 'jane@acme.com', 'acme.com'],
    ["o'brien@acme.io", "o'brien@acme.io", 'acme.io'],
    ['jürgen@müller.de', 'jürgen@müller.de', 'müller.de'],
    ['a@b.xn--p1ai', 'a@b.xn--p1ai', 'b.xn--p1ai'],
  ])('normalizes %j to %s', (raw, email, domain) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, email, localPart: email.split('@')[0], domain });
  });

  it.each([
    [42, 'email is not a string'],
    ['', 'email is empty'],
    ['   ', 'email is empty'],
    ['jane.acme.com', 'email has no @'],
    ['@acme.com', 'email has nothing before the @'],
    ['jane@acme', 'email domain has no dot'],
    ['jane@@acme.com', 'email local part has invalid characters or dots'],
    ['.jane@acme.com', 'email local part has invalid characters or dots'],
    ['ja..ne@acme.com', 'email local part has invalid characters or dots'],
    ['jane@-acme.com', 'email domain is not a valid host name'],
    ['jane@acme..com', 'email domain is not a valid host name'],
    ['jane@acme.c', 'email domain has an invalid top-level domain'],
    ['jane@acme.123', 'email domain has an invalid top-level domain'],
    [`${'x'.repeat(65)}@acme.com`, 'email local part is longer than 64 characters'],
    [`jane@${'a'.repeat(250)}.com`, 'email is longer than 254 characters'],
  ])('rejects %j with the reason "%s"', (raw, reason) => {
    expect(normalizeEmail(raw)).toEqual({ ok: false, reason });
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string()), (raw) => {
        const once = normalizeEmail(raw);
        if (!once.ok) return;
        expect(normalizeEmail(once.email)).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('deriveLeadId', () => {
  it('is stable under case and space changes of the email', () => {
    const variant = fc
      .tuple(
        fc.emailAddress(),
        fc.array(fc.boolean(), { maxLength: 80 }),
        fc.array(fc.constantFrom(' ', '\t', '\u00a0'), { maxLength: 3 }),
      )
      .map(([email, upper, pad]) => ({
        email,
        variant:
          pad.join('') + [...email].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('') + pad.join(''),
      }));
    fc.assert(
      fc.property(variant, ({ email, variant: changed }) => {
        const original = normalizeEmail(email);
        const other = normalizeEmail(changed);
        if (!original.ok) return;
        expect(other.ok).toBe(true);
        if (other.ok) expect(deriveLeadId(other.email)).toBe(deriveLeadId(original.email));
      }),
      { numRuns: 500 },
    );
  });

  it('gives different people different leadIds', () => {
    expect(deriveLeadId(validEmail('jane@acme.com'))).not.toBe(deriveLeadId(validEmail('john@acme.com')));
  });

  it('pins the leadId of a known email so a namespace change cannot slip through', () => {
    expect(deriveLeadId(validEmail(' Jane.Doe@ACME.com'))).toBe('3d3e1eb9-69ba-5090-9c3b-c6e3ec52634e');
  });
});

describe('deriveAccountId and anonymousLeadId', () => {
  it('derives one account id per domain, whatever the website spelling', () => {
    const ids = ['acme.com', 'https://www.Acme.com/about', 'ACME.COM.', 'jane@acme.com'].map((value) =>
      deriveAccountId(normalizeDomain(value) as NormalizedDomain),
    );
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBe(uuidV5('acme.com', ACCOUNT_ID_NAMESPACE));
  });

  it('keeps lead, account and anonymous ids apart for the same text', () => {
    const text = 'acme.com';
    const ids = [
      deriveLeadId(text as NormalizedEmail),
      deriveAccountId(text as NormalizedDomain),
      anonymousLeadId(text),
    ];
    expect(new Set(ids).size).toBe(3);
  });

  it('uses the anonymousId exactly as sent', () => {
    expect(anonymousLeadId('ABC-123')).toBe(uuidV5('ABC-123', ANONYMOUS_LEAD_ID_NAMESPACE));
    expect(anonymousLeadId('ABC-123')).not.toBe(anonymousLeadId('abc-123'));
  });
});

describe('normalizeDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['  ACME.com ', 'acme.com'],
    ['https://www.acme.com/about?x=1', 'acme.com'],
    ['http://acme.com:8080', 'acme.com'],
    ['www2.acme.co.uk', 'acme.co.uk'],
    ['//cdn.acme.io/path', 'cdn.acme.io'],
    ['sales@acme.com', 'acme.com'],
  ])('normalizes %j to %s', (raw, expected) => {
    expect(normalizeDomain(raw)).toBe(expected);
  });

  it.each([[''], ['acme'], ['not a domain'], ['http://'], [null], [17], ['acme.c']])('rejects %j', (raw) => {
    expect(normalizeDomain(raw)).toBeNull();
  });
});
