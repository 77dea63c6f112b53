import { TOPICS } from '@smarketing/contracts';
import { scoreLead } from '../../../domain';
import { loadBundledModels } from '../../model-file/bundled-models';
import { explanationOf } from '../score-explanation';

type AvroRecord = { name: string; fields: { name: string; type: unknown }[] };

/** The record a lead-scored field holds an array of, from the schema the event is encoded with. */
const arrayItems = (field: string): AvroRecord => {
  const schema = TOPICS.leadScored.schema as unknown as AvroRecord;
  const type = schema.fields.find((f) => f.name === field)?.type as { items: AvroRecord } | undefined;
  if (type === undefined) throw new Error(`lead-scored has no field ${field}`);
  return type.items;
};
const fieldNames = (record: AvroRecord) => record.fields.map((f) => f.name).sort();

const guarded = loadBundledModels().find((m) => m.id === 'aligned-guarded')!;
// Fit 75 (capped to 50) and engagement from a demo request.
const vp = {
  profile: {
    seniority: 'c_level_vp' as const,
    employeeCount: 450,
    industry: 'software',
    region: 'NA' as const,
    properties: {},
  },
  touchpoints: [{ touchpointId: 't1', type: 'demo_request' as const, occurredAt: 0 }],
};

describe('the explanation of a score on the wire (lead-scored and GET …/score)', () => {
  const explanation = explanationOf(scoreLead(guarded, vp, 0));

  it('writes every field of the Avro records, and only those', () => {
    expect(explanation.firedRules.length).toBeGreaterThan(0);
    for (const rule of explanation.firedRules)
      expect(Object.keys(rule).sort()).toEqual(fieldNames(arrayItems('firedRules')));
    expect(explanation.adjustments.length).toBeGreaterThan(0);
    for (const adjustment of explanation.adjustments)
      expect(Object.keys(adjustment).sort()).toEqual(fieldNames(arrayItems('adjustments')));
  });

  it('names the sub-score in group and the named cap group in capGroup, for rules and adjustments alike', () => {
    expect(explanation.firedRules).toEqual([
      expect.objectContaining({
        ruleId: 'fit-employee-count',
        group: 'fit',
        capGroup: 'company',
        points: 25,
      }),
      expect.objectContaining({
        ruleId: 'fit-target-industry',
        group: 'fit',
        capGroup: 'company',
        points: 15,
      }),
      expect.objectContaining({ ruleId: 'fit-geography', group: 'fit', capGroup: 'company', points: 10 }),
      expect.objectContaining({ ruleId: 'fit-seniority-c-level-vp', group: 'fit', capGroup: 'seniority' }),
      expect.objectContaining({ ruleId: 'engagement-demo-request', group: 'engagement', capGroup: null }),
    ]);
    expect(explanation.adjustments).toEqual([
      {
        kind: 'cap',
        group: 'fit',
        capGroup: null,
        limit: 50,
        before: 75,
        after: 50,
        detail: 'fit capped at 50 (was 75)',
      },
    ]);
  });
});
