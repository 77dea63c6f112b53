import type { TouchpointType } from '@smarketing/contracts';

export type { TouchpointType };

/** A classified touchpoint keeps the name the source used, so reports can show it verbatim. */
export type TouchpointClassification = { type: TouchpointType; eventName: string | null };
