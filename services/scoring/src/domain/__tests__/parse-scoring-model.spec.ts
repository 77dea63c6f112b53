import alignedJson from '../../../models/aligned.v1.json';
import marketingJson from '../../../models/marketing-view.v1.json';
import salesJson from '../../../models/sales-view.v1.json';
import { parseScoringModel, type ModelFieldError } from '../parse-scoring-model';
import { minimalModelDocument } from './builders';

const errorsOf = (document: unknown): ModelFieldError[] => {
  const result = parseScoringModel(document);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.errors;
};

const withChange = (change: (doc: Record<string, unknown>) => void): Record<string, unknown> => {
  const doc = minimalModelDocument();
  change(doc);
  return doc;
};

describe('parseScoringModel', () => {
  it.each([
    ['aligned', alignedJson],
    ['marketing-view', marketingJson],
    ['sales-view', salesJson],
  ])('accepts the shipped %s model', (id, document) => {
    const result = parseScoringModel(document);
    expect(result.ok && result.model.id).toBe(id);
  });

  it('fills defaults for an engagement rule: once, from the first touchpoint', () => {
    const result = parseScoringModel(minimalModelDocument());
    expect(result.ok && result.model.rules[1]).toMatchObject({ minCount: 1, scoring: 'once' });
  });

  it.each<[string, (doc: Record<string, unknown>) => void, string, RegExp]>([
    ['a non-integer version', (d) => (d.version = 1.5), 'version', /integer/],
    ['a missing name', (d) => delete d.name, 'name', /.+/],
    [
      'points that are not a number',
      (d) => ((d.rules as Record<string, unknown>[])[0]!.points = 'ten'),
      'rules[0].points',
      /number/,
    ],
    [
      'zero points',
      (d) => ((d.rules as Record<string, unknown>[])[1]!.points = 0),
      'rules[1].points',
      /must not be 0/,
    ],
    [
      'an unknown rule kind',
      (d) => ((d.rules as Record<string, unknown>[])[0]!.kind = 'magic'),
      'rules[0].kind',
      /.+/,
    ],
    [
      'an unknown field (typo)',
      (d) => ((d.rules as Record<string, unknown>[])[1]!.halflifeDays = 7),
      'rules[1]',
      /halflifeDays/,
    ],
    [
      'an unknown touchpoint type',
      (d) => ((d.rules as Record<string, unknown>[])[1]!.touchpointTypes = ['page_view', 'tweet']),
      'rules[1].touchpointTypes[1]',
      /.+/,
    ],
    [
      'a zero minCount',
      (d) => ((d.rules as Record<string, unknown>[])[1]!.minCount = 0),
      'rules[1].minCount',
      />= 1/,
    ],
    [
      'a negative half-life',
      (d) => ((d.rules as Record<string, unknown>[])[1]!.halfLifeDays = -3),
      'rules[1].halfLifeDays',
      /> 0/,
    ],
    [
      'a bad nested seniority',
      (d) =>
        ((d.rules as Record<string, unknown>[])[0]!.condition = {
          kind: 'all',
          conditions: [{ kind: 'free_mail' }, { kind: 'seniority_in', seniorities: ['boss'] }],
        }),
      'rules[0].condition.conditions[1].seniorities[0]',
      /.+/,
    ],
    [
      'an inverted employee range',
      (d) =>
        ((d.rules as Record<string, unknown>[])[0]!.condition = {
          kind: 'employee_count',
          min: 1000,
          max: 100,
        }),
      'rules[0].condition.min',
      /<= max/,
    ],
    ['a lower-case country', (d) => (d.targetCountries = ['us']), 'targetCountries[0]', /alpha-2/],
    [
      'an invalid competitor domain',
      (d) => (d.competitorDomains = ['not a domain']),
      'competitorDomains[0]',
      /domain/,
    ],
    [
      'a duplicate rule id',
      (d) => ((d.rules as Record<string, unknown>[])[1]!.id = 'fit-size'),
      'rules[1].id',
      /duplicate/,
    ],
    [
      'unordered bands',
      (d) =>
        (d.bands = [
          { band: 'mql', min: 60 },
          { band: 'hot', min: 75 },
          { band: 'cold', min: 0 },
        ]),
      'bands[1].min',
      /decreasing/,
    ],
    [
      'a lowest band above 0',
      (d) =>
        (d.bands = [
          { band: 'hot', min: 75 },
          { band: 'cold', min: 10 },
        ]),
      'bands[1].min',
      /start at 0/,
    ],
    [
      'a disqualified band threshold',
      (d) => (d.bands = [{ band: 'disqualified', min: 0 }]),
      'bands[0].band',
      /.+/,
    ],
    [
      'a cap for a group no rule uses',
      (d) => (d.caps = { total: 100, fit: 50, engagement: 50, groups: { emial: 10 } }),
      'caps.groups.emial',
      /no rule/,
    ],
    [
      'a negative cap',
      (d) => (d.caps = { total: -1, fit: 50, engagement: 50, groups: {} }),
      'caps.total',
      />= 0/,
    ],
    [
      'a group shared by fit and engagement',
      (d) => {
        const rules = d.rules as Record<string, unknown>[];
        rules[0]!.group = 'mixed';
        rules[1]!.group = 'mixed';
      },
      'rules[1].group',
      /already holds fit rules/,
    ],
    [
      'target_industry without target industries',
      (d) => {
        d.targetIndustries = [];
        (d.rules as Record<string, unknown>[])[0]!.condition = { kind: 'target_industry' };
      },
      'rules[0].condition',
      /targetIndustries is empty/,
    ],
    [
      'a disqualifier without a reason',
      (d) => (d.disqualifiers = [{ id: 'dq', reason: ' ', condition: { kind: 'student' } }]),
      'disqualifiers[0].reason',
      /empty/,
    ],
  ])('names the path of %s', (_name, change, path, message) => {
    const errors = errorsOf(withChange(change));
    const error = errors.find((e) => e.path === path);
    expect({ path: error?.path, all: errors }).toMatchObject({ path });
    expect(error?.message).toMatch(message);
  });

  it('reports a non-object document at the root', () => {
    expect(errorsOf('nope')).toEqual([{ path: '(root)', message: expect.any(String) }]);
  });

  it('reports every bad field at once', () => {
    const errors = errorsOf(
      withChange((d) => {
        d.version = 0;
        d.name = '';
      }),
    );
    expect(errors.map((e) => e.path).sort()).toEqual(['name', 'version']);
  });
});
