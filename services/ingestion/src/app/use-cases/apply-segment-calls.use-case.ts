import { TOPICS } from '@smarketing/contracts';
import {
  emailOfIdentify,
  matchAccount,
  mergePatch,
  mergePlaceholders,
  needsPlaceholder,
  placeholderPatch,
  resolveLead,
  segmentEventTime,
  type AccountRecord,
  type IdentityKind,
  type LeadPatch,
  type LeadRecord,
} from '../../domain';
import { derivedEventId, segmentCallKey, sourceEventId } from '../event-ids';
import type { IngestionTx } from '../ports/transactions.port';
import { leadPatchOfIdentify } from '../segment/lead-profile.mapper';
import { leadProfileOf, leadUpsertedOf, patchOfRecord } from '../segment/lead-upserted.mapper';
import { touchpointOf, type TouchpointDraft } from '../segment/touchpoint.mapper';
import { bag, str } from '../segment/traits';
import type { GroupCall, SegmentCall } from '../validation';

export type SegmentInput = {
  readonly source: string;
  readonly calls: readonly SegmentCall[];
  readonly receivedAt: number;
};
export type SegmentOutcome = { readonly accepted: number; readonly duplicates: number };

type Keyed = {
  readonly call: SegmentCall;
  readonly source: string;
  readonly eventId: string;
  readonly occurredAt: number;
};
type Merge = { merged: Set<string>; anonymousIds: Set<string>; eventId: string; occurredAt: number };

const unique = (values: readonly (string | undefined)[]): string[] => [
  ...new Set(values.filter((v): v is string => v !== undefined)),
];

/**
 * Applies Segment calls in the caller's transaction, set-wise (a handful of statements per
 * transaction, not per call): idempotency, identity resolution, lead upserts and merges, account
 * association, events. Kafka-style: the intake consumer runs it in its batch's transaction, and
 * IngestSegmentCalls in a shared HTTP transaction (see GroupCommit). The inputs are applied as if
 * in order, so a call sent twice in one transaction (same messageId, or same content without one)
 * counts as a duplicate of the first. The rules it applies (which lead a call resolves to, which
 * placeholders an identify merges, how patches fold) are domain/'s.
 */
export class ApplySegmentCalls {
  /** One outcome per input, in order. */
  async execute(inputs: readonly SegmentInput[], tx: IngestionTx): Promise<SegmentOutcome[]> {
    const keyed = new Map<string, Keyed>();
    const owners = inputs.map(() => new Set<string>()); // event ids first seen in each input
    inputs.forEach((input, i) => {
      for (const call of input.calls) {
        const eventId = sourceEventId(input.source, segmentCallKey(call));
        if (keyed.has(eventId)) continue;
        keyed.set(eventId, {
          call,
          source: input.source,
          eventId,
          occurredAt: segmentEventTime({ ...call, receivedAt: input.receivedAt }),
        });
        owners[i]?.add(eventId);
      }
    });
    const fresh = await tx.claim([...keyed.keys()]);
    const calls = [...keyed.values()].filter((k) => fresh.has(k.eventId));
    if (calls.length > 0) await new Batch(tx, calls).run();
    return inputs.map((input, i) => {
      let accepted = 0;
      for (const id of owners[i] ?? []) if (fresh.has(id)) accepted += 1;
      return { accepted, duplicates: input.calls.length - accepted };
    });
  }
}

class Batch {
  private readonly ids = new Map<IdentityKind, Map<string, string>>();
  private readonly links = new Map<string, { kind: IdentityKind; externalId: string; leadId: string }>();
  private loaded: ReadonlyMap<string, LeadRecord> = new Map();
  private readonly patches = new Map<string, LeadPatch>();
  private readonly upserted = new Map<string, string>(); // leadId -> event id of the call that changed it last
  private readonly merges = new Map<string, Merge>();
  private readonly accounts = new Map<string, AccountRecord>();
  private readonly touchpoints: {
    draft: TouchpointDraft;
    leadId: string;
    accountId: string | null;
    eventId: string;
  }[] = [];

