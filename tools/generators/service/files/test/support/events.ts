/** A lead-upserted event as ingestion writes it, at event time `at` (epoch ms). */
export { leadUpserted } from '@smarketing/service-testing';
