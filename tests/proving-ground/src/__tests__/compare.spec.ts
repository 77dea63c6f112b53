import { canonicalJson, digestObjects } from '../canonical';
import type { RunDigest } from '../digest';
import { compareDigests } from '../prove';

const run = (parts: Record<string, Record<string, unknown>[]>): RunDigest => ({
  parts: new Map(Object.entries(parts).map(([k, items]) => [k, digestObjects(items)])),
  topics: new Map(),
});

describe('digests', () => {
  it('are the same whatever order rows and keys come in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    const a = digestObjects([
      { id: 1, x: 'a' },
      { x: 'b', id: 2 },
    ]);
    const b = digestObjects([
      { id: 2, x: 'b' },
      { id: 1, x: 'a' },
    ]);
    expect(a.hash).toBe(b.hash);
    expect(a.count).toBe(2);
  });

  it('count a doubled row and name the fields that differ, nested values included', () => {
    const once = digestObjects([{ key: 'k', value: { score: 61, band: 'mql' } }]);
    const twice = digestObjects([
      { key: 'k', value: { score: 61, band: 'mql' } },
      { key: 'k', value: { score: 61, band: 'mql' } },
    ]);
    expect(twice.hash).not.toBe(once.hash);
    const other = digestObjects([{ key: 'k', value: { score: 75, band: 'mql' } }]);
    const differing = [...once.fields].filter(([f, h]) => other.fields.get(f) !== h).map(([f]) => f);
    expect(differing.sort()).toEqual(['value', 'value.score']);
  });
});

describe('compareDigests', () => {
  it('fails a part that must be equal and only reports an order-dependent one', () => {
    const clean = run({
      'db:ingestion.ingestion_leads': [{ lead_id: 'a' }],
      'db:routing.routing_assignments': [{ rep_id: 'r1' }],
      'db:reporting.reporting_costs': [{ amount: 1 }],
    });
    const faults = run({
      'db:ingestion.ingestion_leads': [{ lead_id: 'a' }, { lead_id: 'b' }],
      'db:routing.routing_assignments': [{ rep_id: 'r2' }],
      'db:reporting.reporting_costs': [{ amount: 1 }],
    });
    const { problems, varies } = compareDigests(clean, faults);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^db:ingestion\.ingestion_leads: 1 items \w+ vs 2 items \w+; fields differ: lead_id$/,
    );
    expect(varies).toHaveLength(1);
    expect(varies[0]).toMatch(/^db:routing\.routing_assignments: .*fields differ: rep_id$/);
  });

  it('names a part one run lacks', () => {
    const { problems } = compareDigests(run({ 'dlq:x.dlq': [{ key: 'k' }] }), run({}));
    expect(problems).toEqual([expect.stringMatching(/^dlq:x\.dlq: 1 items \w+ vs missing$/)]);
  });
});
