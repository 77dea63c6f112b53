import { z } from 'zod';
import { isoDateTime, segmentId } from './common.schema';
import { segmentContextSchema } from './segment-context.schema';

/**
 * Fields every Segment call carries. `messageId` is the idempotency key; Segment's libraries always
 * send it, hand-written callers often do not, and Segment's API accepts a call without one, so we
 * do too and derive the key from the call's content (segmentCallKey).
 * `receivedAt` from clients is ignored: the server sets it.
 */
export const segmentCommonFields = {
  messageId: segmentId.optional(),
  userId: segmentId.optional(),
  anonymousId: segmentId.optional(),
  timestamp: isoDateTime.optional(),
  originalTimestamp: isoDateTime.optional(),
  sentAt: isoDateTime.optional(),
  context: segmentContextSchema.optional(),
};

/** Cross-field rules run even when other fields failed, so one 400 lists every problem; not on non-objects. */
export const runOnObjects = (payload: { value: unknown }): boolean =>
  typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value);

/** Segment's rule: a call must say who, by userId or anonymousId. Runs even when other fields fail. */
export const whoIsRequired = {
  check: (call: unknown): boolean => {
    const { userId, anonymousId } = (call ?? {}) as { userId?: unknown; anonymousId?: unknown };
    return userId !== undefined || anonymousId !== undefined;
  },
  params: { message: 'userId or anonymousId is required', path: ['userId'], when: runOnObjects },
};

export type SegmentCallType = 'identify' | 'track' | 'page' | 'group';

export const segmentTypeLiteral = <T extends SegmentCallType>(type: T) =>
  z.literal(type, { error: `must be "${type}"` });

/** Single-call routes (POST /v1/track) imply the type, so a body without `type` gets the route's. */
export function withCallType(input: unknown, type: SegmentCallType): unknown {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && !Object.hasOwn(input, 'type')
    ? { ...input, type }
    : input;
}
