/**
 * `count` is the lower bound of the range: it never overstates a company's size, which matters
 * because size drives scoring and routing. The range is kept for reporting (`max` null = open-ended).
 */
export type EmployeeCount = { count: number; min: number; max: number | null };

const MAX_PLAUSIBLE = 10_000_000;
const MULTIPLIERS: Readonly<Record<string, number>> = { '': 1, k: 1_000, m: 1_000_000 };

function parseQuantity(raw: string): number | null {
  const match = /^(\d+(?:[.,]\d+)*)\s*([km]?)$/.exec(raw);
  if (!match) return null;
  const digits = match[1] ?? '';
  const multiplier = MULTIPLIERS[match[2] ?? ''] ?? 1;
  let value: number;
  if (/^\d{1,3}([,.]\d{3})+$/.test(digits) && multiplier === 1) {
    value = Number(digits.replace(/[,.]/g, '')); // thousands separators: "1,000", "1.000"
  } else if (multiplier === 1 ? /^\d+$/.test(digits) : /^\d+([.,]\d+)?$/.test(digits)) {
    // Decimals only with a multiplier ("1.5k", "2,5k"): "10.5" people is a typo, "1,00" is ambiguous.
    value = Number(digits.replace(',', '.')) * multiplier;
  } else {
    return null;
  }
  return Number.isFinite(value) ? Math.round(value) : null;
}

function valid(min: number, max: number | null): EmployeeCount | null {
  if (!Number.isSafeInteger(min) || min < 1 || min > MAX_PLAUSIBLE) return null;
  if (max !== null && (!Number.isSafeInteger(max) || max < min || max > MAX_PLAUSIBLE)) return null;
  return { count: min, min, max };
}

/** Parses 250, "250", "1,000", "51-200", "1000+", "10k", "10k-50k", "over 500"; null when unreadable. */
export function parseEmployeeCount(value: unknown): EmployeeCount | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? valid(Math.floor(value), Math.floor(value)) : null;
  }
  if (typeof value !== 'string' || value.length > 100) return null;
  const text = value
    .toLowerCase()
    .replace(/employees?|people|staff/g, '')
    .replace(/[\s_\u00a0\u202f']+(?=\d{3}\b)/g, '') // "1 000", "1'000"
    .trim();
  const openEnded = /^(?:>|over|more than|greater than)\s*(.+)$/.exec(text) ?? /^(.+?)\s*\+$/.exec(text);
  if (openEnded) {
    const min = parseQuantity((openEnded[1] ?? '').trim());
    return min === null ? null : valid(min, null);
  }
  const range = /^(.+?)\s*(?:-|–|—|to)\s*(.+)$/.exec(text);
  if (range) {
    const min = parseQuantity((range[1] ?? '').trim());
    const max = parseQuantity((range[2] ?? '').trim());
    return min === null || max === null ? null : valid(min, max);
  }
  const exact = parseQuantity(text);
  return exact === null ? null : valid(exact, exact);
}
