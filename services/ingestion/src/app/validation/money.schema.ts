import { z } from 'zod';
import { toMinorUnits } from '../../domain';

/** Replaces `amount` + `currency` by `amountMinor` (integer minor units) + upper-case `currency`. */
export function withMinorUnits<T extends { amount: string | number; currency: string }>(
  fact: T,
  ctx: z.RefinementCtx,
): (Omit<T, 'amount'> & { amountMinor: number; currency: string }) | typeof z.NEVER {
  const converted = toMinorUnits(fact.amount, fact.currency);
  if (!converted.ok) {
    const path = converted.reason.includes('ISO 4217') ? ['currency'] : ['amount'];
    ctx.issues.push({ code: 'custom', message: converted.reason, path, input: fact });
    return z.NEVER;
  }
  const { amount: _amount, ...rest } = fact;
  return { ...rest, amountMinor: converted.amountMinor, currency: converted.currency };
}
