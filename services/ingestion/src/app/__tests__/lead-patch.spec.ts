import { parseCrmBody } from '../crm/crm-fact';
import type { InvalidInputError } from '../errors';
import { leadPatchOfIdentify } from '../segment/lead-profile.mapper';
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
