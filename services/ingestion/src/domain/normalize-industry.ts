export type Industry =
  | 'software'
  | 'saas'
  | 'fintech'
  | 'financial_services'
  | 'healthcare'
  | 'manufacturing'
  | 'retail'
  | 'education'
  | 'government'
  | 'media'
  | 'telecommunications'
  | 'professional_services'
  | 'nonprofit'
  | 'other';

export const INDUSTRIES: readonly Industry[] = [
  'software',
  'saas',
  'fintech',
  'financial_services',
  'healthcare',
  'manufacturing',
  'retail',
  'education',
  'government',
  'media',
  'telecommunications',
  'professional_services',
  'nonprofit',
  'other',
];

// First match wins: the narrower slug comes before the broader one that shares its words
// (SaaS and fintech before software and finance, non-profit before anything else it mentions).
const RULES: ReadonlyArray<readonly [RegExp, Industry]> = [
  [/\b(non ?profit|not for profit|ngo|charity|charities|charitable|philanthropy|foundation)\b/, 'nonprofit'],
  [/\b(saas|software as a service|cloud software|cloud services?|paas|iaas)\b/, 'saas'],
  [
    /\b(fintech|financial technology|payments?|insurtech|regtech|crypto|cryptocurrency|blockchain)\b/,
    'fintech',
  ],
  [
    /\b(telecom|telecoms|telecommunications?|wireless|mobile network|isp|internet service provider)\b/,
    'telecommunications',
  ],
  [
    /\b(software|computer software|it|information technology|internet|computer|technology|tech|developer tools|devtools)\b/,
    'software',
  ],
  [
    /\b(bank|banking|banks|financial|finance|insurance|investment|investments|capital markets|asset management|wealth management|venture capital|private equity|lending|credit union)\b/,
    'financial_services',
  ],
  [
    /\b(health|healthcare|health care|hospital|hospitals|medical|medicine|pharma|pharmaceuticals?|biotech|biotechnology|life sciences|clinical|dental|wellness)\b/,
    'healthcare',
  ],
  [
    /\b(manufacturing|manufacturer|industrial|industrials|automotive|machinery|aerospace|chemicals?|electronics|semiconductors?|mechanical|engineering)\b/,
    'manufacturing',
  ],
  [
    /\b(retail|retailer|e ?commerce|ecommerce|consumer goods|cpg|fmcg|wholesale|apparel|fashion|supermarkets?|grocery)\b/,
    'retail',
  ],
  [
    /\b(education|educational|edtech|e ?learning|higher education|university|universities|college|school|schools|k 12|training)\b/,
    'education',
  ],
  [
    /\b(government|governmental|public sector|public administration|public policy|military|defen[cs]e|municipal|federal|state agency|local authority)\b/,
    'government',
  ],
  [
    /\b(media|publishing|publisher|broadcast|broadcasting|entertainment|news|newspapers?|film|music|gaming|video games|advertising|adtech)\b/,
    'media',
  ],
  [
    /\b(consulting|consultancy|management consulting|professional services|legal|law|law firm|legal services|accounting|staffing|recruiting|recruitment|agency|agencies|outsourcing|architecture|business services)\b/,
    'professional_services',
  ],
];

/** One of the fixed industry slugs; null only when nothing was given. */
export function normalizeIndustry(value: unknown): Industry | null {
  if (typeof value !== 'string') return null;
  const text = value
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (text.length === 0) return null;
  const slug = text.replace(/ /g, '_');
  if ((INDUSTRIES as readonly string[]).includes(slug)) return slug as Industry;
  for (const [pattern, industry] of RULES) {
    if (pattern.test(text)) return industry;
  }
  return 'other';
}
