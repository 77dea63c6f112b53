import {
  deriveAccountId,
  isDisposableDomain,
  isFreeMailDomain,
  matchAccount,
  type NormalizedDomain,
} from '..';

describe('isFreeMailDomain', () => {
  it.each([
    'gmail.com',
    'googlemail.com',
    'yahoo.com',
    'yahoo.co.uk',
    'yahoo.fr',
    'hotmail.com',
    'hotmail.de',
    'outlook.com',
    'outlook.fr',
    'live.com',
    'live.com.au',
    'icloud.com',
    'me.com',
    'aol.com',
    'proton.me',
    'protonmail.com',
    'gmx.de',
    'gmx.net',
    'web.de',
    'mail.ru',
    'yandex.ru',
    'qq.com',
    '163.com',
    '126.com',
    'naver.com',
    'GMAIL.COM',
  ])('treats %s as free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each([
    'acme.com',
    'google.com',
    'yahooinc.com',
    'live.nation.com',
    'outlook.acme.com',
    'zoho.com',
    'mailchimp.com',
    'gmail.acme.io',
  ])('treats %s as a company domain', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });
});

describe('isDisposableDomain', () => {
  it.each([
    'mailinator.com',
    'guerrillamail.com',
    '10minutemail.com',
    'tempmail.com',
    'temp-mail.org',
    'yopmail.com',
    'sharklasers.com',
    'team.mailinator.com',
  ])('treats %s as disposable', (domain) => {
    expect(isDisposableDomain(domain)).toBe(true);
  });

  it.each(['acme.com', 'gmail.com', 'notmailinator.com', 'mailinator.com.acme.io'])(
    'does not treat %s as disposable',
    (domain) => {
      expect(isDisposableDomain(domain)).toBe(false);
    },
  );
});

describe('matchAccount', () => {
  const acme = deriveAccountId('acme.com' as NormalizedDomain);

  it('matches a corporate email domain and says so', () => {
    expect(matchAccount({ email: ' Jane@ACME.com ' })).toEqual({
      matched: true,
      accountId: acme,
      domain: 'acme.com',
      matchedBy: 'email_domain',
      reason: 'corporate email domain acme.com',
    });
  });

  it.each([
    ['jane@gmail.com', 'gmail.com is a free-mail domain'],
    ['jane@yahoo.co.uk', 'yahoo.co.uk is a free-mail domain'],
    ['jane@mailinator.com', 'mailinator.com is a disposable-mail domain'],
    ['not-an-email', 'email has no @'],
  ])('never matches %s', (email, reason) => {
    expect(matchAccount({ email })).toEqual({ matched: false, reason });
  });

  it('matches a group call by its website trait, ahead of the email domain', () => {
    expect(
      matchAccount({
        email: 'jane@acme-subsidiary.com',
        groupId: 'org_42',
        groupTraits: { name: 'Acme', website: 'https://www.acme.com' },
      }),
    ).toEqual({
      matched: true,
      accountId: acme,
      domain: 'acme.com',
      matchedBy: 'group_call',
      reason: 'group call org_42 with website acme.com',
    });
  });

  it('falls back to the email domain when the group call names no domain', () => {
    const match = matchAccount({ email: 'jane@acme.com', groupId: 'org_42', groupTraits: { name: 'Acme' } });
    expect(match).toMatchObject({ matched: true, matchedBy: 'email_domain', accountId: acme });
  });

  it('explains every reason when nothing matches', () => {
    expect(
      matchAccount({ email: 'jane@gmail.com', groupId: 'org_42', groupTraits: { website: 'gmail.com' } }),
    ).toEqual({
      matched: false,
      reason: 'group call org_42: gmail.com is a free-mail domain; gmail.com is a free-mail domain',
    });
    expect(matchAccount({ groupId: 'org_7' })).toEqual({
      matched: false,
      reason: 'group call org_7 has no usable domain, website or email trait',
    });
    expect(matchAccount({})).toEqual({ matched: false, reason: 'no email and no group call' });
  });
});
