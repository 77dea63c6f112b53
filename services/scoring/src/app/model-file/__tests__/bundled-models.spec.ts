import { scoreLead } from '../../../domain';
import { DEFAULT_MODEL_ID, loadBundledModels } from '../bundled-models';

describe('loadBundledModels', () => {
  it('loads the four shipped models, the default among them, each from a file named after its id and version', () => {
    const models = loadBundledModels();
    expect(models.map((m) => `${m.id}@${m.version}`).sort()).toEqual([
      'aligned-guarded@1',
      'aligned@1',
      'marketing-view@1',
      'sales-view@1',
    ]);
    expect(DEFAULT_MODEL_ID).toBe('aligned');
    expect(models.some((m) => m.id === DEFAULT_MODEL_ID)).toBe(true);
  });

  // The example of issue #12: by the agreed table, 25 + 15 + 10 + 25.
  const vpOfSales = {
    profile: {
      seniority: 'c_level_vp' as const,
      employeeCount: 450,
      industry: 'software',
      region: 'NA' as const,
      country: 'US',
      properties: {},
    },
    touchpoints: [],
  };

  it('scores a VP of Sales at a 450-person target company 75, Hot, under the default model', () => {
    const model = loadBundledModels().find((m) => m.id === DEFAULT_MODEL_ID)!;
    expect(scoreLead(model, vpOfSales, 0)).toMatchObject({
      fit: 75,
      engagement: 0,
      total: 75,
      band: 'hot',
      adjustments: [],
    });
  });

  it('scores the same VP 50, Nurture, under aligned-guarded, with the fit cap as the reason', () => {
    const model = loadBundledModels().find((m) => m.id === 'aligned-guarded')!;
    expect(scoreLead(model, vpOfSales, 0)).toMatchObject({
      fit: 50,
      total: 50,
      band: 'nurture',
      adjustments: [{ kind: 'cap', group: 'fit', limit: 50, before: 75, after: 50 }],
    });
  });
});
