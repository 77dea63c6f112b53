import { chance, intBetween, pick, shuffled, weighted, type Random } from './random';
import type { Region } from './sales-org';

/** The industry slugs ingestion's normalizeIndustry emits for the trait texts used here. */
export type IndustrySlug =
  | 'software'
  | 'saas'
  | 'fintech'
  | 'financial_services'
  | 'healthcare'
  | 'manufacturing'
  | 'retail'
  | 'education'
  | 'media'
  | 'professional_services'
  | 'telecommunications';

export type Country = { readonly code: string; readonly region: Region; readonly names: readonly string[] };

export type Company = {
  readonly name: string;
  readonly domain: string;
  readonly industry: IndustrySlug;
  /** The trait as a CRM or form would write it ("Computer Software"). */
  readonly industryText: string;
  /** The head count ingestion derives: the lower bound of a range. */
  readonly employees: number;
  /** The trait as written: "201-500", "10001+", 340, "1,200". */
  readonly employeesText: string | number;
  readonly country: Country;
  /** What the company calls its country in its traits ("Germany", "DE", "Deutschland"). */
  readonly countryText: string;
};

type IndustryProfile = {
  readonly slug: IndustrySlug;
  readonly texts: readonly string[];
  readonly suffixes: readonly string[];
};

const INDUSTRIES: readonly IndustryProfile[] = [
  {
    slug: 'software',
    texts: ['Computer Software', 'Software', 'Information Technology'],
    suffixes: ['Software', 'Labs', 'Systems'],
  },
  { slug: 'saas', texts: ['SaaS', 'Cloud Software'], suffixes: ['Cloud', 'Analytics'] },
  { slug: 'fintech', texts: ['Fintech', 'Financial Technology', 'Payments'], suffixes: ['Pay', 'Ledger'] },
  {
    slug: 'financial_services',
    texts: ['Banking', 'Financial Services', 'Insurance'],
    suffixes: ['Bank', 'Capital', 'Assurance'],
  },
  {
    slug: 'healthcare',
    texts: ['Hospital & Health Care', 'Healthcare', 'Biotechnology'],
    suffixes: ['Health', 'Medical', 'Bio'],
  },
  {
    slug: 'manufacturing',
    texts: ['Industrial Automation', 'Manufacturing', 'Automotive'],
    suffixes: ['Industries', 'Works', 'Motors'],
  },
  { slug: 'retail', texts: ['Retail', 'E-commerce', 'Consumer Goods'], suffixes: ['Retail', 'Goods'] },
  { slug: 'education', texts: ['Higher Education', 'E-Learning'], suffixes: ['Academy', 'Learning'] },
  {
    slug: 'media',
    texts: ['Marketing & Advertising', 'Media', 'Publishing'],
    suffixes: ['Media', 'Studios'],
  },
  {
    slug: 'professional_services',
    texts: ['Management Consulting', 'Legal Services', 'Staffing'],
    suffixes: ['Consulting', 'Partners', 'Advisors'],
  },
  {
    slug: 'telecommunications',
    texts: ['Telecommunications', 'Wireless'],
    suffixes: ['Telecom', 'Networks'],
  },
];

export const COUNTRIES: readonly (readonly [Country, number])[] = [
  [{ code: 'US', region: 'NA', names: ['United States', 'US', 'USA'] }, 30],
  [{ code: 'CA', region: 'NA', names: ['Canada'] }, 6],
  [{ code: 'BR', region: 'LATAM', names: ['Brazil', 'Brasil', 'BR'] }, 5],
  [{ code: 'MX', region: 'LATAM', names: ['Mexico', 'MX'] }, 3],
  [{ code: 'DE', region: 'EMEA', names: ['Germany', 'DE', 'Deutschland'] }, 10],
  [{ code: 'GB', region: 'EMEA', names: ['United Kingdom', 'UK', 'GB'] }, 8],
  [{ code: 'FR', region: 'EMEA', names: ['France', 'FR'] }, 5],
  [{ code: 'NL', region: 'EMEA', names: ['Netherlands', 'The Netherlands'] }, 3],
  [{ code: 'SE', region: 'EMEA', names: ['Sweden'] }, 2],
  [{ code: 'AT', region: 'EMEA', names: ['Austria', 'AT'] }, 2],
  [{ code: 'CH', region: 'EMEA', names: ['Switzerland', 'CH'] }, 2],
  [{ code: 'ES', region: 'EMEA', names: ['Spain', 'ES'] }, 2],
  [{ code: 'IE', region: 'EMEA', names: ['Ireland'] }, 2],
  [{ code: 'SG', region: 'APAC', names: ['Singapore', 'SG'] }, 4],
  [{ code: 'AU', region: 'APAC', names: ['Australia', 'AU'] }, 5],
  [{ code: 'JP', region: 'APAC', names: ['Japan', 'JP'] }, 3],
  [{ code: 'IN', region: 'APAC', names: ['India', 'IN'] }, 4],
];

