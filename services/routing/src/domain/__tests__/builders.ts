import { noPublicHolidays, type PublicHolidayLookup } from '../availability';
import type { EligibilityContext } from '../eligibility';
import { newPoolState, type PoolState, type RepLoad } from '../pool-state';
import type { RoutingInputs, RoutingState } from '../route-lead';
import { UNKNOWN_FACTS, type LeadFacts, type Pool, type RoutingRules } from '../routing-rules';
import type { AccountOwner, Rep, SalesOrg, Team, WorkCalendar } from '../sales-org';

export const ALWAYS: WorkCalendar = {
  timeZone: 'UTC',
  workingHours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [
      d,
      [{ from: '00:00', to: '24:00' }],
    ]),
  ),
  holidays: { dates: [] },
};

export const officeHours = (timeZone: string, from = '09:00', to = '17:00'): WorkCalendar => ({
  timeZone,
  workingHours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [{ from, to }]]),
  ),
  holidays: { dates: [] },
});

export const rep = (id: string, over: Partial<Rep> = {}): Rep => ({
  id,
  name: `Rep ${id}`,
  email: `${id}@sales.example`,
  teamId: 'team',
  territories: [],
  segments: [],
  weight: 1,
  caps: {},
  outOfOffice: [],
  active: true,
  ...over,
});

export const team = (id: string, over: Partial<Team> = {}): Team => ({
  id,
  name: `Team ${id}`,
  calendar: ALWAYS,
  ...over,
});

export const salesOrg = (
  reps: Rep[],
  teams: Team[] = [team('team')],
  owners: AccountOwner[] = [],
): SalesOrg => ({
  reps: new Map(reps.map((r) => [r.id, r])),
  teams: new Map(teams.map((t) => [t.id, t])),
  accountOwners: new Map(owners.map((o) => [o.accountKey, o])),
});

export const pool = (repIds: string[], over: Partial<Pool> = {}): Pool => ({
  id: 'pool',
  name: 'Pool',
  teamId: 'team',
  strategy: 'round_robin',
  members: repIds.map((repId) => ({ repId })),
  comeback: { policy: 'none' },
  countPeriod: 'all',
  timeZone: 'UTC',
  ...over,
});

export const rules = (pools: Pool[], over: Partial<RoutingRules> = {}): RoutingRules => ({
  version: 1,
  name: 'Test rules',
  description: 'Rules for a test',
  employeeBands: [],
  rules: [
    {
      id: 'everyone',
      name: 'Everyone',
      when: [],
      pool: pools[0]?.id ?? 'pool',
      accountOwnerFirst: true,
      whenNobodyEligible: { action: 'hold' },
      sla: { onBreach: 'reassign', maxReassignments: 2 },
    },
  ],
  pools,
  queues: [{ id: 'unrouted', name: 'Unrouted' }],
  defaultQueue: 'unrouted',
  ...over,
});

export const facts = (over: Partial<LeadFacts> = {}): LeadFacts => ({ ...UNKNOWN_FACTS, ...over });

/** In-memory pool states and loads: what the pg stores hold in production. */
export class MemoryState implements RoutingState {
  readonly pools = new Map<string, PoolState>();
  readonly loads = new Map<string, RepLoad>();
  pool(poolId: string): PoolState {
    let p = this.pools.get(poolId);
    if (p === undefined) {
      p = newPoolState(poolId);
      this.pools.set(poolId, p);
    }
    return p;
  }
  load(repId: string) {
    return this.loads.get(repId);
  }
  setLoad(repId: string, load: RepLoad) {
    this.loads.set(repId, load);
  }
}

export const inputsFor = (
  org: SalesOrg,
  doc: RoutingRules,
  state = new MemoryState(),
  publicHoliday: PublicHolidayLookup = noPublicHolidays,
): RoutingInputs & { state: MemoryState } => ({ org, rules: doc, state, publicHoliday });

export const eligibility = (
  org: SalesOrg,
  at: number,
  state: MemoryState = new MemoryState(),
  heldBefore: string[] = [],
): EligibilityContext => ({
  org,
  at,
  publicHoliday: noPublicHolidays,
  heldBefore: new Set(heldBefore),
  loadOf: (id) => state.load(id),
});

/** Monday 7 December 2026, 10:00 UTC. */
export const MONDAY_10_UTC = Date.UTC(2026, 11, 7, 10, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
