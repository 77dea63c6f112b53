import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CHECKS } from './checks';
import type { Platform } from './inventory';
import type { K8sObject } from './kubernetes';
import { schemaProblems } from './schema-validation';

export const OVERLAYS = ['small', 'production'] as const;

/** `kubectl kustomize` of one overlay (offline: Kustomize is built into kubectl), as objects. */
export function renderOverlay(repo: string, overlay: string): K8sObject[] {
  const text = execFileSync('kubectl', ['kustomize', join(repo, 'deploy/k8s/overlays', overlay)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseDocuments(text);
}

export function parseDocuments(text: string): K8sObject[] {
  return parseAllDocuments(text).flatMap((d) => {
    if (d.errors.length) throw new Error(d.errors.map((e) => e.message).join('; '));
    const o = d.toJS() as K8sObject | null;
    return o ? [o] : [];
  });
}

/** Every schema problem and every failed check of a rendered overlay, each prefixed with its check. */
export function overlayProblems(objects: readonly K8sObject[], platform: Platform): string[] {
  return [
    ...objects.flatMap((o) => schemaProblems(o).map((p) => `schema ${o.kind}/${o.metadata?.name}: ${p}`)),
    ...Object.entries(CHECKS).flatMap(([name, check]) =>
      check(objects, platform).map((p) => `${name}: ${p}`),
    ),
  ];
}
