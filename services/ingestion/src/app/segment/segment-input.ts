import { normalizeEmail } from '../../domain';
import { InvalidInputError } from '../errors';
import {
  parseGroupCall,
  parseIdentifyCall,
  parsePageCall,
  parseSegmentBatch,
  parseSegmentCall,
  parseTrackCall,
  type SegmentCall,
  type ValidationError,
  type ValidationResult,
} from '../validation';

export type SegmentRoute = 'identify' | 'track' | 'page' | 'group' | 'batch' | 'any';

const PARSERS: Record<Exclude<SegmentRoute, 'batch'>, (input: unknown) => ValidationResult<SegmentCall>> = {
  identify: parseIdentifyCall,
  track: parseTrackCall,
  page: parsePageCall,
  group: parseGroupCall,
  any: parseSegmentCall,
};

/** Rules the schemas leave to us: a traits.email that is given must be an email. */
function semanticErrors(call: SegmentCall, prefix: string): ValidationError[] {
  if (call.type !== 'identify') return [];
  const email = call.traits['email'];
  if (email === undefined || email === null) return [];
  const result = normalizeEmail(email);
  return result.ok ? [] : [{ path: `${prefix}traits.email`, message: result.reason }];
}

/** Validates a Segment request body for a route; throws InvalidInputError naming every bad field. */
export function parseSegmentInput(route: SegmentRoute, body: unknown): SegmentCall[] {
  if (route === 'batch') {
    const parsed = parseSegmentBatch(body);
    if (!parsed.ok) throw new InvalidInputError(parsed.errors);
    const errors = parsed.value.batch.flatMap((call, i) => semanticErrors(call, `batch[${i}].`));
    if (errors.length) throw new InvalidInputError(errors);
    return parsed.value.batch;
  }
  const parsed = PARSERS[route](body);
  if (!parsed.ok) throw new InvalidInputError(parsed.errors);
  const errors = semanticErrors(parsed.value, '');
  if (errors.length) throw new InvalidInputError(errors);
  return [parsed.value];
}
