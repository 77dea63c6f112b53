/**
 * The two explicit duration kinds of an SLA (CLOCKS.md has worked examples):
 * - business: working time only ("10 business hours" counts the calendar's working hours);
 * - calendar: `days` of 24 elapsed hours starting at the next working moment, then `hours` business hours.
 */
export type SlaDuration =
  | { readonly kind: 'business'; readonly hours: number }
  | { readonly kind: 'calendar'; readonly days: number; readonly hours: number };

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const describeDuration = (d: SlaDuration): string => {
  switch (d.kind) {
    case 'business':
      return `${d.hours} business hours`;
    case 'calendar':
      return `${d.days} calendar days then ${d.hours} business hours`;
    default: {
      const never: never = d;
      return never;
    }
  }
};
