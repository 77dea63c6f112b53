import { parseIcp, parseScoringModel, type Icp, type ScoringModel } from '../../domain';

/**
 * Parsed documents (scoring models and ICPs) by id@version: published versions are immutable, so a
 * process may keep them for good.
 */
export class ModelCache {
  private readonly models = new Map<string, ScoringModel>();
  private readonly icps = new Map<string, Icp>();

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

  getIcp(icpId: string, version: number): Icp | undefined {
    return this.icps.get(`${icpId}@${version}`);
  }

  parseIcp(document: unknown): Icp {
    const result = parseIcp(document);
    if (!result.ok)
      throw new Error(
        `stored ICP is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      );
    this.icps.set(`${result.icp.id}@${result.icp.version}`, result.icp);
    return result.icp;
  }
}
