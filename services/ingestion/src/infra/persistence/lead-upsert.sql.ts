import { prepared } from '@smarketing/messaging';
import { leadColumns } from './lead-row.mapper';

/**
 * Inserts or merges leads in one statement. A null in the patch keeps the stored value; a group
 * call's account is not overridden by an email-domain match; anonymous ids accumulate.
 */
export const UPSERT_LEADS = prepared(
  'ingestion.leads.upsert',
  `
WITH patch AS (
  SELECT * FROM unnest(
    $1::uuid[], $2::text[], $3::jsonb[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[], $10::text[],
    $11::text[], $12::text[], $13::int[], $14::text[], $15::text[], $16::text[], $17::boolean[], $18::boolean[], $19::text[],
    $20::text[], $21::bigint[]
  ) AS p(lead_id, email, anonymous_ids, first_name, last_name, title, seniority, company, account_id, account_domain,
         account_matched_by, account_match_reason, employee_count, industry, country, region, is_free_mail, is_student,
         extra_traits, source, occurred_at)
)
INSERT INTO ingestion_leads AS l (lead_id, email, anonymous_ids, first_name, last_name, title, seniority, company, account_id,
  account_domain, account_matched_by, account_match_reason, employee_count, industry, country, region, is_free_mail, is_student,
  extra_traits, source, occurred_at)
SELECT lead_id, email, ARRAY(SELECT jsonb_array_elements_text(anonymous_ids)), first_name, last_name, title, COALESCE(seniority, 'unknown'), company,
  account_id, account_domain, account_matched_by, account_match_reason, employee_count, industry, country,
  COALESCE(region, 'unknown'), COALESCE(is_free_mail, false), is_student, extra_traits, source, occurred_at
FROM patch ORDER BY lead_id
ON CONFLICT (lead_id) DO UPDATE SET
  email = COALESCE(EXCLUDED.email, l.email),
  anonymous_ids = ARRAY(SELECT DISTINCT unnest(l.anonymous_ids || EXCLUDED.anonymous_ids) ORDER BY 1),
  first_name = COALESCE(EXCLUDED.first_name, l.first_name),
  last_name = COALESCE(EXCLUDED.last_name, l.last_name),
  title = COALESCE(EXCLUDED.title, l.title),
  seniority = CASE WHEN EXCLUDED.title IS NULL THEN l.seniority ELSE EXCLUDED.seniority END,
  company = COALESCE(EXCLUDED.company, l.company),
  account_id = CASE WHEN EXCLUDED.account_id IS NULL OR (l.account_matched_by = 'group_call' AND EXCLUDED.account_matched_by = 'email_domain') THEN l.account_id ELSE EXCLUDED.account_id END,
  account_domain = CASE WHEN EXCLUDED.account_id IS NULL OR (l.account_matched_by = 'group_call' AND EXCLUDED.account_matched_by = 'email_domain') THEN l.account_domain ELSE EXCLUDED.account_domain END,
  account_matched_by = CASE WHEN EXCLUDED.account_id IS NULL OR (l.account_matched_by = 'group_call' AND EXCLUDED.account_matched_by = 'email_domain') THEN l.account_matched_by ELSE EXCLUDED.account_matched_by END,
  account_match_reason = CASE
    WHEN EXCLUDED.account_id IS NULL AND l.account_id IS NULL THEN COALESCE(EXCLUDED.account_match_reason, l.account_match_reason)
    WHEN EXCLUDED.account_id IS NULL OR (l.account_matched_by = 'group_call' AND EXCLUDED.account_matched_by = 'email_domain') THEN l.account_match_reason
    ELSE EXCLUDED.account_match_reason END,
  employee_count = COALESCE(EXCLUDED.employee_count, l.employee_count),
  industry = COALESCE(EXCLUDED.industry, l.industry),
  country = COALESCE(EXCLUDED.country, l.country),
  region = CASE WHEN EXCLUDED.country IS NULL THEN l.region ELSE EXCLUDED.region END,
  is_free_mail = CASE WHEN EXCLUDED.email IS NULL THEN l.is_free_mail ELSE EXCLUDED.is_free_mail END,
  is_student = COALESCE(EXCLUDED.is_student, l.is_student),
  extra_traits = COALESCE(EXCLUDED.extra_traits, l.extra_traits),
  source = EXCLUDED.source,
  occurred_at = GREATEST(l.occurred_at, EXCLUDED.occurred_at),
  erased_at = CASE WHEN EXCLUDED.email IS NOT NULL THEN NULL ELSE l.erased_at END,
  updated_at = now()
RETURNING ${leadColumns('l')}`,
);
