import { leadPatchOfIdentify, mergePatch, placeholderPatch } from '../segment/lead-profile.mapper';
import { parseCrmBody } from '../crm/crm-fact';
import type { InvalidInputError } from '../errors';
import { scrubUrl } from '../segment/touchpoint.mapper';

const identify = (traits: Record<string, unknown>, email: string | null = null) =>
  leadPatchOfIdentify({
    leadId: 'l',
    email: email as never,
    anonymousId: 'a1',
    traits,
    source: 's',
    occurredAt: 1,
  });

describe('lead profile patches', () => {
  it('keeps a group-call account when a later email-domain match arrives', () => {
    const group = {
      ...placeholderPatch('l', undefined, 's', 1),
      accountId: 'acc-group',
      accountDomain: 'parent.com',
      accountMatchedBy: 'group_call' as const,
      accountMatchReason: 'group',
    };
    const merged = mergePatch(group, identify({}, 'x@sub.example.com'));
    expect(merged).toMatchObject({ accountId: 'acc-group', accountMatchedBy: 'group_call' });
  });

  it('lets later traits win, keeps earlier ones that are absent, and accumulates anonymous ids', () => {
    const merged = mergePatch(identify({ firstName: 'Ada', title: 'CTO' }), {
      ...identify({ lastName: 'L' }),
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

  it('normalizes firmographics and keeps unmapped traits as bounded extras', () => {
    expect(
      identify({
        name: 'Grace Brewster Hopper',
        employees: '1,000+',
        country: 'USA',
        industry: 'Banking',
        plan: 'pro',
      }),
    ).toMatchObject({
      firstName: 'Grace',
      lastName: 'Brewster Hopper',
      employeeCount: 1000,
      country: 'US',
      region: 'NA',
      industry: 'financial_services',
      extraTraits: '{"plan":"pro"}',
    });
  });
});

describe('CRM bodies and URLs', () => {
  it('names the item and field of a bad array item', () => {
    try {
      parseCrmBody('sales-activity', [
        { activityId: 'a', email: 'x@y.com', repId: 'r', kind: 'fax', occurredAt: '2025-01-01T00:00:00Z' },
      ]);
      throw new Error('accepted');
    } catch (e) {
      expect((e as InvalidInputError).errors.map((x) => x.path)).toEqual(['[0].kind']);
    }
  });

  it('drops query parameters that may identify a person', () => {
    expect(scrubUrl('https://x.com/p?utm_source=a&email=a%40b.com&ref=me@x.com&firstName=Ada')).toBe(
      'https://x.com/p?utm_source=a',
    );
  });
});
