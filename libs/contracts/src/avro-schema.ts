/** A parsed Avro schema document (JSON). */
export type AvroSchema =
  string | readonly AvroSchema[] | { readonly type: string; readonly [key: string]: unknown };
