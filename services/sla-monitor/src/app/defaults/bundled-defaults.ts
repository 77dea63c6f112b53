import apac from '../../../defaults/calendars/apac.v1.json';
import defaultCalendar from '../../../defaults/calendars/default.v1.json';
import emea from '../../../defaults/calendars/emea.v1.json';
import na from '../../../defaults/calendars/na.v1.json';
import dispositionDefault from '../../../defaults/policies/disposition-default.v1.json';
import mqlsMonthly from '../../../defaults/policies/mqls-monthly.v1.json';
import mqlsWeeklyEmea from '../../../defaults/policies/mqls-weekly-emea.v1.json';
import responseDefault from '../../../defaults/policies/response-default.v1.json';
import responseHot from '../../../defaults/policies/response-hot.v1.json';
import responseMql from '../../../defaults/policies/response-mql.v1.json';
import { parseBusinessCalendar } from '../../domain/business-calendar.schema';
import type { Parsed } from '../../domain/field-error';
import { parsePolicy } from '../../domain/sla-policy.schema';
import type { Defaults } from '../use-cases/seed-defaults.use-case';

const CALENDARS: Record<string, unknown> = {
  'default.v1.json': defaultCalendar,
  'emea.v1.json': emea,
  'na.v1.json': na,
  'apac.v1.json': apac,
};

const POLICIES: Record<string, unknown> = {
  'response-hot.v1.json': responseHot,
  'response-mql.v1.json': responseMql,
  'response-default.v1.json': responseDefault,
  'disposition-default.v1.json': dispositionDefault,
  'mqls-monthly.v1.json': mqlsMonthly,
  'mqls-weekly-emea.v1.json': mqlsWeeklyEmea,
};

const load = <T extends { id: string; version: number }>(
  folder: string,
  files: Record<string, unknown>,
  parse: (d: unknown) => Parsed<T>,
): T[] =>
  Object.entries(files).map(([file, document]) => {
    const result = parse(document);
    if (!result.ok)
      throw new Error(
        `Invalid ${folder}/${file}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      );
    const expected = `${result.value.id}.v${result.value.version}.json`;
    if (expected !== file) throw new Error(`${folder}/${file} holds ${expected}`);
    return result.value;
  });

/**
 * The calendars and policies shipped in services/sla-monitor/defaults, validated. Throws on a bad
 * file, so the service refuses to start rather than hold leads to a broken policy.
 */
export const loadBundledDefaults = (): Defaults => ({
  calendars: load('defaults/calendars', CALENDARS, parseBusinessCalendar),
  policies: load('defaults/policies', POLICIES, parsePolicy),
});
