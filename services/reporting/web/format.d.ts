// Types of format.js for the unit specs (src/infra/http/__tests__/format.spec.ts); not served.
import type { MetricDefinition, MetricUnit } from '../src/app/views';

export function formatValue(
  value: number | null | undefined,
  unit: MetricUnit,
  currency?: string,
  metric?: Pick<MetricDefinition, 'id' | 'name'>,
): string;
export function trendOf(
  actual: number | null | undefined,
  previous: number | null | undefined,
  better: 'up' | 'down',
): { arrow: '' | '▲' | '▼' | '▶'; mood: 'good' | 'bad' | 'flat'; label: string };
export function pct(value: number | null | undefined): string;
export function count(value: number | null | undefined): string;
export function el(tag: string, attributes?: Record<string, unknown>, ...children: unknown[]): unknown;
export function table(
  caption: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  attributes?: Record<string, unknown>,
): unknown;
