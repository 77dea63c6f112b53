import { ruleModel } from '../../../domain';
import { loadBundledSettings } from '../bundled-settings';

describe('the settings shipped in services/attribution/models', () => {
  it('parse, start at version 1 and name every standard rule model and both data-driven models', () => {
    const [first, ...rest] = loadBundledSettings();
    expect(rest).toEqual([]);
    expect(first?.version).toBe(1);
    expect(first?.models.map((m) => ruleModel(m).family)).toEqual([
      'first_touch',
      'last_touch',
      'linear',
      'u_shaped',
      'position_based',
      'w_shaped',
      'full_path',
      'time_decay',
      'time_decay_unnormalized',
      'j_shaped',
      'inverse_j',
    ]);
    expect(first?.dataDriven.map((d) => d.model)).toEqual(['markov', 'shapley']);
  });
});
