import type { Seniority } from '@smarketing/contracts';

export type { Seniority };

// First match wins, so the more specific phrases come before the words they contain
// ("chief of staff" before "chief", "product owner" before "owner", "assistant to" before "ceo").
const RULES: ReadonlyArray<readonly [RegExp, Seniority]> = [
  // Supporting roles named after an executive are not executives.
  [
    /\b(assistant|ea|secretary|aide) to\b|\bexecutive assistant\b|\boffice of the\b/,
    'individual_contributor',
  ],
  [/\bchief of staff\b/, 'director'],
  [/\b(ceo|cto|cfo|coo|cmo|cro|cio|ciso|cso|cpo|cdo|chro|cco|cxo)\b/, 'c_level_vp'],
  [/\bchief\b/, 'c_level_vp'],
  [/\b(vice president|vp|svp|evp|avp|president)\b/, 'c_level_vp'],
  [/\b(co ?founder|founder|founding partner|managing partner|general partner)\b/, 'c_level_vp'],
  [
    /\b(product|process|data|service|system|content|account|business process) owner\b/,
    'individual_contributor',
  ],
  [/\b(co ?owner|owner|proprietor)\b/, 'c_level_vp'],
  [
    /\b(chairman|chairwoman|chairperson|chair|board member|managing director|executive director)\b/,
    'c_level_vp',
  ],
  // Decision: "Head of X" runs a function without the VP title, which is director level.
  [/\bhead of\b|\b(department|division|group) head\b|\bhead$/, 'director'],
  [/\b(director|directors|general manager|gm)\b/, 'director'],
  [/\b(manager|mgr|supervisor|team lead|team leader|foreman)\b/, 'manager'],
  // "Marketing Lead" leads a team; "Lead Generation Specialist" does not.
  [/\blead$/, 'manager'],
];

/** Seniority from a free-text job title; word boundaries keep "Directory Admin" an individual contributor. */
export function seniorityFromTitle(title: unknown): Seniority {
  if (typeof title !== 'string') return 'unknown';
  const text = title
    .toLowerCase()
    .replace(/\./g, '') // "V.P." -> "vp", "Sr." -> "sr"
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (!/\p{L}/u.test(text)) return 'unknown';
  for (const [pattern, seniority] of RULES) {
    if (pattern.test(text)) return seniority;
  }
  return 'individual_contributor';
}
