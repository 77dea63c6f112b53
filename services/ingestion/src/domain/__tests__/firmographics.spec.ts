import {
  employeeBand,
  normalizeCountry,
  normalizeIndustry,
  parseEmployeeCount,
  regionOf,
  seniorityFromTitle,
  COUNTRIES,
} from '..';

describe('seniorityFromTitle', () => {
  it.each([
    ['CEO', 'c_level_vp'],
    ['Co-Founder & CEO', 'c_level_vp'],
    ['cto', 'c_level_vp'],
    ['CMO', 'c_level_vp'],
    ['Chief Revenue Officer', 'c_level_vp'],
    ['Chief Marketing Officer, EMEA', 'c_level_vp'],
    ['VP Marketing', 'c_level_vp'],
    ['V.P. of Sales', 'c_level_vp'],
    ['Vice President, Engineering', 'c_level_vp'],
    ['Vice-President Finance', 'c_level_vp'],
    ['SVP Sales', 'c_level_vp'],
    ['EVP, Operations', 'c_level_vp'],
    ['President', 'c_level_vp'],
    ['Founder', 'c_level_vp'],
    ['Cofounder', 'c_level_vp'],
    ['Owner', 'c_level_vp'],
    ['Managing Director', 'c_level_vp'],
    ['Managing Partner', 'c_level_vp'],
    ['Chairman of the Board', 'c_level_vp'],
    ['Head of Marketing', 'director'],
    ['Head of Growth', 'director'],
    ['Department Head', 'director'],
    ['Director of Demand Generation', 'director'],
    ['Sr. Director, Product Marketing', 'director'],
    ['Associate Director', 'director'],
    ['General Manager', 'director'],
    ['Chief of Staff', 'director'],
    ['Marketing Manager', 'manager'],
    ['Sr Mgr, IT', 'manager'],
    ['Team Lead', 'manager'],
    ['Marketing Lead', 'manager'],
    ['Customer Support Supervisor', 'manager'],
    ['Directory Admin', 'individual_contributor'],
    ['Active Directory Engineer', 'individual_contributor'],
    ['Lead Generation Specialist', 'individual_contributor'],
    ['Head Chef', 'individual_contributor'],
    ['Product Owner', 'individual_contributor'],
    ['Executive Assistant to the CEO', 'individual_contributor'],
    ['Assistant to the VP of Sales', 'individual_contributor'],
    ['Software Engineer', 'individual_contributor'],
    ['Account Executive', 'individual_contributor'],
    ['Cisco Network Engineer', 'individual_contributor'],
    ['Presidential Scholar', 'individual_contributor'],
    ['Student', 'individual_contributor'],
    ['', 'unknown'],
    ['   ', 'unknown'],
    ['---', 'unknown'],
    [null, 'unknown'],
    [42, 'unknown'],
  ])('classifies %j as %s', (title, seniority) => {
    expect(seniorityFromTitle(title)).toBe(seniority);
  });
});

describe('parseEmployeeCount', () => {
  it.each([
    [250, { count: 250, min: 250, max: 250 }],
    [12.7, { count: 12, min: 12, max: 12 }],
    ['250', { count: 250, min: 250, max: 250 }],
    [' 1,000 ', { count: 1000, min: 1000, max: 1000 }],
    ['1.000', { count: 1000, min: 1000, max: 1000 }],
    ['1 000', { count: 1000, min: 1000, max: 1000 }],
    ['12,500 employees', { count: 12500, min: 12500, max: 12500 }],
    ['51-200', { count: 51, min: 51, max: 200 }],
    ['51 – 200', { count: 51, min: 51, max: 200 }],
    ['1,001-5,000', { count: 1001, min: 1001, max: 5000 }],
    ['10 to 50', { count: 10, min: 10, max: 50 }],
    ['1000+', { count: 1000, min: 1000, max: null }],
    ['10,001+', { count: 10001, min: 10001, max: null }],
    ['over 500', { count: 500, min: 500, max: null }],
    ['>5000', { count: 5000, min: 5000, max: null }],
    ['10k', { count: 10000, min: 10000, max: 10000 }],
    ['10K+', { count: 10000, min: 10000, max: null }],
    ['1.5k', { count: 1500, min: 1500, max: 1500 }],
    ['10k-50k', { count: 10000, min: 10000, max: 50000 }],
    ['1m', { count: 1_000_000, min: 1_000_000, max: 1_000_000 }],
  ])('parses %j', (value, expected) => {
    expect(parseEmployeeCount(value)).toEqual(expected);
  });

  it.each([
    [''],
    ['lots'],
    ['200-51'],
    ['-5'],
    [0],
    ['0'],
    [-3],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    ['10.5'],
    ['1,00'],
    ['99999999'],
    [null],
    [{}],
    ['1-2-3'],
  ])('rejects %j', (value) => {
    expect(parseEmployeeCount(value)).toBeNull();
  });
});

