import { TOPICS } from '@smarketing/contracts';
import * as avro from 'avsc';
import { creditJourney, ruleModel, type Journey } from '../../domain';
import { creditedEvent } from '../credit/credited-event';
import { creditIdOf } from '../credit/recredit';
import type { CreditVersion } from '../ports/credit-store.port';

const T0 = Date.UTC(2026, 0, 1);
const journey: Journey = {
  touches: [
    { id: 't1', leadId: 'l', at: T0, channel: 'paid_search', campaignId: 'c', kind: 'touchpoint' },
    { id: 't2', leadId: 'l', at: T0 + 1, channel: 'sales', campaignId: null, kind: 'sales_activity' },
  ],
  milestones: { leadCreatedAt: T0, opportunityCreatedAt: T0 + 1, wonAt: T0 + 2 },
  convertedAt: T0 + 2,
};

const version = (family: Parameters<typeof ruleModel>[0]['family'], amountMinor: bigint): CreditVersion => {
  const model = ruleModel(
    family === 'custom' ? { family, name: 'x', shares: { first: 100 } } : { family, touches: 'with_sales' },
  );
  return {
    conversionId: 'won:o1',
    conversionKind: 'won',
    convertedAt: T0 + 2,
    modelId: model.id,
    family: model.family,
    creditId: creditIdOf('won:o1', model.id, 2),
    version: 2,
    supersedes: creditIdOf('won:o1', model.id, 1),
    fingerprint: '',
    scope: 'account',
    currency: 'USD',
    revenueMinor: amountMinor,
    settingsVersion: 1,
    credit: creditJourney(model, journey, { amountMinor, currency: 'USD' }),
  };
};

describe('the attribution-credited event', () => {
  const type = avro.Type.forSchema(TOPICS.attributionCredited.schema as avro.Schema);
  const ids = { leadId: null, opportunityId: 'o1', accountId: 'acc' };

  it.each(['full_path', 'time_decay_unnormalized', 'custom', 'position_based'] as const)(
    'is valid Avro of the topic schema (%s)',
    (family) => {
      const event = creditedEvent(version(family, 1_000n), ids);
      const errors: string[] = [];
      type.isValid(event, { errorHook: (path) => errors.push(path.join('.')) });
      expect(errors).toEqual([]);
    },
  );

  it('names the model, the version it supersedes and the anchors, and maps a sales touch to channel other', () => {
    const e = creditedEvent(version('full_path', 1_000n), ids);
    expect(e).toMatchObject({
      model: 'full_path',
      modelId:
        'full_path:first+lead_creation+opportunity_creation+closed_won:22.5/22.5/22.5/22.5/10:with_sales',
      version: 2,
      supersedes:
        'won:o1/full_path:first+lead_creation+opportunity_creation+closed_won:22.5/22.5/22.5/22.5/10:with_sales/v1',
      journeyScope: 'account',
      touchCount: 2,
    });
    expect(e.credits.map((c) => [c.channel, c.touchKind, c.amountMinor])).toEqual([
      ['paid_search', 'touchpoint', 500],
      ['other', 'sales_activity', 500],
    ]);
    expect(e.anchorsUsed.map((a) => a.anchor)).toEqual([
      'first',
      'lead_creation',
      'opportunity_creation',
      'closed_won',
    ]);
  });

  it('refuses an amount it could not carry exactly', () => {
    expect(() => creditedEvent(version('linear', 2n ** 60n), ids)).toThrow('exactly');
  });
});
