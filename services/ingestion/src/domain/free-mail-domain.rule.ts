// Providers that hand out addresses to anyone, so their domain says nothing about an employer.
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'ymail.com', 'rocketmail.com', 'hotmail.com', 'outlook.com', 'live.com',
  'msn.com', 'passport.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'aim.com', 'proton.me', 'protonmail.com',
  'protonmail.ch', 'pm.me', 'tutanota.com', 'tutanota.de', 'tuta.io', 'gmx.com', 'gmx.net', 'gmx.de', 'web.de',
  'mail.com', 'email.com', 'usa.com', 'zohomail.com', 'fastmail.com', 'hey.com', 'mail.ru', 'inbox.ru', 'list.ru',
  'bk.ru', 'rambler.ru', 'yandex.ru', 'yandex.com', 'ya.ru', 'ukr.net', 'qq.com', 'foxmail.com', '163.com', '126.com',
  'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', 'naver.com', 'daum.net', 'hanmail.net', 'rediffmail.com',
  'libero.it', 'virgilio.it', 'tiscali.it', 'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr',
  't-online.de', 'freenet.de', 'btinternet.com', 'sky.com', 'virginmedia.com', 'ntlworld.com', 'comcast.net',
  'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'charter.net', 'earthlink.net', 'juno.com',
  'shaw.ca', 'rogers.com', 'sympatico.ca', 'bigpond.com', 'optusnet.com.au', 'seznam.cz', 'wp.pl', 'o2.pl', 'onet.pl',
  'interia.pl', 'bol.com.br', 'uol.com.br', 'terra.com.br', 'hushmail.com', 'mailfence.com', 'posteo.de', 'mailbox.org',
]);

// Brands that exist under many country suffixes: hotmail.fr, yahoo.co.uk, outlook.de, gmx.at.
const FREE_MAIL_BRANDS = new Set(['gmail', 'googlemail', 'yahoo', 'ymail', 'hotmail', 'outlook', 'live', 'msn', 'aol', 'gmx', 'yandex', 'protonmail', 'icloud']);

/** True for consumer mailbox providers (gmail.com, yahoo.co.uk, ...). Expects a lower-case domain. */
export function isFreeMailDomain(domain: string): boolean {
  const host = domain.trim().toLowerCase().replace(/\.$/, '');
  if (FREE_MAIL_DOMAINS.has(host)) return true;
  const [brand, ...suffix] = host.split('.');
  // Only a public suffix may follow the brand ("co.uk", "com.br", "fr"), so live.nation.com stays corporate.
  return brand !== undefined && FREE_MAIL_BRANDS.has(brand) && suffix.length >= 1 && suffix.length <= 2 && suffix.every((label) => /^[a-z]{2,3}$/.test(label));
}
