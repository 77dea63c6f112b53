import { randomUUID } from 'node:crypto';
import { TOPICS, type LifecycleChanged, type LifecycleStage } from '@smarketing/contracts';
import { leadUpserted } from '@smarketing/service-testing';
import type { EventProducer } from '@smarketing/service-testing';

// A small data set with known answers, in a quarter long past (so no clock matters): five leads
// become MQL in ISO week 2025-W19, three of them enterprise, two smb; one enterprise lead is then
// accepted (SAL) and qualified (SQL).

export const PERIOD = '2025-Q2';
export const WEEK = '2025-W19';

const day = (d: number, hour = 10) => Date.UTC(2025, 4, d, hour);

/** What the dashboard answers for PERIOD, with no filter and with each segment. */
export const EXPECTED = {
  all: { mqlVolume: 5 },
  enterprise: { mqlVolume: 3 },
  smb: { mqlVolume: 2 },
} as const;

const lifecycle = (
  leadId: string,
  from: LifecycleStage | null,
  to: LifecycleStage,
  at: number,
): LifecycleChanged => ({
  leadId,
  from,
  to,
  causeKind: 'score',
  causeDetail: `band ${to} (score 72, model aligned v1)`,
  causeEventId: null,
  reason: null,
  cycle: 1,
  repId: null,
  occurredAt: at,
});

/** Sends the data set's events and returns its lead ids by segment. */
export async function seedFunnel(producer: EventProducer): Promise<{ enterprise: string[]; smb: string[] }> {
  const enterprise = [randomUUID(), randomUUID(), randomUUID()];
  const smb = [randomUUID(), randomUUID()];
  await producer.send(TOPICS.leadUpserted, [
    ...enterprise.map((id) => leadUpserted(id, day(5), { employeeCount: 5_000, region: 'EMEA' })),
    ...smb.map((id) => leadUpserted(id, day(5), { employeeCount: 20, region: 'NA' })),
  ]);
  const [accepted] = enterprise as [string];
  await producer.send(TOPICS.lifecycleChanged, [
    ...[...enterprise, ...smb].map((id) => lifecycle(id, 'lead', 'mql', day(6))),
    lifecycle(accepted, 'mql', 'sal', day(7)),
    lifecycle(accepted, 'sal', 'sql', day(8)),
  ]);
  return { enterprise, smb };
}
