export type MinorUnitsResult =
  { ok: true; amountMinor: number; currency: string } | { ok: false; reason: string };

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

// The currency's exponent (USD 2, JPY 0, BHD 3) comes from the runtime's ISO 4217 data via Intl.
function exponentOf(currency: string): number | null {
  if (!/^[A-Z]{3}$/.test(currency) || !Intl.supportedValuesOf('currency').includes(currency)) return null;
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
    null
  );
}

/**
 * Converts a decimal amount ("1234.5", 99.99) into integer minor units of its currency.
 * Done on the digits, never with floating-point multiplication, so 0.29 USD is exactly 29.
 * More decimals than the currency has are rejected rather than rounded: money is not guessed.
 */
export function toMinorUnits(amount: string | number, currencyCode: string): MinorUnitsResult {
  const currency = currencyCode.trim().toUpperCase();
  const exponent = exponentOf(currency);
  if (exponent === null) return { ok: false, reason: `${currencyCode} is not an ISO 4217 currency code` };
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? String(amount) : '') : amount.trim();
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, reason: 'amount must be a non-negative decimal number such as 1234.56' };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > exponent)
    return { ok: false, reason: `${currency} amounts have at most ${exponent} decimal places` };
  const amountMinor = Number(whole + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(amountMinor)) return { ok: false, reason: 'amount is too large' };
  return { ok: true, amountMinor, currency };
}
