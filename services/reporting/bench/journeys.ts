import { CHANNEL_SYMBOLS, type Channel } from '@smarketing/contracts';
import type { LogEntry } from '../src/app/__tests__/lifecycle-fixture';
import {
  accountScored,
  attributionCredited,
  campaignCostRecorded,
  leadAssigned,
  leadDispositioned,
  leadScored,
  leadUpserted,
  lifecycleChanged,
  opportunityUpdated,
  salesActivityRecorded,
  slaStatusChanged,
  touchpointRecorded,
  volumeSlaEvaluated,
} from '../test/support/events';

// Synthetic but plausible funnels, the same for the Kafka runs and the bulk-built state: each lead
// is upserted, touched and scored; about 40% become MQLs and are assigned, contacted (response
// SLA) and dispositioned (disposition SLA); accepted ones move on to SQL, opportunity and won,
// with attribution credits. Costs, account scores and volume evaluations are their own entities.

export const DAY = 86_400_000;
const HOUR = 3_600_000;

export { TOPIC_OF } from '../test/support/log-topics';

/**
 * A seeded PRNG (mulberry32): the same seed gives the same data set, run after run. Written out
 * because the only library at hand (pure-rand) is a transitive dependency of fast-check, not ours.
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CHANNELS: readonly Channel[] = CHANNEL_SYMBOLS;
export const CAMPAIGNS = 40;
const campaignChannel = (c: number): Channel => CHANNELS[c % CHANNELS.length]!;
/** The filter values a dashboard query picks: one of each kind that the data set holds. */
export const FILTERS = { segment: 'enterprise', region: 'EMEA', channel: 'paid_search', team: 'team-3' };
const EMPLOYEES = [20, 20, 20, 400, 400, 5_000, null] as const;
const REGIONS = ['NA', 'NA', 'EMEA', 'EMEA', 'APAC', 'LATAM'] as const;
const SOURCES = ['web', 'crm', 'import', 'event'];
const TEAMS = 8;
const REPS_PER_TEAM = 10;
const REASONS = ['bad_fit', 'no_budget', 'no_need', 'bad_timing', 'competitor'] as const;

export type Window = { readonly from: number; readonly to: number };

const entry = (topic: LogEntry['topic'], value: { readonly occurredAt: number }): LogEntry => ({
  topic,
  event: { eventId: '', occurredAt: value.occurredAt, value },
});

/**
 * When the i-th of n leads is created: spread over the window in id order, so that leads of one
 * slice of ids touch the same few months of counters.
 */
export const createdAt = (i: number, n: number, window: Window, random: () => number): number =>
  window.from + Math.floor(((i + random()) / n) * (window.to - window.from - DAY));

/**
 * The events of one lead created at `created`, about `perLead` of them (a funnel's own events,
 * topped up with further touches and scores). Events never go past `window.to`.
 */
