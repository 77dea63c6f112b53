import { parseScoringModel, type ScoringModel } from '../../domain';

/** Parsed model documents by id@version: published versions are immutable, so a process may keep them for good. */
export class ModelCache {
  private readonly models = new Map<string, ScoringModel>();

  get(modelId: string, version: number): ScoringModel | undefined {
    return this.models.get(`${modelId}@${version}`);
  }

  parse(document: unknown): ScoringModel {
    const result = parseScoringModel(document);
    if (!result.ok)
      throw new Error(
        `stored scoring model is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      );
    this.models.set(`${result.model.id}@${result.model.version}`, result.model);
    return result.model;
  }
}