  constructor(
    private readonly tx: IngestionTx,
    private readonly calls: readonly Keyed[],
  ) {}

  async run(): Promise<void> {
    const wanted = (kind: IdentityKind) =>
      unique(this.calls.map((k) => (kind === 'anonymous' ? k.call.anonymousId : k.call.userId))).map(
        (externalId) => ({ kind, externalId }),
      );
    const known = await this.tx.resolveIdentities([...wanted('anonymous'), ...wanted('user')]);
    for (const kind of ['anonymous', 'user'] as const) this.ids.set(kind, new Map());
    for (const k of known) this.ids.get(k.kind)?.set(k.externalId, k.leadId);
    const planned = this.calls.map((k) => this.plan(k));
    const touched = unique(planned.flatMap((p) => [p.leadId, ...p.candidates]));
    this.loaded = await this.tx.loadLeads(touched);
    for (const p of planned) this.applyCall(p.keyed, p.leadId, p.candidates);
    await this.write();
  }

  /** Which lead a call belongs to and which placeholders an identify may merge (resolveLead), then links its ids to it. */
  private plan(keyed: Keyed): { keyed: Keyed; leadId: string; candidates: readonly string[] } {
    const { call } = keyed;
    const anon = this.ids.get('anonymous') as Map<string, string>;
    const users = this.ids.get('user') as Map<string, string>;
    const email = call.type === 'identify' ? emailOfIdentify(call.traits, call.userId) : null;
    const { leadId, candidates } = resolveLead(
      { userId: call.userId, anonymousId: call.anonymousId, email },
      { anonymous: anon, user: users },
    );
    if (call.anonymousId !== undefined) this.link('anonymous', anon, call.anonymousId, leadId);
    if (call.userId !== undefined) this.link('user', users, call.userId, leadId);
    return { keyed, leadId, candidates };
  }

  private link(kind: IdentityKind, map: Map<string, string>, externalId: string, leadId: string): void {
    if (map.get(externalId) === leadId) return;
    map.set(externalId, leadId);
    this.links.set(`${kind}\n${externalId}`, { kind, externalId, leadId });
  }

  private effective(leadId: string): LeadPatch | undefined {
    const stored = this.loaded.get(leadId);
    const patch = this.patches.get(leadId);
    if (stored === undefined) return patch;
    return patch === undefined ? patchOfRecord(stored) : mergePatch(patchOfRecord(stored), patch);
  }

  private fold(patch: LeadPatch): void {
    const before = this.patches.get(patch.leadId);
    this.patches.set(patch.leadId, before === undefined ? patch : mergePatch(before, patch));
  }

  private ensureLead(
    leadId: string,
    anonymousId: string | undefined,
    source: string,
    occurredAt: number,
  ): void {
    if (needsPlaceholder(this.effective(leadId), anonymousId))
      this.fold(placeholderPatch(leadId, anonymousId, source, occurredAt));
  }

  private applyCall(keyed: Keyed, leadId: string, candidates: readonly string[]): void {
    const { call, source, eventId, occurredAt } = keyed;
    switch (call.type) {
      case 'identify': {
        const email = emailOfIdentify(call.traits, call.userId);
        this.fold(
          leadPatchOfIdentify({
            leadId,
            email,
            anonymousId: call.anonymousId,
            traits: call.traits,
            source,
            occurredAt,
          }),
        );
        this.upserted.set(leadId, eventId);
        this.mergePlaceholders(leadId, candidates, call.anonymousId, { source, eventId, occurredAt });
        return;
      }
      case 'group':
        this.ensureLead(leadId, call.anonymousId, source, occurredAt);
        this.associate(leadId, call, source, occurredAt);
        this.upserted.set(leadId, eventId);
        return;
      case 'track':
      case 'page': {
        this.ensureLead(leadId, call.anonymousId, source, occurredAt);
        const accountId = this.effective(leadId)?.accountId ?? null;
        this.touchpoints.push({
          draft: touchpointOf(call, eventId, source, occurredAt),
          leadId,
          accountId,
          eventId,
        });
        return;
      }
      default: {
        const unreachable: never = call;
        return unreachable;
      }
    }
  }