/** Ranges as firmographic tools write them; ingestion keeps the lower bound. */
const SIZES: readonly (readonly [{ min: number; max: number; text: string }, number])[] = [
  [{ min: 11, max: 50, text: '11-50' }, 14],
  [{ min: 51, max: 200, text: '51-200' }, 24],
  [{ min: 201, max: 500, text: '201-500' }, 20],
  [{ min: 501, max: 1000, text: '501-1000' }, 15],
  [{ min: 1001, max: 5000, text: '1001-5000' }, 14],
  [{ min: 5001, max: 10_000, text: '5001-10000' }, 7],
  [{ min: 10_001, max: 50_000, text: '10001+' }, 6],
];

const NAMES = [
  'Northwind',
  'Brightwave',
  'Bluepeak',
  'Cobalt',
  'Evergreen',
  'Ironbridge',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Orbit',
  'Pinecrest',
  'Quantum',
  'Redwood',
  'Silverline',
  'Summit',
  'Tidal',
  'Vertex',
  'Willow',
  'Zenith',
  'Amber',
  'Aurora',
  'Beacon',
  'Cascade',
  'Crescent',
  'Delta',
  'Ember',
  'Falcon',
  'Granite',
  'Harbor',
  'Horizon',
  'Juniper',
  'Keystone',
  'Lighthouse',
  'Maple',
  'Nova',
  'Onyx',
  'Polaris',
  'Riverstone',
  'Sapphire',
  'Solstice',
  'Terra',
  'Valiant',
  'Westwind',
  'Alpine',
  'Boreal',
  'Copper',
  'Driftwood',
  'Fjord',
  'Glacier',
  'Highland',
  'Kestrel',
  'Larch',
  'Monarch',
  'Oakridge',
  'Pebble',
  'Quarry',
  'Saffron',
];

const TLDS = ['example.com', 'example.com', 'example.io', 'example.net', 'example.org'];

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const withThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** A head count as written: the range, or (a quarter of them) an exact figure inside it. */
function sizeOf(random: Random): { employees: number; employeesText: string | number } {
  const size = weighted(random, SIZES);
  if (!chance(random, 0.25)) return { employees: size.min, employeesText: size.text };
  const exact = intBetween(random, size.min, size.max);
  // "1,200" with a thousands separator, as CRMs export it; smaller figures as numbers.
  return { employees: exact, employeesText: exact >= 1000 ? withThousands(exact) : exact };
}

/**
 * `count` companies with distinct names and domains, of every size, industry and region. Domains
 * are on the reserved example.* names so no real company is ever named.
 */
export function generateCompanies(random: Random, count: number): Company[] {
  const combos = shuffled(
    random,
    NAMES.flatMap((name) =>
      INDUSTRIES.flatMap((industry) => industry.suffixes.map((suffix) => ({ name, industry, suffix }))),
    ),
  );
  const seenNames = new Set<string>();
  const companies: Company[] = [];
  for (const { name, industry, suffix } of combos) {
    if (companies.length >= count) break;
    // One company per first word: "Northwind Labs" and "Northwind Cloud" would read as one firm.
    if (seenNames.has(name) && seenNames.size < NAMES.length) continue;
    const fullName = `${name} ${suffix}`;
    const domain = `${slug(fullName)}.${pick(random, TLDS)}`;
    if (companies.some((c) => c.domain === domain || c.name === fullName)) continue;
    seenNames.add(name);
    const country = weighted(random, COUNTRIES);
    companies.push({
      name: fullName,
      domain,
      industry: industry.slug,
      industryText: pick(random, industry.texts),
      ...sizeOf(random),
      country,
      countryText: pick(random, country.names),
    });
  }
  return companies;
}
