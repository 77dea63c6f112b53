/**
 * Pure FULL_TRANSITIVE checks between Avro schema documents, without git (check-compat.ts adds the history).
 * Two layers: avsc's schema resolution in both directions (new reader on old data, old reader on new data),
 * which is what a registry enforces, plus the platform's stricter rules (docs/architecture.md, Topics and schemas), which catch
 * changes that resolve but hurt consumers: enums without a default, fields added or removed without a
 * default, renamed fields or types, a topic schema that changes its full name.
 */
import { Type } from 'avsc';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

/** A named type found in a schema document, by full name. */
type Named = {
  readonly fullName: string;
  readonly kind: 'record' | 'error' | 'enum' | 'fixed';
  readonly node: Obj;
};

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Obj, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

const fullNameOf = (node: Obj, namespace: string | undefined): string => {
  const name = String(node.name);
  if (name.includes('.')) return name;
  const ns = typeof node.namespace === 'string' ? node.namespace : namespace;
  return ns ? `${ns}.${name}` : name;
};

/** Every named type of a schema document by full name, in document order. */
export function namedTypes(schema: Json): Map<string, Named> {
  const out = new Map<string, Named>();
  const walk = (t: Json | undefined, ns: string | undefined): void => {
    if (Array.isArray(t)) return t.forEach((u) => walk(u, ns));
    if (!isObj(t)) return;
    switch (t.type) {
      case 'record':
      case 'error':
      case 'enum':
      case 'fixed': {
        const fullName = fullNameOf(t, ns);
        out.set(fullName, { fullName, kind: t.type, node: t });
        const inner = fullName.includes('.') ? fullName.slice(0, fullName.lastIndexOf('.')) : undefined;
        if (t.type === 'record' || t.type === 'error')
          for (const f of (t.fields as Obj[]) ?? []) walk(f.type, inner);
        return;
      }
      case 'array':
        return walk(t.items, ns);
      case 'map':
        return walk(t.values, ns);
      default:
        if (isObj(t.type) || Array.isArray(t.type)) walk(t.type, ns);
    }
  };
  walk(schema, undefined);
  return out;
}

const fieldsOf = (n: Named): Obj[] =>
  n.kind === 'record' || n.kind === 'error' ? ((n.node.fields as Obj[]) ?? []) : [];

/** The full name a field's type refers to, when it is a named type (inline or by reference). */
const namedRef = (
  t: Json | undefined,
  ns: string | undefined,
  known: Map<string, Named>,
): string | undefined => {
  if (isObj(t) && ['record', 'error', 'enum', 'fixed'].includes(String(t.type))) return fullNameOf(t, ns);
  if (typeof t === 'string') {
    const candidates = t.includes('.') ? [t] : [ns ? `${ns}.${t}` : t, t];
    return candidates.find((c) => known.has(c));
  }
  return undefined;
};
const nsOf = (fullName: string): string | undefined =>
  fullName.includes('.') ? fullName.slice(0, fullName.lastIndexOf('.')) : undefined;

/** Rules that concern one schema on its own: every enum has a default symbol that it declares. */
export function checkSchemaRules(schemaName: string, schema: Json): string[] {
  const errors: string[] = [];
  try {
    Type.forSchema(schema as never);
  } catch (e) {
    return [`${schemaName}: invalid Avro schema: ${(e as Error).message}`];
  }
  for (const n of namedTypes(schema).values()) {
    if (n.kind !== 'enum') continue;
    const symbols = (n.node.symbols as string[]) ?? [];
    if (!has(n.node, 'default'))
      errors.push(
        `${schemaName}: enum ${n.fullName} has no default symbol (every enum needs one, e.g. "unknown")`,
      );
    else if (!symbols.includes(String(n.node.default)))
      errors.push(
        `${schemaName}: enum ${n.fullName} default ${JSON.stringify(n.node.default)} is not one of its symbols`,
      );
  }
  return errors;
}

const fieldType = (registry: Record<string, Type>, record: string, field: string): Type | undefined => {
  const t = registry[record] as (Type & { field?: (n: string) => { type: Type } | undefined }) | undefined;
  return t?.field?.(field)?.type;
};
const isNamedRecord = (t: Type): boolean => t.typeName === 'record' || t.typeName === 'error';
const describe = (t: Type): string => JSON.stringify(t.schema({ exportAttrs: false }));

