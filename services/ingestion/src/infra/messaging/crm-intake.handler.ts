import { INTAKE_TOPICS } from '@smarketing/contracts';
import type { Envelope, JsonIntakeHandler, TxContext } from '@smarketing/messaging';
import { CRM_KINDS, crmFactKey, parseCrmFact, type CrmFact, type CrmKind } from '../../app/crm/crm-fact';
import { InvalidInputError } from '../../app/errors';
import { sourceEventId } from '../../app/event-ids';
import type { ApplyCrmFacts } from '../../app/use-cases/apply-crm-facts.use-case';
import { ingestionTx } from '../persistence/ingestion-tx';
import { fallbackEventId, reasonOf, receivedAtOf } from './intake-support';

export const CRM_INTAKE_SOURCE = 'kafka-crm';

type Parsed = { ok: true; fact: CrmFact } | { ok: false; reason: string };

/** intake.crm.v1: `{ "kind": "sales-activity" | "disposition" | "opportunity" | "campaign-cost", ...fields }`. */
export class CrmIntakeHandler implements JsonIntakeHandler {
  readonly topic = INTAKE_TOPICS.crm;

  // eventIdOf, validate and handle see the same value object: parse it once.
  private readonly parsed = new WeakMap<object, Parsed>();

  constructor(private readonly applyCrmFacts: ApplyCrmFacts) {}

  private parse(value: unknown): Parsed {
    const cached = this.parsed.get(value as object);
    if (cached) return cached;
    const result = this.parseOnce(value);
    this.parsed.set(value as object, result);
    return result;
  }

  private parseOnce(value: unknown): Parsed {
    const { kind, ...fields } = value as { kind?: unknown };
    if (typeof kind !== 'string' || !(CRM_KINDS as readonly string[]).includes(kind))
      return { ok: false, reason: `kind: must be one of ${CRM_KINDS.join(', ')}` };
    const parsed = parseCrmFact(kind as CrmKind, fields);
    return parsed.ok ? parsed : { ok: false, reason: reasonOf(new InvalidInputError(parsed.errors)) };
  }

  eventIdOf(value: unknown): string | undefined {
    const parsed = this.parse(value);
    return parsed.ok ? sourceEventId(CRM_INTAKE_SOURCE, crmFactKey(parsed.fact)) : fallbackEventId(value);
  }

  validate(event: Envelope<unknown>): string | undefined {
    const parsed = this.parse(event.value);
    return parsed.ok ? undefined : parsed.reason;
  }

  async handle(events: readonly Envelope<unknown>[], tx: TxContext): Promise<void> {
    const facts = events.map((e) => this.parse(e.value)).flatMap((p) => (p.ok ? [p.fact] : []));
    await this.applyCrmFacts.execute(
      [{ source: CRM_INTAKE_SOURCE, facts, receivedAt: receivedAtOf(events) }],
      ingestionTx(tx),
    );
  }
}
