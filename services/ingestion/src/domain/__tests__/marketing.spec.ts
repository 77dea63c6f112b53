import { channelOf, parseUtm, type Channel, type Utm } from '..';

const utm = (fields: Partial<Utm>): Utm => ({
  campaign: null,
  source: null,
  medium: null,
  term: null,
  content: null,
  clickId: null,
  ...fields,
});

describe('parseUtm', () => {
  it('reads Segment context.campaign, lower-casing source and medium', () => {
    expect(
      parseUtm({
        campaign: {
          name: ' Spring Launch ',
          source: 'Google',
          medium: 'CPC',
          term: 'crm software',
          content: 'ad-1',
        },
      }),
    ).toEqual(
      utm({
        campaign: 'Spring Launch',
        source: 'google',
        medium: 'cpc',
        term: 'crm software',
        content: 'ad-1',
      }),
    );
  });

  it('fills the gaps from the page URL query', () => {
    expect(
      parseUtm({
        campaign: { name: 'Spring' },
        url: 'https://acme.com/pricing?utm_source=LinkedIn&utm_medium=paid_social&utm_campaign=ignored&utm_content=v2',
      }),
    ).toEqual(utm({ campaign: 'Spring', source: 'linkedin', medium: 'paid_social', content: 'v2' }));
  });

  it('reads a bare path with a query string', () => {
    expect(parseUtm({ url: '/demo?utm_source=newsletter&utm_medium=email&utm_term=a%20b' })).toEqual(
      utm({ source: 'newsletter', medium: 'email', term: 'a b' }),
    );
  });

  it('notes ad-platform click ids', () => {
    expect(parseUtm({ url: 'https://acme.com/?gclid=abc' }).clickId).toBe('gclid');
    expect(parseUtm({ url: 'https://acme.com/?fbclid=abc' }).clickId).toBe('fbclid');
  });

  it.each([[undefined], [null], [''], ['::not a url::'], [42], ['https://acme.com/?utm_source=']])(
    'yields no UTMs from %j',
    (url) => {
      expect(parseUtm({ url, campaign: null })).toEqual(utm({}));
    },
  );
});

describe('channelOf', () => {
  it.each<[string, Partial<Utm>, string | null, Channel]>([
    ['google cpc', { source: 'google', medium: 'cpc' }, null, 'paid_search'],
    ['bing ppc', { source: 'bing', medium: 'ppc' }, null, 'paid_search'],
    ['cpc with unknown source', { source: 'capterra', medium: 'cpc' }, null, 'paid_search'],
    ['gclid only', { clickId: 'gclid' }, 'https://www.google.com/', 'paid_search'],
    ['linkedin paid social', { source: 'linkedin', medium: 'paid_social' }, null, 'paid_social'],
    ['facebook cpc', { source: 'facebook', medium: 'cpc' }, null, 'paid_social'],
    ['fbclid only', { clickId: 'fbclid' }, null, 'paid_social'],
    ['paid with unknown source', { source: 'g2', medium: 'paid' }, null, 'display'],
    ['display banner', { source: 'dv360', medium: 'display' }, null, 'display'],
    ['cpm', { source: 'google', medium: 'cpm' }, null, 'display'],
    ['email medium', { source: 'hubspot', medium: 'email' }, null, 'email'],
    ['newsletter source', { source: 'newsletter' }, null, 'email'],
    ['organic social medium', { source: 'twitter', medium: 'social' }, null, 'social'],
    ['social source without medium', { source: 'linkedin' }, null, 'social'],
    ['organic medium', { source: 'google', medium: 'organic' }, null, 'organic_search'],
    ['search engine source', { source: 'duckduckgo' }, null, 'organic_search'],
    ['referral medium', { source: 'partner-blog', medium: 'referral' }, null, 'referral'],
    ['event medium', { source: 'saastr', medium: 'event' }, null, 'events'],
    ['trade show medium', { source: 'dreamforce', medium: 'tradeshow' }, null, 'events'],
    ['direct utm', { source: '(direct)', medium: '(none)' }, null, 'direct'],
    ['unknown utm', { source: 'podcast', medium: 'audio' }, 'https://www.google.com/', 'other'],
    ['no utm, no referrer', {}, null, 'direct'],
    ['no utm, empty referrer', {}, '  ', 'direct'],
    ['google referrer', {}, 'https://www.google.com/', 'organic_search'],
    ['google.co.uk referrer', {}, 'https://www.google.co.uk/search?q=x', 'organic_search'],
    ['bing referrer', {}, 'https://bing.com/', 'organic_search'],
    ['linkedin referrer', {}, 'https://www.linkedin.com/feed/', 'social'],
    ['lnkd.in referrer', {}, 'https://lnkd.in/abc', 'social'],
    ['t.co referrer', {}, 'https://t.co/xyz', 'social'],
    ['x.com referrer', {}, 'https://x.com/acme', 'social'],
    ['mobile facebook referrer', {}, 'https://m.facebook.com/', 'social'],
    ['webmail referrer', {}, 'https://mail.google.com/', 'email'],
    ['blog referrer', {}, 'https://blog.example.org/post', 'referral'],
    ['host with an x label is not twitter', {}, 'https://x.example.org/', 'referral'],
    ['unreadable referrer', {}, 'not a url', 'other'],
  ])('%s -> %s', (_case, fields, referrer, channel) => {
    expect(channelOf(utm(fields), referrer)).toBe(channel);
  });

  it('lets UTMs win over the referrer', () => {
    expect(channelOf(utm({ source: 'newsletter', medium: 'email' }), 'https://www.google.com/')).toBe(
      'email',
    );
  });
});