const resolve = (reader: Type, writer: Type): string | undefined => {
  try {
    reader.createResolver(writer);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
};

/**
 * Checks that `next` may replace `previous` under FULL compatibility and the platform rules.
 * `label` names the earlier version in messages (e.g. a commit). Returns human-readable errors, empty when compatible.
 */
export function checkPair(
  schemaName: string,
  next: Json,
  previous: Json,
  label = 'the previous version',
): string[] {
  const errors = checkSchemaRules(schemaName, next);
  if (errors.length) return errors;
  const prevRegistry: Record<string, Type> = {};
  const nextRegistry: Record<string, Type> = {};
  let prevType: Type;
  try {
    prevType = Type.forSchema(previous as never, { registry: prevRegistry });
  } catch (e) {
    return [`${schemaName}: ${label} is not a valid Avro schema: ${(e as Error).message}`];
  }
  const nextType = Type.forSchema(next as never, { registry: nextRegistry });
  const at = `(against ${label})`;

  // The topic's value type keeps its full name: the registry subject, generated types and consumers key on it.
  if (isObj(next) && isObj(previous) && nextType.name !== prevType.name) {
    errors.push(
      `${schemaName}: the schema's full name changed from ${String(prevType.name)} to ${String(nextType.name)} ${at}; a new name is a new topic (.v2)`,
    );
  }

  const nextNamed = namedTypes(next);
  const prevNamed = namedTypes(previous);
  for (const prev of prevNamed.values()) {
    const cur = nextNamed.get(prev.fullName);
    if (!cur) continue; // dropped with its field (checked below) or renamed (checked through the fields that use it)
    const curFields = new Map(fieldsOf(cur).map((f) => [String(f.name), f]));
    const prevFields = new Map(fieldsOf(prev).map((f) => [String(f.name), f]));
    for (const [name, f] of curFields) {
      const aliases = Array.isArray(f.aliases) ? f.aliases.map(String) : [];
      const renamedFrom = aliases.find((a) => prevFields.has(a) && !curFields.has(a));
      if (renamedFrom) {
        errors.push(
          `${schemaName}: field ${prev.fullName}.${renamedFrom} was renamed to ${name} ${at}; never rename: add a new field with a default and deprecate the old one`,
        );
        continue;
      }
      if (!prevFields.has(name) && !has(f, 'default')) {
        errors.push(
          `${schemaName}: field ${prev.fullName}.${name} was added without a default ${at}; old events cannot be read with it`,
        );
      }
    }
    for (const [name, f] of prevFields) {
      const cur2 = curFields.get(name);
      if (!cur2) {
        const renamed = [...curFields.values()].some(
          (c) => Array.isArray(c.aliases) && c.aliases.map(String).includes(name),
        );
        if (!renamed && !has(f, 'default')) {
          errors.push(
            `${schemaName}: field ${prev.fullName}.${name} was removed but had no default ${at}; old consumers cannot read new events`,
          );
        }
        continue;
      }
      // Named types used by a kept field keep their names.
      const a = namedRef(f.type, nsOf(prev.fullName), prevNamed);
      const b = namedRef(cur2.type, nsOf(cur.fullName), nextNamed);
      if (a && b && a !== b) {
        errors.push(
          `${schemaName}: type of field ${prev.fullName}.${name} was renamed from ${a} to ${b} ${at}; named types keep their names`,
        );
        continue;
      }
      // Resolve the field's own type both ways, so that a type change is reported against the field.
      const pt = fieldType(prevRegistry, prev.fullName, name);
      const nt = fieldType(nextRegistry, cur.fullName, name);
      if (!pt || !nt || isNamedRecord(pt) || isNamedRecord(nt)) continue; // nested records: their own fields are checked
      const problems = [
        resolve(nt, pt) && 'new readers cannot read old values',
        resolve(pt, nt) && 'old readers cannot read new values',
      ].filter(Boolean);
      if (problems.length) {
        errors.push(
          `${schemaName}: field ${prev.fullName}.${name} changed type from ${describe(pt)} to ${describe(nt)} ${at}: ${problems.join(' and ')}`,
        );
      }
    }
  }

  // Schema resolution both ways, as the registry does: BACKWARD (new reads old) and FORWARD (old reads new).
  // The checks above explain most failures field by field; this is the authority and catches the rest.
  if (errors.length) return errors;
  const backward = resolve(nextType, prevType);
  if (backward)
    errors.push(
      `${schemaName}: the new schema cannot read data written with ${label} (BACKWARD): ${backward}`,
    );
  const forward = resolve(prevType, nextType);
  if (forward)
    errors.push(`${schemaName}: ${label} cannot read data written with the new schema (FORWARD): ${forward}`);
  return errors;
}

/** FULL_TRANSITIVE: `next` against every earlier version (oldest first, labelled). */
export function checkAgainstHistory(
  schemaName: string,
  next: Json,
  history: readonly { label: string; schema: Json }[],
): string[] {
  const errors = checkSchemaRules(schemaName, next);
  if (errors.length) return errors;
  return history.flatMap((h) => checkPair(schemaName, next, h.schema, h.label));
}
