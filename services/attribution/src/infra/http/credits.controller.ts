import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { InvalidInputError, NotFoundError, Route, Scopes } from '@smarketing/http';
import type { z } from 'zod';
import type { CreditVersion } from '../../app/ports/credit-store.port';
import { CreditsByPeriod } from '../../app/use-cases/credits-by-period.use-case';
import { DataDrivenByPeriod } from '../../app/use-cases/data-driven-by-period.use-case';
import { GetConversionCredits } from '../../app/use-cases/get-conversion-credits.use-case';
import { PreviewCredits } from '../../app/use-cases/preview-credits.use-case';
import { PublishDataDrivenCredits } from '../../app/use-cases/publish-data-driven-credits.use-case';
import { SpendReport } from '../../app/use-cases/spend-report.use-case';
import {
  modelSpecSchema,
  type DataDrivenResult,
  type DataDrivenSpec,
  type JourneyCredit,
  type ModelSpec,
} from '../../domain';
import {
  conversionParams,
  dataDrivenQuery,
  modelQuery,
  opportunityParams,
  previewQuery,
  publishDataDrivenBody,
  periodQuery,
  spendQuery,
} from './request-schemas';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Minor units travel as strings: JSON numbers lose units beyond 2^53. */
const creditView = (v: CreditVersion) => ({
  conversionId: v.conversionId,
  conversionKind: v.conversionKind,
  convertedAt: iso(v.convertedAt),
  modelId: v.modelId,
  model: v.family,
  creditId: v.creditId,
  version: v.version,
  supersedes: v.supersedes,
  journeyScope: v.scope,
  settingsVersion: v.settingsVersion,
  revenue: v.revenueMinor === null ? null : { amountMinor: v.revenueMinor.toString(), currency: v.currency },
  anchorsUsed: v.credit.anchorsUsed.map((a) => ({
    anchor: a.anchor,
    touchpointId: a.touchId,
    at: iso(a.at),
  })),
  credits: v.credit.credits.map((c) => ({
    touchpointId: c.touchId,
    touchKind: c.kind,
    touchedAt: iso(c.at),
    channel: c.channel,
    campaignId: c.campaignId,
    weight: c.weight,
    amountMinor: c.amountMinor?.toString() ?? null,
    anchors: c.anchors,
  })),
});

const previewView = (id: string, c: JourneyCredit) => ({
  conversionId: id,
  modelId: c.modelId,
  touchCount: c.touchCount,
  anchorsUsed: c.anchorsUsed.map((a) => ({ anchor: a.anchor, touchpointId: a.touchId, at: iso(a.at) })),
  credits: c.credits.map((x) => ({
    touchpointId: x.touchId,
    channel: x.channel,
    campaignId: x.campaignId,
    weight: x.weight,
    amountMinor: x.amountMinor?.toString() ?? null,
    anchors: x.anchors,
  })),
});

const dataDrivenView = (r: DataDrivenResult) => ({
  modelId: r.modelId,
  exact: r.exact,
  errorBound: r.errorBound,
  conversions: r.conversions,
  journeys: r.journeys,
  channels: r.channels.map((c) => ({
    channel: c.channel,
    credit: c.credit,
    share: c.share,
    interval: c.interval,
    detail: r.detail.get(c.channel) ?? null,
  })),
});

/** Credits: of one conversion or opportunity, per channel or campaign over a period, data-driven, spend (read scope). */
@Controller('v1')
@Scopes('read')
export class CreditsController {
  constructor(
    @Inject(GetConversionCredits) private readonly conversionCredits: GetConversionCredits,
    @Inject(CreditsByPeriod) private readonly byPeriod: CreditsByPeriod,
    @Inject(DataDrivenByPeriod) private readonly dataDriven: DataDrivenByPeriod,
    @Inject(SpendReport) private readonly spend: SpendReport,
    @Inject(PreviewCredits) private readonly preview: PreviewCredits,
    @Inject(PublishDataDrivenCredits) private readonly publishDataDriven: PublishDataDrivenCredits,
  ) {}

  @Get('conversions/:conversionId/credits')
  @Route({
    summary: "A conversion's latest credits under every model in force (or `model`).",
    params: conversionParams,
    query: modelQuery,
    responses: { 200: 'The credits, one entry per model.' },
  })
  async ofConversion(
    @Param() { conversionId }: z.output<typeof conversionParams>,
    @Query() { model }: z.output<typeof modelQuery>,
  ) {
    const found = await this.conversionCredits.ofConversion(conversionId, model);
    if (!found.length)
      throw new NotFoundError(`no credits for conversion ${conversionId}${model ? ` under ${model}` : ''}`);
    return { conversionId, credits: found.map(creditView) };
  }

