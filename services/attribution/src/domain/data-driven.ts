import { bootstrapIntervals, type Interval } from './bootstrap';
import { markovAttribution } from './markov';
import { aggregatePaths, totalConversions, type ChannelCredits, type Path } from './path';
import { channelOfState, transformPath, type PathTransform } from './path-transform';
import { seededRandom } from './seeded-random';
import { shapleyAttribution, type CoalitionValue } from './shapley';

export type DataDrivenSpec =
  | { readonly model: 'markov'; readonly order?: number; readonly transform?: PathTransform }
  | {
      readonly model: 'shapley';
      readonly value?: CoalitionValue;
      readonly maxExactChannels?: number;
      readonly samples?: number;
      readonly transform?: PathTransform;
    };

export type DataDrivenOptions = {
  /** Bootstrap replicates for the intervals (0: none). */
  readonly replicates?: number;
  readonly confidence?: number;
  readonly seed?: number;
};

export type ChannelResult = {
  readonly channel: string;
  readonly credit: number;
  readonly share: number;
  readonly interval: Interval | null;
};

export type DataDrivenResult = {
  readonly modelId: string;
  readonly conversions: number;
  readonly journeys: number;
  readonly channels: readonly ChannelResult[];
  /** Markov: removal effect per channel. Shapley: the game's values. */
  readonly detail: ChannelCredits;
  /** Shapley sampled: the stated bound on each value (see shapleyAttribution); 0 when exact. */
  readonly errorBound: number;
  readonly exact: boolean;
};

/** `markov:order=1:unique`, `shapley:conversions:first`: the model and its options named. */
export const dataDrivenModelId = (spec: DataDrivenSpec): string =>
  spec.model === 'markov'
    ? `markov:order=${spec.order ?? 1}:${spec.transform ?? 'unique'}`
    : `shapley:${spec.value ?? 'conversions'}:${spec.transform ?? 'first'}`;

/** A data-driven model over raw journey paths: transform, refit, and bootstrap intervals per channel. */
export const dataDrivenAttribution = (
  raw: readonly Path[],
  spec: DataDrivenSpec,
  options: DataDrivenOptions = {},
): DataDrivenResult => {
  const transform = spec.transform ?? (spec.model === 'markov' ? 'unique' : 'first');
  const paths = aggregatePaths(
    raw.map((p) => {
      const t = transformPath(p.channels, transform);
      // Shapley reads channel sets: a frequency tag would split one channel in several.
      return { ...p, channels: spec.model === 'shapley' ? t.map(channelOfState) : t };
    }),
  );
  const random = seededRandom(options.seed ?? 1);
  const refit = (ps: readonly Path[]) =>
    spec.model === 'markov'
      ? markovAttribution(ps, spec.order ?? 1)
      : shapleyAttribution(ps, {
          value: spec.value,
          maxExactChannels: spec.maxExactChannels,
          samples: spec.samples,
          random,
        });
  const result = refit(paths);
  const detail = 'removalEffects' in result ? result.removalEffects : result.values;
  const channels = [...result.credits.keys()];
  const replicates = options.replicates ?? 0;
  const intervals =
    replicates > 0
      ? bootstrapIntervals(paths, (ps) => refit(ps).credits, channels, {
          replicates,
          confidence: options.confidence ?? 0.95,
          random,
        })
      : undefined;
  const conversions = totalConversions(paths);
  return {
    modelId: dataDrivenModelId({ ...spec, transform } as DataDrivenSpec),
    conversions,
    journeys: paths.reduce((a, p) => a + (p.channels.length ? p.conversions + p.nulls : 0), 0),
    channels: channels.map((channel) => {
      const credit = result.credits.get(channel) ?? 0;
      return {
        channel,
        credit,
        share: conversions > 0 ? credit / conversions : 0,
        interval: intervals?.get(channel) ?? null,
      };
    }),
    detail,
    errorBound: 'errorBound' in result ? result.errorBound : 0,
    exact: 'exact' in result ? result.exact : true,
  };
};
