import type { ScoringModel } from '../../../domain';
import { loadBundledModels } from '../../model-file/bundled-models';
import { ModelStore, type StoredModel } from '../../ports/model-store.port';
import { Transactions, type ScoringTx } from '../../ports/transactions.port';
import { SeedBundledModels } from '../seed-bundled-models.use-case';

class MemoryModels extends ModelStore {
  readonly rows = new Map<string, StoredModel>();
  private defaultKey: string | undefined;
  async insert(m: StoredModel) {
    const key = `${m.model.id}@${m.model.version}`;
    if (this.rows.has(key)) return false;
    // Stored as JSON, as scoring_models.document is.
    this.rows.set(key, { ...m, model: JSON.parse(JSON.stringify(m.model)) as ScoringModel });
    return true;
  }
  async get(id: string, version: number) {
    return this.rows.get(`${id}@${version}`);
  }
  async latest(id: string) {
    return [...this.rows.values()]
      .filter((r) => r.model.id === id)
      .sort((a, b) => b.model.version - a.model.version)[0];
  }
  async list() {
    return [...this.rows.values()];
  }
  async defaultModel() {
    return this.defaultKey === undefined ? undefined : this.rows.get(this.defaultKey)?.model;
  }
  async setDefault(id: string, version: number) {
    this.defaultKey = `${id}@${version}`;
  }
}

class MemoryTransactions extends Transactions {
  constructor(readonly models: MemoryModels) {
    super();
  }
  run<R>(work: (tx: ScoringTx) => Promise<R>): Promise<R> {
    // The seeder only touches models.
    return work({ models: this.models } as unknown as ScoringTx);
  }
}

describe('seeding the bundled models', () => {
  const clock = { now: () => 0 };

  it('inserts every shipped model once and makes aligned the default', async () => {
    const models = new MemoryModels();
    const seed = new SeedBundledModels(new MemoryTransactions(models), clock);
    expect((await seed.execute(loadBundledModels())).inserted.sort()).toEqual([
      'aligned-guarded@1',
      'aligned@1',
      'marketing-view@1',
      'sales-view@1',
    ]);
    expect((await models.defaultModel())?.id).toBe('aligned');
    expect(await seed.execute(loadBundledModels())).toEqual({ inserted: [], differing: [] });
  });

  it('keeps a stored version whose document differs from the shipped file, and reports it', async () => {
    const models = new MemoryModels();
    const bundled = loadBundledModels();
    const aligned = bundled.find((m) => m.id === 'aligned')!;
    // A database seeded before the file changed in place (the capped aligned@1 of before issue #12).
    const earlier = { ...aligned, caps: { total: 100, fit: 50, engagement: 50, groups: {} } };
    await models.insert({
      model: earlier,
      isDefault: false,
      source: 'bundled',
      publishedAt: 0,
      publishedBy: null,
    });
    const seed = new SeedBundledModels(new MemoryTransactions(models), clock);
    const result = await seed.execute(bundled);
    expect(result.differing).toEqual(['aligned@1']);
    expect(result.inserted).not.toContain('aligned@1');
    expect((await models.get('aligned', 1))?.model.caps).toEqual(earlier.caps);
  });
});
