// Throw-away inbox services; a sign-up from one of them is not a reachable lead.
const DISPOSABLE_DOMAINS = new Set([
  'mailinator.com', 'mailinator.net', 'guerrillamail.com', 'guerrillamail.net', 'guerrillamail.org', 'guerrillamail.biz',
  'guerrillamail.de', 'guerrillamail.info', 'guerrillamailblock.com', 'sharklasers.com', 'grr.la', 'spam4.me',
  '10minutemail.com', '10minutemail.net', '10minutemail.co.uk', '20minutemail.com', 'tempmail.com', 'tempmail.net',
  'temp-mail.org', 'temp-mail.io', 'tempmail.dev', 'tempail.com', 'tempr.email', 'tempinbox.com', 'throwawaymail.com',
  'yopmail.com', 'yopmail.fr', 'yopmail.net', 'trashmail.com', 'trashmail.de', 'trashmail.net', 'dispostable.com',
  'maildrop.cc', 'getnada.com', 'nada.email', 'mohmal.com', 'fakeinbox.com', 'mintemail.com', 'mailnesia.com',
  'emailondeck.com', 'spamgourmet.com', 'discard.email', 'mailcatch.com', 'moakt.com', 'burnermail.io', 'mytemp.email',
  'spambox.us', 'mailpoof.com', '1secmail.com', '1secmail.net', 'getairmail.com', 'inboxkitten.com', 'emailfake.com',
  'fakemail.net', 'jetable.org', 'mailtemp.net', 'tmail.ws', 'tmpmail.org', 'tmpmail.net', 'dropmail.me', 'mailsac.com',
  'harakirimail.com', 'incognitomail.org', 'spamex.com', 'mvrht.com', 'armyspy.com', 'cuvox.de', 'dayrep.com',
  'einrot.com', 'fleckens.hu', 'gustr.com', 'jourrapide.com', 'rhyta.com', 'superrito.com', 'teleworm.us',
]);

/** True for throw-away inbox services, including their subdomains (anything.mailinator.com). */
export function isDisposableDomain(domain: string): boolean {
  const labels = domain.trim().toLowerCase().replace(/\.$/, '').split('.');
  for (let i = 0; i < labels.length - 1; i += 1) {
    if (DISPOSABLE_DOMAINS.has(labels.slice(i).join('.'))) return true;
  }
  return false;
}
