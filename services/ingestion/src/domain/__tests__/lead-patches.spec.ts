import {
  emailOfIdentify,
  mergePatch,
  mergePlaceholders,
  needsPlaceholder,
  placeholderPatch,
  resolveLead,
  userPlaceholderId,
  anonymousLeadId,
  deriveLeadId,
  type LeadPatch,
  type NormalizedEmail,
} from '..';

const patch = (fields: Partial<LeadPatch> = {}): LeadPatch => ({
  ...placeholderPatch('l', 'a1', 's', 1),
  ...fields,
});

describe('lead patches', () => {
  it('keeps a group-call account when a later email-domain match arrives', () => {
    const group = {
      ...placeholderPatch('l', undefined, 's', 1),
      accountId: 'acc-group',
      accountDomain: 'parent.com',
      accountMatchedBy: 'group_call' as const,
      accountMatchReason: 'group',
    };
    const byEmail = patch({
      email: 'x@sub.example.com',
      accountId: 'acc-email',
      accountDomain: 'sub.example.com',
      accountMatchedBy: 'email_domain',
      accountMatchReason: 'email domain',
    });
    expect(mergePatch(group, byEmail)).toMatchObject({
      accountId: 'acc-group',
      accountMatchedBy: 'group_call',
    });
  });

  it('lets later traits win, keeps earlier ones that are absent, and accumulates anonymous ids', () => {
    const merged = mergePatch(patch({ firstName: 'Ada', title: 'CTO', seniority: 'c_level_vp' }), {
      ...patch({ lastName: 'L' }),
      anonymousIds: ['a2'],
    });
    expect(merged).toMatchObject({
      firstName: 'Ada',
      lastName: 'L',
      title: 'CTO',
      seniority: 'c_level_vp',
      anonymousIds: ['a1', 'a2'],
    });
  });

  it('needs a placeholder for an unknown lead or a new anonymousId only', () => {
    expect(needsPlaceholder(undefined, undefined)).toBe(true);
    expect(needsPlaceholder(patch(), 'a1')).toBe(false);
    expect(needsPlaceholder(patch(), undefined)).toBe(false);
    expect(needsPlaceholder(patch(), 'a2')).toBe(true);
  });
});

describe('identity resolution', () => {
  const none = { anonymous: new Map<string, string>(), user: new Map<string, string>() };
  const email = 'ada@example.com' as NormalizedEmail;

  it('takes the email an identify names, from traits or from an email-like userId', () => {
    expect(emailOfIdentify({ email: ' Ada@Example.com ' }, undefined)).toBe(email);
    expect(emailOfIdentify({}, 'ada@example.com')).toBe(email);
    expect(emailOfIdentify({}, 'user-7')).toBeNull();
    expect(emailOfIdentify({ email: 'not an email' }, 'ada@example.com')).toBeNull();
  });

  it('resolves an email to its lead, with the ids its userId and anonymousId point at as merge candidates', () => {
    const known = { anonymous: new Map([['a1', 'lead-a']]), user: new Map<string, string>() };
    expect(resolveLead({ userId: 'u1', anonymousId: 'a1', email }, known)).toEqual({
      leadId: deriveLeadId(email),
      candidates: [userPlaceholderId('u1'), 'lead-a'],
    });
  });

  it('resolves a call without email to the linked lead, else to the userId placeholder, else the anonymousId one', () => {
    const known = { anonymous: new Map([['a1', 'lead-a']]), user: new Map([['u1', 'lead-u']]) };
    expect(resolveLead({ userId: 'u1', anonymousId: 'a1', email: null }, known).leadId).toBe('lead-u');
    expect(resolveLead({ anonymousId: 'a1', email: null }, known).leadId).toBe('lead-a');
    expect(resolveLead({ userId: 'u2', anonymousId: 'a2', email: null }, none)).toEqual({
      leadId: userPlaceholderId('u2'),
      candidates: [],
    });
    expect(resolveLead({ anonymousId: 'a2', email: null }, none).leadId).toBe(anonymousLeadId('a2'));
  });
});

describe('placeholder merging', () => {
  it('merges known placeholders without email that were not merged before, gaining their anonymous ids', () => {
    const result = mergePlaceholders(
      [
        { leadId: 'p1', lead: patch({ leadId: 'p1', anonymousIds: ['a1', 'a2'] }), mergedInto: null },
        { leadId: 'known', lead: patch({ leadId: 'known', email: 'b@example.com' }), mergedInto: null },
        { leadId: 'gone', lead: patch({ leadId: 'gone' }), mergedInto: 'other' },
        { leadId: 'unknown', lead: undefined, mergedInto: null },
      ],
      'a3',
    );
    expect(result).toEqual({ merged: ['p1'], anonymousIds: ['a1', 'a2', 'a3'] });
  });

  it('merges nothing, not even the call anonymousId, without a placeholder', () => {
    expect(mergePlaceholders([{ leadId: 'x', lead: undefined, mergedInto: null }], 'a1')).toEqual({
      merged: [],
      anonymousIds: [],
    });
  });
});
