import alignedGuarded from '../../../models/aligned-guarded.v1.json';
import aligned from '../../../models/aligned.v1.json';
import marketingView from '../../../models/marketing-view.v1.json';
import salesView from '../../../models/sales-view.v1.json';
import { parseScoringModel, type ScoringModel } from '../../domain';

/** The model lifecycle decisions use unless an admin publishes another default. */
export const DEFAULT_MODEL_ID = 'aligned';

const BUNDLED: Record<string, unknown> = {
  'aligned.v1.json': aligned,
  'aligned-guarded.v1.json': alignedGuarded,
  'marketing-view.v1.json': marketingView,
  'sales-view.v1.json': salesView,
};

/**
 * The model files shipped in services/scoring/models, validated. Throws on a bad file so that the
 * service refuses to start rather than score with a broken model; the file name must match id and version.
 */
export const loadBundledModels = (): ScoringModel[] =>
  Object.entries(BUNDLED).map(([file, document]) => {
    const result = parseScoringModel(document);
    if (!result.ok) {
      throw new Error(
        `Invalid scoring model ${file}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      );
    }
    const expected = `${result.model.id}.v${result.model.version}.json`;
    if (expected !== file) throw new Error(`Scoring model file ${file} holds ${expected}`);
    return result.model;
  });
