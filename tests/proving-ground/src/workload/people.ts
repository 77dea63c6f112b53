import { pick, type Random } from './random';

/** Seniority as ingestion's seniorityFromTitle reads the titles below. */
export type Seniority = 'c_level_vp' | 'director' | 'manager' | 'individual_contributor';

export type Title = { readonly title: string; readonly seniority: Seniority };

export const TITLES: readonly Title[] = [
  { title: 'CEO', seniority: 'c_level_vp' },
  { title: 'Chief Marketing Officer', seniority: 'c_level_vp' },
  { title: 'VP Marketing', seniority: 'c_level_vp' },
  { title: 'VP of Sales', seniority: 'c_level_vp' },
  { title: 'Co-Founder', seniority: 'c_level_vp' },
  { title: 'Director of Demand Generation', seniority: 'director' },
  { title: 'Head of Growth', seniority: 'director' },
  { title: 'Director of Engineering', seniority: 'director' },
  { title: 'Marketing Manager', seniority: 'manager' },
  { title: 'Sales Manager', seniority: 'manager' },
  { title: 'Product Manager', seniority: 'manager' },
  { title: 'Marketing Operations Manager', seniority: 'manager' },
  { title: 'Marketing Specialist', seniority: 'individual_contributor' },
  { title: 'Data Analyst', seniority: 'individual_contributor' },
  { title: 'Software Engineer', seniority: 'individual_contributor' },
  { title: 'Account Executive', seniority: 'individual_contributor' },
  { title: 'Growth Marketer', seniority: 'individual_contributor' },
];

export const FIRST_NAMES = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Tim',
  'Barbara',
  'Dennis',
  'Radia',
  'Ken',
  'Frances',
  'Hedy',
  'Edsger',
  'Sophie',
  'Yuki',
  'Amara',
  'Mateo',
  'Ingrid',
  'Ravi',
  'Lucia',
  'Omar',
  'Freya',
  'Kenji',
  'Nadia',
  'Tomas',
  'Priyanka',
  'Diego',
  'Elif',
  'Hugo',
  'Aisha',
  'Felix',
  'Mei',
  'Jonas',
  'Chiara',
  'Kwame',
  'Sanne',
  'Arjun',
  'Leila',
  'Bruno',
];

export const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Berners-Lee',
  'Liskov',
  'Ritchie',
  'Perlman',
  'Thompson',
  'Allen',
  'Lamarr',
  'Dijkstra',
  'Wilson',
  'Tanaka',
  'Okafor',
  'Garcia',
  'Larsen',
  'Patel',
  'Rossi',
  'Haddad',
  'Nielsen',
  'Sato',
  'Petrova',
  'Novak',
  'Sharma',
  'Alvarez',
  'Yilmaz',
  'Moreau',
  'Khan',
  'Schneider',
  'Chen',
  'Weber',
  'Bianchi',
  'Mensah',
  'de Vries',
  'Iyer',
  'Farah',
  'Costa',
];

/** Providers ingestion treats as free mail: their domain says nothing about an employer. */
export const FREE_MAIL_DOMAINS = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'proton.me',
  'icloud.com',
  'gmx.de',
];

export type Person = { readonly firstName: string; readonly lastName: string; readonly email: string };

const localPart = (text: string): string => text.toLowerCase().replace(/[^a-z]+/g, '');

/**
 * A person with an email at `domain` no one in the workload has yet: first.last, then
 * first.last2, first.last3 ... (people do share names).
 */
export function newPerson(random: Random, domain: string, taken: Set<string>): Person {
  const firstName = pick(random, FIRST_NAMES);
  const lastName = pick(random, LAST_NAMES);
  const base = `${localPart(firstName)}.${localPart(lastName)}`;
  let email = `${base}@${domain}`;
  for (let n = 2; taken.has(email); n += 1) email = `${base}${n}@${domain}`;
  taken.add(email);
  return { firstName, lastName, email };
}
