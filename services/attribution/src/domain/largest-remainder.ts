/** Amounts below this split in floating point exactly (every part and sum is an integer under 2^53). */
const FAST_LIMIT = 2n ** 40n;

/**
 * Splits an amount of minor units (an integer) in proportion to non-negative weights so that the
 * parts are integers summing to the amount exactly: each part is the floor of its quota, and the
 * units left over go one each to the largest fractional remainders (ties: the earlier part).
 * Amounts up to 2^40 minor units are split in doubles (the hot path: every credit of every
 * model); larger ones up to the full Avro long in bigint.
 */
export const largestRemainder = (amount: bigint, weights: readonly number[]): bigint[] => {
  const n = weights.length;
  if (n === 0) return [];
  let sum = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError('weights must be finite and non-negative');
    sum += w;
  }
  const sign = amount < 0n ? -1n : 1n;
  const abs = amount * sign;
  const parts = abs < FAST_LIMIT ? splitSmall(Number(abs), weights, sum) : splitLarge(abs, weights, sum);
  return sign === 1n ? parts : parts.map((p) => -p);
};

/**
 * Hands out the units left over after flooring, one each down `order` (largest remainder first).
 * A negative leftover (a quota floored up by floating-point noise) takes units back from the
 * smallest remainders, never from a part that is already zero.
 */
const settle = <T extends number | bigint>(
  parts: T[],
  order: readonly number[],
  left: number,
  one: T,
): void => {
  const add = (i: number, sign: 1 | -1) => {
    const p = parts[i] as T;
    parts[i] = (
      typeof p === 'bigint' ? p + BigInt(sign) * (one as bigint) : (p as number) + sign * (one as number)
    ) as T;
  };
  for (let k = 0; k < left; k++) add(order[k % order.length] ?? 0, 1);
  let owed = -left;
  for (let k = order.length - 1; owed > 0 && k >= 0; k--) {
    const i = order[k] ?? 0;
    if (parts[i] !== (typeof one === 'bigint' ? 0n : 0)) {
      add(i, -1);
      owed--;
    }
  }
};

const splitSmall = (amount: number, weights: readonly number[], sum: number): bigint[] => {
  const n = weights.length;
  const parts = new Array<number>(n);
  const rem = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const q = sum > 0 ? (amount * (weights[i] ?? 0)) / sum : amount / n;
    const f = Math.floor(q);
    parts[i] = f;
    rem[i] = q - f;
    given += f;
  }
  const left = amount - given;
  if (left !== 0) {
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (rem[b] ?? 0) - (rem[a] ?? 0) || a - b,
    );
    settle(parts, order, left, 1);
  }
  return parts.map((p) => BigInt(p));
};

const splitLarge = (amount: bigint, weights: readonly number[], sum: number): bigint[] => {
  // Weights become integers on a common scale (2^40 keeps ~12 significant digits of each share).
  const scale = 2 ** 40;
  const scaled = weights.map((w) => BigInt(Math.round((sum > 0 ? w / sum : 1 / weights.length) * scale)));
  const total = scaled.reduce((a, b) => a + b, 0n);
  const parts = scaled.map((s) => (amount * s) / total);
  const rem = scaled.map((s) => (amount * s) % total);
  const left = Number(amount - parts.reduce((a, b) => a + b, 0n));
  if (left !== 0) {
    const order = rem
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
      .map((x) => x.i);
    settle(parts, order, left, 1n);
  }
  return parts;
};