  private mergePlaceholders(
    survivor: string,
    candidates: readonly string[],
    anonymousId: string | undefined,
    by: { source: string; eventId: string; occurredAt: number },
  ) {
    const absorbed = mergePlaceholders(
      candidates.map((id) => ({
        leadId: id,
        lead: this.effective(id),
        mergedInto: this.loaded.get(id)?.mergedInto ?? null,
      })),
      anonymousId,
    );
    if (absorbed.merged.length === 0) return;
    const merge = this.merges.get(survivor) ?? {
      merged: new Set<string>(),
      anonymousIds: new Set<string>(),
      eventId: by.eventId,
      occurredAt: by.occurredAt,
    };
    for (const id of absorbed.merged) merge.merged.add(id);
    for (const anon of absorbed.anonymousIds) merge.anonymousIds.add(anon);
    this.merges.set(survivor, merge);
    this.fold({
      ...placeholderPatch(survivor, undefined, by.source, by.occurredAt),
      anonymousIds: [...merge.anonymousIds],
    });
  }

  private associate(leadId: string, call: GroupCall, source: string, occurredAt: number): void {
    const traits = bag(call.traits);
    const match = matchAccount({
      groupId: call.groupId,
      groupTraits: traits,
      email: this.effective(leadId)?.email ?? null,
    });
    const base = placeholderPatch(leadId, undefined, source, occurredAt);
    if (!match.matched) {
      this.fold({ ...base, accountMatchReason: match.reason });
      return;
    }
    if (match.matchedBy === 'group_call') {
      this.accounts.set(match.accountId, {
        accountId: match.accountId,
        domain: match.domain,
        name: str(traits['name']),
        groupId: call.groupId,
      });
    }
    this.fold({
      ...base,
      accountId: match.accountId,
      accountDomain: match.domain,
      accountMatchedBy: match.matchedBy,
      accountMatchReason: match.reason,
    });
  }

  private async write(): Promise<void> {
    const rows = await this.tx.upsertLeads([...this.patches.values()]);
    if (this.links.size) await this.tx.linkIdentities([...this.links.values()]);
    const mergedNow = this.merges.size
      ? await this.tx.markMerged(
          [...this.merges].map(([survivorId, m]) => ({ survivorId, mergedIds: [...m.merged] })),
        )
      : new Map<string, readonly string[]>();
    for (const [survivor, merge] of this.merges) {
      const merged = mergedNow.get(survivor) ?? [];
      if (merged.length === 0) continue;
      this.tx.publish(
        TOPICS.leadsMerged,
        {
          leadId: survivor,
          mergedLeadIds: [...merged],
          anonymousIds: [...merge.anonymousIds],
          reason: 'identify call linked an anonymous visitor or userId to an email',
          occurredAt: merge.occurredAt,
        },
        derivedEventId(merge.eventId, 'leads-merged'),
      );
      // A merged lead id no longer exists: its profile goes, compaction removes its values.
      for (const id of merged)
        this.tx.tombstone(
          TOPICS.leadProfile,
          id,
          derivedEventId(merge.eventId, `lead-profile:${id}`),
          merge.occurredAt,
        );
    }
    if (this.accounts.size) await this.tx.upsertAccounts([...this.accounts.values()]);
    const byId = new Map(rows.map((r) => [r.leadId, r]));
    for (const [leadId, eventId] of this.upserted) {
      const row = byId.get(leadId);
      if (!row) continue;
      this.tx.publish(TOPICS.leadUpserted, leadUpsertedOf(row), eventId);
      const profile = leadProfileOf(row);
      if (profile) this.tx.publish(TOPICS.leadProfile, profile, derivedEventId(eventId, 'lead-profile'));
    }
    for (const t of this.touchpoints)
      this.tx.publish(
        TOPICS.touchpointRecorded,
        { ...t.draft, leadId: t.leadId, accountId: t.accountId },
        t.eventId,
      );
  }
}
