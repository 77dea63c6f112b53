import { normalizeEmail, type NormalizedEmail } from './normalize-email';

/** The email an identify call names: traits.email, or a userId that is an email. */
export function emailOfIdentify(
  traits: Readonly<Record<string, unknown>>,
  userId: string | undefined,
): NormalizedEmail | null {
  const fromTraits = traits['email'];
  if (fromTraits !== undefined && fromTraits !== null) {
    const email = normalizeEmail(fromTraits);
    return email.ok ? email.email : null;
  }
  if (userId !== undefined && userId.includes('@')) {
    const email = normalizeEmail(userId);
    if (email.ok) return email.email;
  }
  return null;
}
