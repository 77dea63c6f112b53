import type { TouchpointClassification } from './touchpoint-type';

// "/pricing", "/en/pricing", "/pricing/enterprise", "/pricing-plans"; not "/blog/why-pricing-matters".
const PRICING_PATH = /(^|\/)pricing(?![\p{L}\p{N}])/iu;

function pathOf(urlOrPath: unknown): string | null {
  if (typeof urlOrPath !== 'string' || urlOrPath.length === 0) return null;
  try {
    return new URL(urlOrPath, 'https://placeholder.invalid').pathname;
  } catch {
    return null;
  }
}

/** Touchpoint type of a Segment `page` call: a pricing page view or a page view. */
export function classifyPage(
  name: string | null | undefined,
  urlOrPath: string | null | undefined,
  properties: Readonly<Record<string, unknown>> = {},
): TouchpointClassification {
  const eventName = name ?? null;
  const paths = [urlOrPath, properties['path'], properties['url']].map(pathOf);
  const isPricing =
    (name ?? '').trim().toLowerCase() === 'pricing' ||
    paths.some((path) => path !== null && PRICING_PATH.test(path));
  return { type: isPricing ? 'pricing_page_view' : 'page_view', eventName };
}
