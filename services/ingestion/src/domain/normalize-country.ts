import { COUNTRIES } from './country-table';

// Names people actually type that differ from the English names ICU gives (and "UK", which is
// not the ISO code: GB is). ICU's English names come from the runtime via Intl.DisplayNames.
const ALIASES: Readonly<Record<string, string>> = {
  uk: 'GB',
  'u k': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  usa: 'US',
  'u s': 'US',
  'u s a': 'US',
  america: 'US',
  'united states of america': 'US',
  'the united states': 'US',
  deutschland: 'DE',
  'federal republic of germany': 'DE',
  holland: 'NL',
  'the netherlands': 'NL',
  espana: 'ES',
  españa: 'ES',
  italia: 'IT',
  schweiz: 'CH',
  suisse: 'CH',
  österreich: 'AT',
  osterreich: 'AT',
  brasil: 'BR',
  méxico: 'MX',
  'south korea': 'KR',
  korea: 'KR',
  'republic of korea': 'KR',
  'north korea': 'KP',
  russia: 'RU',
  'russian federation': 'RU',
  'czech republic': 'CZ',
  czechia: 'CZ',
  turkey: 'TR',
  türkiye: 'TR',
  turkiye: 'TR',
  uae: 'AE',
  'u a e': 'AE',
  emirates: 'AE',
  vietnam: 'VN',
  'viet nam': 'VN',
  'hong kong sar': 'HK',
  macau: 'MO',
  taiwan: 'TW',
  'republic of china': 'TW',
  "people's republic of china": 'CN',
  prc: 'CN',
  'ivory coast': 'CI',
  "cote d'ivoire": 'CI',
  'cape verde': 'CV',
  swaziland: 'SZ',
  burma: 'MM',
  'east timor': 'TL',
  macedonia: 'MK',
  'north macedonia': 'MK',
  'vatican city': 'VA',
  'holy see': 'VA',
  palestine: 'PS',
  'republic of ireland': 'IE',
  eire: 'IE',
  drc: 'CD',
  'dr congo': 'CD',
  'democratic republic of the congo': 'CD',
  'republic of the congo': 'CG',
  'st kitts and nevis': 'KN',
  'st lucia': 'LC',
  'st vincent and the grenadines': 'VC',
  bosnia: 'BA',
  'bosnia and herzegovina': 'BA',
  trinidad: 'TT',
  'trinidad and tobago': 'TT',
  'the bahamas': 'BS',
  'the gambia': 'GM',
  laos: 'LA',
  'hong kong': 'HK',
  macao: 'MO',
  myanmar: 'MM',
  'cocos islands': 'CC',
  'saint vincent and the grenadines': 'VC',
  moldova: 'MD',
  syria: 'SY',
  iran: 'IR',
  bolivia: 'BO',
  venezuela: 'VE',
  tanzania: 'TZ',
};

function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.’]/g, (c) => (c === '’' ? "'" : ''))
    .replace(/&/g, ' and ')
    .replace(/[\s,()_-]+/g, ' ')
    .trim();
}

function buildIndex(): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (const { alpha2, alpha3 } of COUNTRIES.values()) {
    index.set(alpha2.toLowerCase(), alpha2);
    index.set(alpha3.toLowerCase(), alpha2);
    const name = names.of(alpha2);
    if (name) {
      index.set(key(name), alpha2);
      // Accent-free spelling: "Curacao", "Reunion", "Aland Islands".
      index.set(key(name.normalize('NFD').replace(/\p{M}/gu, '')), alpha2);
      // ICU abbreviates Saint: "St. Lucia" should also be found as "Saint Lucia".
      if (key(name).startsWith('st ')) index.set(`saint ${key(name).slice(3)}`, alpha2);
    }
  }
  for (const [alias, alpha2] of Object.entries(ALIASES)) index.set(key(alias), alpha2);
  return index;
}

const INDEX = buildIndex();

/** ISO 3166-1 alpha-2 code from an alpha-2/alpha-3 code or an English name; null when unknown. */
export function normalizeCountry(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 100) return null;
  return INDEX.get(key(value)) ?? null;
}
