const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ['batch', 3, 'userId'] -> 'batch[3].userId'; odd keys are quoted: properties["plan name"]. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment))
      out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out === '' ? '(root)' : out;
}
