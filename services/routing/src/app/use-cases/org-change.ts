import type { FieldError } from '../../domain';

/** What an admin change of the sales org answers: done, or the fields that are wrong, or nothing there. */
export type OrgChangeResult<T> =
  | { readonly kind: 'saved'; readonly value: T }
  | { readonly kind: 'invalid'; readonly errors: FieldError[] }
  | { readonly kind: 'not_found'; readonly message: string };
