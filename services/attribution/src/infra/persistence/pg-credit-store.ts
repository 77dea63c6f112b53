import { prepared, type TxContext } from '@smarketing/messaging';
import type { AnchorKind, AnchorUse, StoredVersion, TouchCredit } from '../../domain';
import {
  CreditStore,
  type CreditTotal,
  type CreditVersion,
  type PeriodQuery,
} from '../../app/ports/credit-store.port';

const LATEST = prepared(
  'attribution.credits.latest',
  `SELECT conversion_id, model_id, credit_id, version, fingerprint FROM attribution_credits
   WHERE conversion_id = ANY($1::text[]) ORDER BY conversion_id, model_id FOR UPDATE`,
);
const SAVE = prepared(
  'attribution.credits.save',
  `INSERT INTO attribution_credits (conversion_id, model_id, family, credit_id, version, supersedes, fingerprint, scope,
     conversion_kind, converted_at_ms, currency, revenue_minor, settings_version, anchors_used, touch_count)
   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[],
     $9::text[], $10::bigint[], $11::text[], $12::bigint[], $13::int[], $14::jsonb[], $15::int[])
   ON CONFLICT (conversion_id, model_id) DO UPDATE SET family = EXCLUDED.family, credit_id = EXCLUDED.credit_id,
     version = EXCLUDED.version, supersedes = EXCLUDED.supersedes, fingerprint = EXCLUDED.fingerprint,
     scope = EXCLUDED.scope, conversion_kind = EXCLUDED.conversion_kind, converted_at_ms = EXCLUDED.converted_at_ms,
     currency = EXCLUDED.currency, revenue_minor = EXCLUDED.revenue_minor,
     settings_version = EXCLUDED.settings_version, anchors_used = EXCLUDED.anchors_used,
     touch_count = EXCLUDED.touch_count`,
);
const DELETE_LINES = prepared(
  'attribution.credit-lines.delete',
  `DELETE FROM attribution_credit_lines l USING unnest($1::text[], $2::text[]) AS k(conversion_id, model_id)
   WHERE l.conversion_id = k.conversion_id AND l.model_id = k.model_id`,
);
const INSERT_LINES = prepared(
  'attribution.credit-lines.insert',
  `INSERT INTO attribution_credit_lines (conversion_id, model_id, position, touch_id, channel, campaign_id, kind,
     touched_at_ms, weight, amount_minor, anchors, conversion_kind, converted_at_ms, currency, weight_low, weight_high)
   SELECT c, m, p, t, ch, ca, k, ta, w, a, string_to_array(an, ','), ck, ct, cu, lo, hi
   FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[],
     $9::float8[], $10::bigint[], $11::text[], $12::text[], $13::bigint[], $14::text[], $15::float8[], $16::float8[])
     AS x(c, m, p, t, ch, ca, k, ta, w, a, an, ck, ct, cu, lo, hi)`,
);
const totalsSql = (by: 'channel' | 'campaign') =>
  prepared(
    `attribution.credit-lines.totals-by-${by}`,
    `SELECT model_id, COALESCE(${by === 'channel' ? 'channel' : 'campaign_id'}, '(none)') AS key, conversion_kind, currency,
            sum(weight) AS conversions, COALESCE(sum(amount_minor), 0)::text AS amount_minor
     FROM attribution_credit_lines
     WHERE model_id = ANY($1::text[]) AND converted_at_ms >= $2 AND converted_at_ms < $3 AND conversion_kind = ANY($4::text[])
     GROUP BY 1, 2, 3, 4 ORDER BY 2, 3, 1`,
  );
const TOTALS = { channel: totalsSql('channel'), campaign: totalsSql('campaign') };

type CreditRow = {
  conversion_id: string;
  model_id: string;
  family: string;
  credit_id: string;
  version: number;
  supersedes: string | null;
  fingerprint: string;
  scope: CreditVersion['scope'];
  conversion_kind: CreditVersion['conversionKind'];
  converted_at_ms: string;
  currency: string | null;
  revenue_minor: string | null;
  settings_version: number;
  anchors_used: AnchorUse[];
  touch_count: number;
};
type LineRow = {
  conversion_id: string;
  model_id: string;
  touch_id: string;
  channel: string;
  campaign_id: string | null;
  kind: TouchCredit['kind'];
  touched_at_ms: string;
  weight: number;
  amount_minor: string | null;
  weight_low: number | null;
  weight_high: number | null;
  anchors: AnchorKind[];
};