  @Get('opportunities/:opportunityId/credits')
  @Route({
    summary: "An opportunity's credits (created and won) under every model in force (or `model`).",
    params: opportunityParams,
    query: modelQuery,
    responses: { 200: 'The credits, one entry per conversion and model.' },
  })
  async ofOpportunity(
    @Param() { opportunityId }: z.output<typeof opportunityParams>,
    @Query() { model }: z.output<typeof modelQuery>,
  ) {
    const found = await this.conversionCredits.ofOpportunity(opportunityId, model);
    if (!found.length) throw new NotFoundError(`no credits for opportunity ${opportunityId}`);
    return { opportunityId, credits: found.map(creditView) };
  }

  @Get('opportunities/:opportunityId/credits/preview')
  @Route({
    summary:
      "An opportunity's credits under any rule model (not stored, not emitted): family, halfLifeDays, touches, name + shares.",
    params: opportunityParams,
    query: previewQuery,
    responses: { 200: 'The credits per conversion of the opportunity.' },
  })
  async previewOpportunity(
    @Param() { opportunityId }: z.output<typeof opportunityParams>,
    @Query() q: z.output<typeof previewQuery>,
  ) {
    const parsed = modelSpecSchema.safeParse(
      Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)),
    );
    if (!parsed.success)
      throw new InvalidInputError(
        parsed.error.issues.map((i) => ({
          path: `query.${i.path.join('.') || 'family'}`,
          message: i.message,
        })),
        'the model is invalid',
      );
    const found = await this.preview.execute(opportunityId, parsed.data as ModelSpec);
    if (!found.length) throw new NotFoundError(`no conversions for opportunity ${opportunityId}`);
    return { opportunityId, credits: found.map((f) => previewView(f.conversionId, f.credit)) };
  }

  @Get('credits')
  @Route({
    summary: 'Conversions and revenue credited per channel or campaign over a period, models side by side.',
    query: periodQuery,
    responses: { 200: 'One row per group, conversion kind and currency; a column per model.' },
  })
  async credits(@Query() q: z.output<typeof periodQuery>) {
    const result = await this.byPeriod.execute({
      from: q.from,
      to: q.to,
      by: q.by,
      models: q.models ?? [],
      kinds: q.kinds ?? ['mql', 'sql', 'opportunity', 'won'],
    });
    return { from: iso(q.from), to: iso(q.to), by: q.by, ...result };
  }

  @Get('data-driven')
  @Route({
    summary:
      'A data-driven model (Markov removal effect or Shapley) over the period, with bootstrap intervals.',
    query: dataDrivenQuery,
    responses: { 200: 'Per channel: credit, share, interval.' },
  })
  async dataDrivenModels(@Query() q: z.output<typeof dataDrivenQuery>) {
    const spec: DataDrivenSpec | undefined =
      q.model === 'markov'
        ? { model: 'markov', order: q.order, transform: q.transform }
        : q.model === 'shapley'
          ? { model: 'shapley', value: q.value, transform: q.transform }
          : undefined;
    const { settingsVersion, results } = await this.dataDriven.execute({
      from: q.from,
      to: q.to,
      kind: q.kind,
      spec,
    });
    return {
      from: iso(q.from),
      to: iso(q.to),
      kind: q.kind,
      settingsVersion,
      results: results.map(dataDrivenView),
    };
  }

  @Post('data-driven/credits')
  @Scopes('admin')
  @Route({
    summary:
      'Fit a data-driven model over a period and credit each conversion of the kind with it, with intervals (admin): stored and emitted as new versions.',
    body: publishDataDrivenBody,
    responses: { 201: 'How many conversions were credited and how many new versions emitted.' },
  })
  async publishDataDrivenCredits(@Body() b: z.output<typeof publishDataDrivenBody>) {
    const spec: DataDrivenSpec =
      b.model === 'markov'
        ? { model: 'markov', order: b.order, transform: b.transform }
        : { model: 'shapley', value: b.value, transform: b.transform };
    return this.publishDataDriven.execute({
      from: b.from,
      to: b.to,
      kind: b.kind,
      spec,
      replicates: b.replicates,
    });
  }

  @Get('spend')
  @Route({
    summary: 'ROAS, CAC, cost per SQL and ROI per channel or campaign over a period under one model.',
    query: spendQuery,
    responses: { 200: 'Rows per group and currency; lead-to-opportunity conversion per campaign.' },
  })
  async spendReport(@Query() q: z.output<typeof spendQuery>) {
    return {
      from: iso(q.from),
      to: iso(q.to),
      by: q.by,
      ...(await this.spend.execute({ from: q.from, to: q.to, by: q.by, modelId: q.model })),
    };
  }
}