export function leadJourney(
  leadId: string,
  accountId: string | null,
  random: () => number,
  created: number,
  window: Window,
  perLead: number,
): LogEntry[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: LogEntry[] = [];
  const until = window.to - 1;
  let t = created;
  const later = (maxHours: number) => (t = Math.min(until, t + Math.floor(random() * maxHours * HOUR) + 1));
  const profile = {
    employeeCount: pick(EMPLOYEES),
    region: pick(REGIONS),
    source: pick(SOURCES),
    accountId,
  };
  out.push(entry('leads', leadUpserted(leadId, created, profile)));
  const campaign = Math.floor(random() * CAMPAIGNS);
  out.push(
    entry('touchpoints', touchpointRecorded(leadId, later(2), campaignChannel(campaign), `c${campaign}`)),
  );
  const total = Math.floor(random() * 100);
  const band = total >= 70 ? 'hot' : total >= 55 ? 'mql' : total >= 40 ? 'nurture' : 'cold';
  out.push(entry('scores', leadScored(leadId, later(24), total, band)));
  if (random() < 0.4) {
    const mql = later(72);
    out.push(entry('lifecycle', lifecycleChanged(leadId, 'lead', 'mql', mql)));
    const team = 1 + Math.floor(random() * TEAMS);
    const rep = `rep-${team}-${1 + Math.floor(random() * REPS_PER_TEAM)}`;
    const teamId = `team-${team}`;
    const assigned = later(1);
    out.push(entry('assignments', leadAssigned(leadId, assigned, rep, teamId)));
    const due = assigned + 4 * HOUR;
    const sla = { leadId, repId: rep, teamId, startedAt: assigned };
    out.push(
      entry(
        'sla',
        slaStatusChanged({
          ...sla,
          kind: 'response',
          status: 'running',
          sequence: 1,
          dueAt: due,
          at: assigned,
        }),
      ),
    );
    const contacted = later(8);
    out.push(entry('activities', salesActivityRecorded(leadId, contacted, rep)));
    const met = contacted <= due;
    out.push(
      entry(
        'sla',
        slaStatusChanged({
          ...sla,
          kind: 'response',
          status: met ? 'met' : 'breached',
          sequence: 2,
          dueAt: due,
          at: met ? contacted : due,
          resolvedAt: contacted,
          elapsedBusinessMs: contacted - assigned,
        }),
      ),
    );
    const dispositionDue = assigned + 5 * DAY;
    // Some MQLs are never worked: their disposition SLA stays open.
    if (random() < 0.1) {
      out.push(
        entry(
          'sla',
          slaStatusChanged({
            ...sla,
            kind: 'disposition',
            status: 'running',
            sequence: 1,
            dueAt: dispositionDue,
            at: assigned,
          }),
        ),
      );
      return topUp(out, leadId, random, later, perLead);
    }
    const dispositioned = later(144);
    const accepted = random() < 0.55;
    out.push(
      entry(
        'dispositions',
        leadDispositioned(
          leadId,
          dispositioned,
          rep,
          accepted ? 'accepted' : 'rejected',
          accepted ? null : pick(REASONS),
        ),
      ),
    );
    out.push(
      entry(
        'sla',
        slaStatusChanged({
          ...sla,
          kind: 'disposition',
          status: dispositioned <= dispositionDue ? 'met' : 'breached',
          sequence: 1,
          dueAt: dispositionDue,
          at: Math.min(dispositioned, dispositionDue),
          resolvedAt: dispositioned,
        }),
      ),
    );
    if (accepted) {
      out.push(entry('lifecycle', lifecycleChanged(leadId, 'mql', 'sal', dispositioned)));
      if (random() < 0.6) {
        out.push(entry('lifecycle', lifecycleChanged(leadId, 'sal', 'sql', later(120))));
        if (random() < 0.5) {
          const opportunityId = `opp-${leadId}`;
          const amount = (5 + Math.floor(random() * 200)) * 100_000;
          const opened = later(48);
          out.push(
            entry(
              'opportunities',
              opportunityUpdated(opportunityId, opened, [leadId], 'open', amount, { accountId }),
            ),
          );
          out.push(entry('lifecycle', lifecycleChanged(leadId, 'sql', 'opportunity', opened)));
          const roll = random();
          if (roll < 0.6) {
            const closed = later(24 * 60);
            const won = roll < 0.3;
            out.push(
              entry(
                'opportunities',
                opportunityUpdated(opportunityId, closed, [leadId], won ? 'won' : 'lost', amount, {
                  accountId,
                }),
              ),
            );
            if (won) {
              out.push(entry('lifecycle', lifecycleChanged(leadId, 'opportunity', 'customer', closed)));
              const other = Math.floor(random() * CAMPAIGNS);
              out.push(
                entry(
                  'credits',
                  attributionCredited(`won:${opportunityId}`, later(1), amount, [
                    { channel: campaignChannel(campaign), campaignId: `c${campaign}` },
                    { channel: campaignChannel(other), campaignId: `c${other}` },
                  ]),
                ),
              );
            }
          }
        }
      }
    }
  }
  return topUp(out, leadId, random, later, perLead);
}

/** Further activity (more touches, re-scores) up to the lead's share of the events. */
function topUp(
  out: LogEntry[],
  leadId: string,
  random: () => number,
  later: (maxHours: number) => number,
  perLead: number,
): LogEntry[] {
  const extra = Math.max(0, Math.round(perLead - out.length + (random() - 0.5) * 4));
  for (let i = 0; i < extra; i++) {
    const at = later(48);
    const c = Math.floor(random() * CAMPAIGNS);
    out.push(
      i % 3 === 2
        ? entry('scores', leadScored(leadId, at, Math.floor(random() * 100), 'nurture'))
        : entry(
            'touchpoints',
            touchpointRecorded(leadId, at, campaignChannel(c), `c${c}`, { type: 'page_view' }),
          ),
    );
  }
  return out;
}

/** Weekly cost lines per campaign, weekly volume evaluations per segment, and one score per account. */
export function factEvents(window: Window, accounts: readonly string[], random: () => number): LogEntry[] {
  const out: LogEntry[] = [];
  const firstWeek = Math.floor(window.from / (7 * DAY)) * 7 * DAY;
  for (let week = firstWeek; week + 7 * DAY <= window.to; week += 7 * DAY) {
    for (let c = 0; c < CAMPAIGNS; c++)
      out.push(
        entry(
          'costs',
          campaignCostRecorded(
            `cost-c${c}-${week}`,
            `c${c}`,
            campaignChannel(c),
            week / DAY,
            week / DAY + 6,
            (50 + Math.floor(random() * 500)) * 10_000,
          ),
        ),
      );
    for (const segment of ['smb', 'mid-market', 'enterprise'])
      out.push(
        entry(
          'volume',
          volumeSlaEvaluated(
            `volume-${segment}`,
            segment,
            week,
            week + 7 * DAY,
            week + 7 * DAY,
            Math.floor(random() * 200),
          ),
        ),
      );
  }
  for (const accountId of accounts) {
    const roll = random();
    const tier = roll < 0.05 ? 'tier_1' : roll < 0.2 ? 'tier_2' : roll < 0.5 ? 'tier_3' : 'untiered';
    out.push(entry('accounts', accountScored(accountId, window.to - DAY, tier, roll < 0.3 ? 'hot' : 'warm')));
  }
  return out;
}
