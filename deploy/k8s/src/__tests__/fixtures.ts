import { loadPlatform, REPO, type Platform } from '../inventory';
import { baseFiles, toolsInfo, type K8sObject } from '../kubernetes';

export const platform: Platform = loadPlatform(REPO);

/** The base's objects as the generator builds them (no kubectl), unshared as in the written YAML. */
export const baseObjects = (p: Platform = platform): K8sObject[] =>
  [...baseFiles(p, toolsInfo(REPO)).values()].flat().map((o) => JSON.parse(JSON.stringify(o)) as K8sObject);

/** A copy of the objects with one of them changed. */
export function withChange(
  kind: string,
  name: string,
  change: (o: Record<string, any>) => void, // eslint-disable-line @typescript-eslint/no-explicit-any
  objects: K8sObject[] = baseObjects(),
): K8sObject[] {
  const target = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!target) throw new Error(`no ${kind}/${name}`);
  change(target);
  return objects;
}
