// What the reporting API returns: the one contract between the read models (use cases) and the
// page, the weekly review and BI. Every number a metric shows is described by its catalog entry
// (domain/metrics-catalog.ts): the API, the page and docs/metrics.md all read that one catalog.

/** How a value is shown: a count, a share (0..1), money (the platform's currency), hours, days, or a ratio like 3.2x. */
export type MetricUnit = 'count' | 'share' | 'currency' | 'hours' | 'days' | 'ratio' | 'per-day';

/** Who answers for a metric under the agreement. */
export type MetricOwner = 'marketing' | 'sales' | 'shared';

export type MetricDefinition = {
  readonly id: string;
  readonly name: string;
  /** The definition as the agreement states it, precise enough for BI to recount it from the topics. */
  readonly definition: string;
  /** The topics its numbers come from. */
  readonly sources: readonly string[];
  readonly unit: MetricUnit;
  readonly defaultOwner: MetricOwner;
  /** Whether a higher value is better ('up') or worse ('down'); the trend arrow's colour. */
  readonly better: 'up' | 'down';
  /** A limit of the number the reader must know (e.g. CLV assumes an average customer life). */
  readonly caveat?: string;
};

/** A period: a quarter `2026-Q4`, a month `2026-11` or an ISO week `2026-W48`; bounds are UTC instants, end exclusive. */
export type PeriodView = { readonly id: string; readonly start: string; readonly end: string };

export type DashboardFilters = {
  readonly segment?: string;
  readonly region?: string;
  readonly channel?: string;
  readonly team?: string;
};

export type MetricValue = {
  readonly id: string;
  /** null when the period has no data to compute it from (e.g. a rate with no denominator). */
  readonly actual: number | null;
  readonly previous: number | null;
  readonly target: number | null;
  readonly owner: MetricOwner;
  /** Oldest first, ending with the selected period: the same metric over the periods before it. */
  readonly trend: readonly { readonly period: string; readonly value: number | null }[];
};

export type FunnelStage = {
  readonly stage: 'lead' | 'mql' | 'sal' | 'sql' | 'opportunity' | 'customer';
  readonly count: number;
};

export type ChannelRow = {
  readonly channel: string;
  readonly leads: number;
  readonly sqls: number;
  readonly pipeline: number;
  readonly spend: number;
  readonly attributedRevenue: number;
  readonly costPerSql: number | null;
};

export type AttainmentRow = {
  /** A rep id, a team id or a segment, per `by`. */
  readonly key: string;
  readonly by: 'rep' | 'team' | 'segment';
  readonly met: number;
  readonly missed: number;
  readonly open: number;
  /** met / (met + missed); null with nothing decided yet. */
  readonly rate: number | null;
};

export type VolumeRow = {
  readonly policyId: string;
  readonly segment: string;
  readonly target: number;
  readonly actual: number;
  readonly qualityRate: number | null;
  readonly status: string;
};

export type QualityBucket = {
  /** A band (`hot`, `mql`, `nurture`, `cold`) or a score decile (`0-9` … `90-100`). */
  readonly bucket: string;
  readonly leads: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly sqls: number;
  readonly won: number;
  readonly acceptRate: number | null;
  readonly sqlRate: number | null;
  readonly winRate: number | null;
};

export type RejectionRow = {
  readonly source: string;
  readonly campaign: string;
  readonly band: string;
  readonly reason: string;
  readonly count: number;
};

export type DashboardView = {
  readonly period: PeriodView;
  readonly previousPeriod: PeriodView;
  readonly filters: DashboardFilters;
  readonly currency: string;
  readonly metrics: readonly MetricValue[];
  readonly funnel: readonly FunnelStage[];
  readonly channels: readonly ChannelRow[];
  readonly attainment: {
    readonly response: readonly AttainmentRow[];
    readonly disposition: readonly AttainmentRow[];
    readonly volume: readonly VolumeRow[];
  };
  readonly quality: {
    readonly byBand: readonly QualityBucket[];
    readonly byDecile: readonly QualityBucket[];
    readonly rejections: readonly RejectionRow[];
  };
  /** The newest event time applied to the read models; the page shows how fresh the numbers are. */
  readonly asOf: string | null;
};

/** Values a filter can take, from the read models. */
export type FilterOptions = {
  readonly segments: readonly string[];
  readonly regions: readonly string[];
  readonly channels: readonly string[];
  readonly teams: readonly string[];
};

export type ReviewSectionId =
  'pipeline-health' | 'lead-flow' | 'campaign-performance' | 'lead-quality' | 'sla-breaches' | 'action-items';

/** A section of the weekly review: the standing agenda's item, its metrics and its tables. */
export type ReviewSection = {
  readonly id: ReviewSectionId;
  readonly title: string;
  /** Metric values (ids of the catalog) shown at the top of the section. */
  readonly metrics: readonly MetricValue[];
  /** Tables of the section, each with its column names and rows of printable cells. */
  readonly tables: readonly {
    readonly title: string;
    readonly columns: readonly string[];
    readonly rows: readonly (readonly (string | number | null)[])[];
  }[];
  /** One-line statements a reader takes away ("pipeline is $1.2M short of the quarter's target"). */
  readonly highlights: readonly string[];
};

export type ActionItem = {
  readonly id: string;
  readonly week: string;
  readonly owner: MetricOwner;
  readonly text: string;
  readonly due: string | null;
  readonly done: boolean;
};

export type WeeklyReview = {
  /** ISO week, `2026-W48`. */
  readonly week: string;
  readonly period: PeriodView;
  /** The quarter the week falls in: pipeline health compares it with its target. */
  readonly quarter: PeriodView;
  readonly currency: string;
  readonly sections: readonly ReviewSection[];
  readonly asOf: string | null;
};

/** Progress of a rebuild of the read models from the topics. */
export type RebuildStatus = {
  readonly state: 'idle' | 'running' | 'done' | 'failed';
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /** Per topic: the events applied and the end offset it rebuilds to. */
  readonly topics: readonly { readonly topic: string; readonly applied: number; readonly total: number }[];
  readonly error: string | null;
};
