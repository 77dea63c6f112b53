import { DEFAULT_MODEL_ID, loadBundledModels } from '../bundled-models';

describe('loadBundledModels', () => {
  it('loads the three shipped models, the default among them, each from a file named after its id and version', () => {
    const models = loadBundledModels();
    expect(models.map((m) => `${m.id}@${m.version}`).sort()).toEqual([
      'aligned@1',
      'marketing-view@1',
      'sales-view@1',
    ]);
    expect(models.some((m) => m.id === DEFAULT_MODEL_ID)).toBe(true);
  });
});