describe('employeeBand', () => {
  it.each([
    [1, '1-10'],
    [10, '1-10'],
    [11, '11-50'],
    [50, '11-50'],
    [51, '51-200'],
    [200, '51-200'],
    [201, '201-500'],
    [500, '201-500'],
    [501, '501-1000'],
    [1000, '501-1000'],
    [1001, '1001-5000'],
    [5000, '1001-5000'],
    [5001, '5001+'],
    [2_000_000, '5001+'],
  ])('puts %d employees in band %s', (count, band) => {
    expect(employeeBand(count)).toBe(band);
  });

  it('has no band for fewer than one employee', () => {
    expect(employeeBand(0)).toBeNull();
    expect(employeeBand(Number.NaN)).toBeNull();
  });

  it('bands a range by its lower bound', () => {
    expect(employeeBand(parseEmployeeCount('51-200')?.count ?? 0)).toBe('51-200');
    expect(employeeBand(parseEmployeeCount('1,001-5,000')?.count ?? 0)).toBe('1001-5000');
  });
});

describe('normalizeCountry and regionOf', () => {
  it.each([
    ['US', 'US', 'NA'],
    ['us', 'US', 'NA'],
    ['USA', 'US', 'NA'],
    ['U.S.A.', 'US', 'NA'],
    ['United States', 'US', 'NA'],
    ['united states of america', 'US', 'NA'],
    ['Canada', 'CA', 'NA'],
    ['GB', 'GB', 'EMEA'],
    ['UK', 'GB', 'EMEA'],
    ['United Kingdom', 'GB', 'EMEA'],
    ['England', 'GB', 'EMEA'],
    ['Germany', 'DE', 'EMEA'],
    ['DEU', 'DE', 'EMEA'],
    ['Deutschland', 'DE', 'EMEA'],
    ['France', 'FR', 'EMEA'],
    ['the Netherlands', 'NL', 'EMEA'],
    ['Holland', 'NL', 'EMEA'],
    ['United Arab Emirates', 'AE', 'EMEA'],
    ['UAE', 'AE', 'EMEA'],
    ['South Africa', 'ZA', 'EMEA'],
    ['Israel', 'IL', 'EMEA'],
    ['Turkey', 'TR', 'EMEA'],
    ['Czech Republic', 'CZ', 'EMEA'],
    ['Kazakhstan', 'KZ', 'EMEA'],
    ['Côte d’Ivoire', 'CI', 'EMEA'],
    ['Ivory Coast', 'CI', 'EMEA'],
    ['Saint Lucia', 'LC', 'LATAM'],
    ['St. Kitts & Nevis', 'KN', 'LATAM'],
    ['Japan', 'JP', 'APAC'],
    ['JPN', 'JP', 'APAC'],
    ['India', 'IN', 'APAC'],
    ['Australia', 'AU', 'APAC'],
    ['South Korea', 'KR', 'APAC'],
    ['Hong Kong', 'HK', 'APAC'],
    ['Vietnam', 'VN', 'APAC'],
    ['Singapore', 'SG', 'APAC'],
    ['New Zealand', 'NZ', 'APAC'],
    ['Mexico', 'MX', 'LATAM'],
    ['Brazil', 'BR', 'LATAM'],
    ['Brasil', 'BR', 'LATAM'],
    ['Argentina', 'AR', 'LATAM'],
    ['Puerto Rico', 'PR', 'LATAM'],
    ['Curacao', 'CW', 'LATAM'],
    ['Trinidad & Tobago', 'TT', 'LATAM'],
    ['Antarctica', 'AQ', 'unknown'],
  ])('reads %j as %s in %s', (value, code, region) => {
    expect(normalizeCountry(value)).toBe(code);
    expect(regionOf(value)).toBe(region);
  });

  it.each([[''], ['Atlantis'], ['XX'], ['EU'], ['Europe'], [null], [44]])(
    'does not recognise %j',
    (value) => {
      expect(normalizeCountry(value)).toBeNull();
      expect(regionOf(value)).toBe('unknown');
    },
  );

  it('covers every ISO 3166-1 country once, each with its name and alpha-3 code', () => {
    expect(COUNTRIES.size).toBe(249);
    expect(new Set([...COUNTRIES.values()].map((c) => c.alpha3)).size).toBe(249);
    for (const { alpha2, alpha3 } of COUNTRIES.values()) {
      expect(normalizeCountry(alpha2)).toBe(alpha2);
      expect(normalizeCountry(alpha3)).toBe(alpha2);
    }
  });
});

