import salesOrg from '../../org/sales-org.json';
import rulesV1 from '../../rules/routing-rules.v1.json';
import { orgFileSchema, parseRoutingRules, parseWith, type OrgFile, type RoutingRules } from '../domain';

const ORG_FILES: Record<string, unknown> = { 'sales-org.json': salesOrg };
const RULES_FILES: Record<string, unknown> = { 'routing-rules.v1.json': rulesV1 };

const fail = (what: string, errors: { path: string; message: string }[]): never => {
  throw new Error(`Invalid ${what}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
};

/** The org files shipped in services/routing/org, validated and merged. Throws on a bad file (the service refuses to start). */
export const loadBundledOrg = (): OrgFile => {
  const merged: OrgFile = { teams: [], reps: [], accountOwners: [] };
  for (const [file, document] of Object.entries(ORG_FILES)) {
    const parsed = parseWith(orgFileSchema, document);
    if (!parsed.ok) fail(`org file ${file}`, parsed.errors);
    else {
      merged.teams.push(...parsed.value.teams);
      merged.reps.push(...parsed.value.reps);
      merged.accountOwners.push(...parsed.value.accountOwners);
    }
  }
  return merged;
};

/** The rules files shipped in services/routing/rules, validated; the file name must match the version. */
export const loadBundledRules = (): RoutingRules[] =>
  Object.entries(RULES_FILES).map(([file, document]) => {
    const parsed = parseRoutingRules(document);
    if (!parsed.ok) return fail(`rules file ${file}`, parsed.errors);
    if (file !== `routing-rules.v${parsed.value.version}.json`)
      throw new Error(`Rules file ${file} holds version ${parsed.value.version}`);
    return parsed.value;
  });
