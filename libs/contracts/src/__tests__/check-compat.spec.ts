import { checkAgainstHistory, checkPair, checkSchemaRules } from '../../scripts/compat';
import { ALL_TOPICS } from '../topic-registry';

type Json = Parameters<typeof checkPair>[1];

const status = (symbols: string[], withDefault = true): Json => ({
  type: 'enum',
  name: 'Status',
  symbols,
  ...(withDefault ? { default: symbols[symbols.length - 1] } : {}),
});

const record = (fields: Json[]): Json => ({
  type: 'record',
  name: 'LeadThing',
  namespace: 'io.smarketing.test',
  fields,
});

const base = record([
  { name: 'leadId', type: 'string' },
  { name: 'count', type: 'int' },
  { name: 'note', type: ['null', 'string'], default: null },
  { name: 'status', type: status(['open', 'closed', 'unknown']), default: 'unknown' },
]);

const withFields = (edit: (fields: { [k: string]: Json }[]) => void): Json => {
  const copy = JSON.parse(JSON.stringify(base)) as { fields: { [k: string]: Json }[] };
  edit(copy.fields);
  return copy as unknown as Json;
};

describe('checkPair (FULL compatibility plus platform rules)', () => {
  it('accepts an identical schema', () => {
    expect(checkPair('x.avsc', base, base)).toEqual([]);
  });

  it('rejects a removed field that had no default, naming the schema and field', () => {
    const next = withFields((f) => f.splice(1, 1));
    const errors = checkPair('lead-thing.avsc', next, base);
    expect(errors).toEqual([
      'lead-thing.avsc: field io.smarketing.test.LeadThing.count was removed but had no default (against the previous version); old consumers cannot read new events',
    ]);
  });

  it('rejects an added field without a default', () => {
    const next = withFields((f) => f.push({ name: 'score', type: 'double' }));
    const errors = checkPair('lead-thing.avsc', next, base);
    expect(errors).toEqual([
      'lead-thing.avsc: field io.smarketing.test.LeadThing.score was added without a default (against the previous version); old events cannot be read with it',
    ]);
  });

  it('rejects a type change from int to string', () => {
    const next = withFields((f) => (f[1]!.type = 'string'));
    const errors = checkPair('lead-thing.avsc', next, base);
    expect(errors).toEqual([
      'lead-thing.avsc: field io.smarketing.test.LeadThing.count changed type from "int" to "string" (against the previous version): new readers cannot read old values and old readers cannot read new values',
    ]);
  });

  it('rejects a one-way type promotion (int to long reads old data, but old readers cannot read longs)', () => {
    const next = withFields((f) => (f[1]!.type = 'long'));
    expect(checkPair('lead-thing.avsc', next, base).join('\n')).toMatch(
      /count changed type from "int" to "long".*old readers cannot read new values/,
    );
  });

  it('rejects a type change inside a nested record through the nested field', () => {
    const nested = (t: string): Json =>
      record([
        { name: 'money', type: { type: 'record', name: 'Money', fields: [{ name: 'amount', type: t }] } },
      ]);
    expect(checkPair('lead-thing.avsc', nested('string'), nested('double')).join('\n')).toMatch(
      /field io\.smarketing\.test\.Money\.amount changed type/,
    );
  });

  it('rejects removing an enum symbol when the enum has no default', () => {
    const prev = withFields((f) => (f[3] = { name: 'status', type: status(['open', 'closed'], false) }));
    const next = withFields((f) => (f[3] = { name: 'status', type: status(['open'], false) }));
    const errors = checkPair('lead-thing.avsc', next, prev);
    expect(errors.join('\n')).toMatch(/enum io\.smarketing\.test\.Status has no default/);
  });

  it('accepts removing an enum symbol when the enum has a default (old values read as the default)', () => {
    const next = withFields(
      (f) => (f[3] = { name: 'status', type: status(['open', 'unknown']), default: 'unknown' }),
    );
    expect(checkPair('lead-thing.avsc', next, base)).toEqual([]);
  });

  it('rejects an enum without a default on its own', () => {
    const next = withFields((f) => (f[3] = { name: 'status', type: status(['open', 'closed'], false) }));
    expect(checkSchemaRules('lead-thing.avsc', next)).toEqual([
      'lead-thing.avsc: enum io.smarketing.test.Status has no default symbol (every enum needs one, e.g. "unknown")',
    ]);
  });

  it('accepts an added optional field with a default', () => {
    const next = withFields((f) => f.push({ name: 'campaignId', type: ['null', 'string'], default: null }));
    expect(checkPair('lead-thing.avsc', next, base)).toEqual([]);
  });

  it('accepts removing a field that had a default', () => {
    const next = withFields((f) => f.splice(2, 1));
    expect(checkPair('lead-thing.avsc', next, base)).toEqual([]);
  });

  it('accepts an added enum symbol when the enum has a default', () => {
    const next = withFields(
      (f) =>
        (f[3] = { name: 'status', type: status(['open', 'closed', 'won', 'unknown']), default: 'unknown' }),
    );
    expect(checkPair('lead-thing.avsc', next, base)).toEqual([]);
  });

  it('rejects a renamed field even when an alias keeps it resolvable', () => {
    const next = withFields((f) => (f[1] = { name: 'total', aliases: ['count'], type: 'int' }));
    expect(checkPair('lead-thing.avsc', next, base).join('\n')).toMatch(
      /field io\.smarketing\.test\.LeadThing\.count was renamed to total/,
    );
  });

  it('rejects a renamed named type', () => {
    const next = withFields(
      (f) =>
        (f[3] = {
          name: 'status',
          type: { ...(status(['open', 'closed', 'unknown']) as object), name: 'State' },
          default: 'unknown',
        }),
    );
    expect(checkPair('lead-thing.avsc', next, base).join('\n')).toMatch(
      /type of field io\.smarketing\.test\.LeadThing\.status was renamed from io\.smarketing\.test\.Status to io\.smarketing\.test\.State/,
    );
  });

  it("rejects a change of the topic schema's namespace", () => {
    const next = { ...(base as object), namespace: 'io.smarketing.other' } as Json;
    expect(checkPair('lead-thing.avsc', next, base).join('\n')).toMatch(
      /full name changed from io\.smarketing\.test\.LeadThing to io\.smarketing\.other\.LeadThing/,
    );
  });
});

describe('checkAgainstHistory (transitive)', () => {
  it('rejects a change compatible with the latest version but not with an older one', () => {
    const v1 = base;
    const v2 = withFields((f) => f.splice(2, 1)); // drop note (it had a default)
    const v3 = withFields((f) => (f[2] = { name: 'note', type: ['null', 'long'], default: null })); // note comes back as a long
    expect(checkPair('lead-thing.avsc', v3, v2)).toEqual([]);
    const errors = checkAgainstHistory('lead-thing.avsc', v3, [
      { label: 'v1', schema: v1 },
      { label: 'v2', schema: v2 },
    ]);
    expect(errors.join('\n')).toMatch(/against v1|with v1/);
  });

  it('passes a schema with no history', () => {
    expect(checkAgainstHistory('lead-thing.avsc', base, [])).toEqual([]);
  });

  it('finds every committed topic schema compliant with the single-schema rules', () => {
    for (const t of ALL_TOPICS) expect(checkSchemaRules(t.schemaFile, t.schema as Json)).toEqual([]);
  });
});