describe('normalizeIndustry', () => {
  it.each([
    ['Computer Software', 'software'],
    ['Information Technology & Services', 'software'],
    ['Internet', 'software'],
    ['SaaS', 'saas'],
    ['Software as a Service', 'saas'],
    ['B2B SaaS', 'saas'],
    ['Cloud Software', 'saas'],
    ['Fintech', 'fintech'],
    ['Financial Technology', 'fintech'],
    ['Payments', 'fintech'],
    ['Financial Services', 'financial_services'],
    ['Banking', 'financial_services'],
    ['Insurance', 'financial_services'],
    ['Investment Management', 'financial_services'],
    ['Hospital & Health Care', 'healthcare'],
    ['Pharmaceuticals', 'healthcare'],
    ['Biotechnology', 'healthcare'],
    ['Medical Devices', 'healthcare'],
    ['Manufacturing', 'manufacturing'],
    ['Automotive', 'manufacturing'],
    ['Industrial Automation', 'manufacturing'],
    ['Retail', 'retail'],
    ['E-Commerce', 'retail'],
    ['Consumer Goods', 'retail'],
    ['Higher Education', 'education'],
    ['E-Learning', 'education'],
    ['Education Management', 'education'],
    ['Government Administration', 'government'],
    ['Public Sector', 'government'],
    ['Defense & Space', 'government'],
    ['Media', 'media'],
    ['Online Media', 'media'],
    ['Publishing', 'media'],
    ['Entertainment', 'media'],
    ['Telecommunications', 'telecommunications'],
    ['Wireless', 'telecommunications'],
    ['Management Consulting', 'professional_services'],
    ['Legal Services', 'professional_services'],
    ['Accounting', 'professional_services'],
    ['Staffing and Recruiting', 'professional_services'],
    ['Non-profit Organization Management', 'nonprofit'],
    ['NGO', 'nonprofit'],
    ['Philanthropy', 'nonprofit'],
    ['professional_services', 'professional_services'],
    ['Agriculture', 'other'],
    ['Mining & Metals', 'other'],
    ['Lawn care', 'other'],
  ])('maps %j to %s', (value, industry) => {
    expect(normalizeIndustry(value)).toBe(industry);
  });

  it('returns null when no industry was given', () => {
    expect(normalizeIndustry('')).toBeNull();
    expect(normalizeIndustry('  ')).toBeNull();
    expect(normalizeIndustry(undefined)).toBeNull();
  });
});