/** attribution_credits and attribution_credit_lines: the latest version of each conversion's credits per model. */
export class PgCreditStore extends CreditStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async latest(conversionIds: readonly string[]): Promise<Map<string, Map<string, StoredVersion>>> {
    const out = new Map<string, Map<string, StoredVersion>>();
    if (!conversionIds.length) return out;
    const rows = await this.sql.query<{
      conversion_id: string;
      model_id: string;
      credit_id: string;
      version: number;
      fingerprint: string;
    }>(LATEST, [conversionIds]);
    for (const r of rows) {
      const m = out.get(r.conversion_id) ?? new Map<string, StoredVersion>();
      m.set(r.model_id, { creditId: r.credit_id, version: r.version, fingerprint: r.fingerprint });
      out.set(r.conversion_id, m);
    }
    return out;
  }

  async save(vs: readonly CreditVersion[]): Promise<void> {
    if (!vs.length) return;
    await this.sql.query(SAVE, [
      vs.map((v) => v.conversionId),
      vs.map((v) => v.modelId),
      vs.map((v) => v.family),
      vs.map((v) => v.creditId),
      vs.map((v) => v.version),
      vs.map((v) => v.supersedes),
      vs.map((v) => v.fingerprint),
      vs.map((v) => v.scope),
      vs.map((v) => v.conversionKind),
      vs.map((v) => v.convertedAt),
      vs.map((v) => v.currency),
      vs.map((v) => v.revenueMinor?.toString() ?? null),
      vs.map((v) => v.settingsVersion),
      vs.map((v) => JSON.stringify(v.credit.anchorsUsed)),
      vs.map((v) => v.credit.touchCount),
    ]);
    await this.sql.query(DELETE_LINES, [vs.map((v) => v.conversionId), vs.map((v) => v.modelId)]);
    const lines = vs.flatMap((v) => v.credit.credits.map((c, position) => ({ v, c, position })));
    if (!lines.length) return;
    await this.sql.query(INSERT_LINES, [
      lines.map((l) => l.v.conversionId),
      lines.map((l) => l.v.modelId),
      lines.map((l) => l.position),
      lines.map((l) => l.c.touchId),
      lines.map((l) => l.c.channel),
      lines.map((l) => l.c.campaignId),
      lines.map((l) => l.c.kind),
      lines.map((l) => l.c.at),
      lines.map((l) => l.c.weight),
      lines.map((l) => l.c.amountMinor?.toString() ?? null),
      lines.map((l) => l.c.anchors.join(',')),
      lines.map((l) => l.v.conversionKind),
      lines.map((l) => l.v.convertedAt),
      lines.map((l) => l.v.currency),
      lines.map((l) => l.c.interval?.low ?? null),
      lines.map((l) => l.c.interval?.high ?? null),
    ]);
  }

  async ofConversions(conversionIds: readonly string[], modelId?: string): Promise<CreditVersion[]> {
    const credits = await this.sql.query<CreditRow>(
      `SELECT conversion_id, model_id, family, credit_id, version, supersedes, fingerprint, scope, conversion_kind,
              converted_at_ms, currency, revenue_minor, settings_version, anchors_used, touch_count
       FROM attribution_credits WHERE conversion_id = ANY($1::text[]) AND ($2::text IS NULL OR model_id = $2)
       ORDER BY conversion_id, model_id`,
      [conversionIds, modelId ?? null],
    );
    const lines = await this.sql.query<LineRow>(
      `SELECT conversion_id, model_id, touch_id, channel, campaign_id, kind, touched_at_ms, weight, amount_minor, weight_low, weight_high, anchors
       FROM attribution_credit_lines WHERE conversion_id = ANY($1::text[]) AND ($2::text IS NULL OR model_id = $2)
       ORDER BY conversion_id, model_id, position`,
      [conversionIds, modelId ?? null],
    );
    const linesOf = new Map<string, TouchCredit[]>();
    for (const l of lines) {
      const k = `${l.conversion_id}\u0000${l.model_id}`;
      const list = linesOf.get(k) ?? [];
      list.push({
        touchId: l.touch_id,
        channel: l.channel,
        campaignId: l.campaign_id,
        kind: l.kind,
        at: Number(l.touched_at_ms),
        weight: l.weight,
        amountMinor: l.amount_minor === null ? null : BigInt(l.amount_minor),
        anchors: l.anchors,
        ...(l.weight_low !== null && l.weight_high !== null
          ? { interval: { low: l.weight_low, high: l.weight_high } }
          : {}),
      });
      linesOf.set(k, list);
    }
    return credits.map((r) => ({
      conversionId: r.conversion_id,
      conversionKind: r.conversion_kind,
      convertedAt: Number(r.converted_at_ms),
      modelId: r.model_id,
      family: r.family,
      creditId: r.credit_id,
      version: r.version,
      supersedes: r.supersedes,
      fingerprint: r.fingerprint,
      scope: r.scope,
      currency: r.currency,
      revenueMinor: r.revenue_minor === null ? null : BigInt(r.revenue_minor),
      settingsVersion: r.settings_version,
      credit: {
        modelId: r.model_id,
        touchCount: r.touch_count,
        credits: linesOf.get(`${r.conversion_id}\u0000${r.model_id}`) ?? [],
        anchorsUsed: r.anchors_used,
      },
    }));
  }

  async totals(q: PeriodQuery): Promise<CreditTotal[]> {
    const rows = await this.sql.query<{
      model_id: string;
      key: string;
      conversion_kind: CreditTotal['conversionKind'];
      currency: string | null;
      conversions: number;
      amount_minor: string;
    }>(TOTALS[q.by], [q.modelIds, q.from, q.to, q.kinds]);
    return rows.map((r) => ({
      modelId: r.model_id,
      key: r.key,
      conversionKind: r.conversion_kind,
      currency: r.currency,
      conversions: Number(r.conversions),
      amountMinor: BigInt(r.amount_minor),
    }));
  }
}
