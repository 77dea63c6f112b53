import type { ModelFieldError } from './parse-scoring-model';
import type { ScoringModel } from './scoring-model';
import { TOUCHPOINT_RETENTION } from './touchpoint-history';

/** A model must be computable from the stored signals: no rule may need more touchpoints per type than are kept. */
export const checkModelFitsRetention = (model: ScoringModel): ModelFieldError[] =>
  model.rules.flatMap((rule, i) =>
    rule.kind === 'engagement' && rule.minCount > TOUCHPOINT_RETENTION
      ? [
          {
            path: `rules[${i}].minCount`,
            message: `must be <= ${TOUCHPOINT_RETENTION} (touchpoints kept per type and lead)`,
          },
        ]
      : [],
  );
