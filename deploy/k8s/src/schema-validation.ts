import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './inventory';
import type { K8sObject } from './kubernetes';

/**
 * Where the published schemas of each API group live: kubernetes-models for the built-ins, and the
 * model packages generated from each operator's own CRDs (versions pinned in package.json).
 */
const PACKAGES: Readonly<Record<string, string>> = {
  'keda.sh': '@kubernetes-models/keda',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
  'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator',
};

type Model = new (data: object) => { validate(): void };

/**
 * The model file of an apiVersion and kind. The packages are ESM with `import`-only exports, so they
 * are loaded by path (Node's require of ESM; Jest compiles them, see jest.config.js).
 */
function modelFile(apiVersion: string, kind: string): string | undefined {
  const m = /^(?:([a-z0-9.-]+)\/)?(v[0-9]+(?:(?:alpha|beta)[0-9]+)?)$/.exec(apiVersion);
  if (!m || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  const [, group, version] = m as unknown as [string, string | undefined, string];
  const pkg = group === undefined || !(group in PACKAGES) ? 'kubernetes-models' : PACKAGES[group];
  if (
    pkg === 'kubernetes-models' &&
    group !== undefined &&
    !/(\.k8s\.io|^apps|^batch|^policy|^autoscaling)$/.test(group)
  )
    return undefined;
  const file = join(REPO, 'node_modules', pkg as string, ...(group ? [group] : []), version, `${kind}.js`);
  return existsSync(file) ? file : undefined;
}

/** Validates an object against its published schema; the problems, or none. An unknown kind is one. */
export function schemaProblems(o: K8sObject): string[] {
  const file = modelFile(String(o.apiVersion), String(o.kind));
  if (!file) return [`unknown kind ${o.apiVersion}/${o.kind}: no published schema to validate it against`];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const models = require(file) as Record<string, Model>;
  const ModelClass = models[o.kind];
  if (!ModelClass) return [`${file} exports no ${o.kind}`];
  try {
    new ModelClass(o).validate();
    return [];
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
}
