import { BATCH_COMMIT_BOUND_SECONDS } from './bounds';
import type { Platform } from './inventory';
import type { K8sObject } from './kubernetes';

/** One rule over a rendered overlay: every problem it finds, each naming the object. */
export type Check = (objects: readonly K8sObject[], platform: Platform) => string[];

type Container = {
  name: string;
  image?: string;
  command?: string[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: Record<string, { name?: string; key?: string; optional?: boolean }>;
  }[];
  envFrom?: { configMapRef?: { name: string; optional?: boolean } }[];
  ports?: { name?: string; containerPort: number }[];
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  securityContext?: Record<string, unknown>;
  livenessProbe?: { httpGet?: { path?: string } };
  readinessProbe?: { httpGet?: { path?: string } };
};
type PodSpec = {
  containers?: Container[];
  initContainers?: Container[];
  securityContext?: Record<string, unknown>;
  terminationGracePeriodSeconds?: number;
};

const id = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
const ofKind = (objects: readonly K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const spec = (o: K8sObject) => (o['spec'] ?? {}) as Record<string, unknown>;

/** Objects that run pods, with their pod spec. */
function workloads(objects: readonly K8sObject[]): { o: K8sObject; pod: PodSpec }[] {
  const template = (t: unknown) => ((t as { spec?: PodSpec } | undefined)?.spec ?? {}) as PodSpec;
  return objects.flatMap((o) => {
    if (o.kind === 'Pod') return [{ o, pod: spec(o) as PodSpec }];
    if (o.kind === 'CronJob') {
      const job = spec(o)['jobTemplate'] as { spec?: { template?: unknown } } | undefined;
      return [{ o, pod: template(job?.spec?.template) }];
    }
    if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(o.kind))
      return [{ o, pod: template(spec(o)['template']) }];
    return [];
  });
}
const allContainers = (pod: PodSpec) => [...(pod.initContainers ?? []), ...(pod.containers ?? [])];

export const probesAndLimits: Check = (objects) =>
  workloads(objects).flatMap(({ o, pod }) => [
    ...allContainers(pod).flatMap((c) =>
      ['cpu', 'memory'].flatMap((r) => [
        ...(c.resources?.limits?.[r] === undefined ? [`${id(o)} ${c.name}: no ${r} limit`] : []),
        ...(c.resources?.requests?.[r] === undefined ? [`${id(o)} ${c.name}: no ${r} request`] : []),
      ]),
    ),
    ...(o.kind === 'Job' || o.kind === 'CronJob' || o.kind === 'Pod'
      ? []
      : (pod.containers ?? []).flatMap((c) => [
          ...(c.livenessProbe?.httpGet?.path === '/health/live'
            ? []
            : [`${id(o)} ${c.name}: no liveness probe on /health/live`]),
          ...(c.readinessProbe?.httpGet?.path === '/health/ready'
            ? []
            : [`${id(o)} ${c.name}: no readiness probe on /health/ready`]),
        ])),
  ]);

export const nonRoot: Check = (objects) =>
  workloads(objects).flatMap(({ o, pod }) =>
    allContainers(pod).flatMap((c) => {
      const sc = { ...pod.securityContext, ...c.securityContext };
      return [
        ...(sc['runAsNonRoot'] === true && sc['runAsUser'] !== 0
          ? []
          : [`${id(o)} ${c.name}: may run as root`]),
        ...(c.securityContext?.['readOnlyRootFilesystem'] === true
          ? []
          : [`${id(o)} ${c.name}: root filesystem is writable`]),
        ...(c.securityContext?.['allowPrivilegeEscalation'] === false
          ? []
          : [`${id(o)} ${c.name}: privilege escalation allowed`]),
      ];
    }),
  );

export const configMapKeysExist: Check = (objects) => {
  const maps = new Map(
    ofKind(objects, 'ConfigMap').map((m) => [m.metadata.name, Object.keys((m['data'] ?? {}) as object)]),
  );
  return workloads(objects).flatMap(({ o, pod }) =>
    allContainers(pod).flatMap((c) => [
      ...(c.env ?? []).flatMap((e) => {
        const ref = e.valueFrom?.['configMapKeyRef'];
        if (!ref || ref.optional) return [];
        const keys = maps.get(ref.name ?? '');
        if (!keys) return [`${id(o)} ${c.name}: ${e.name} refers to missing ConfigMap ${ref.name}`];
        return keys.includes(ref.key ?? '')
          ? []
          : [`${id(o)} ${c.name}: ${e.name} refers to missing key ${ref.key} of ConfigMap ${ref.name}`];
      }),
      ...(c.envFrom ?? []).flatMap((e) =>
        e.configMapRef && !e.configMapRef.optional && !maps.has(e.configMapRef.name)
          ? [`${id(o)} ${c.name}: envFrom refers to missing ConfigMap ${e.configMapRef.name}`]
          : [],
      ),
    ]),
  );
};

/** Names of variables that hold credentials: only ever set through a secretKeyRef. */
const SECRET_VARIABLE = /^(DATABASE_URL|API_KEYS)$|PASSWORD|SECRET|TOKEN|WRITE_KEY/;

export const noLiteralSecrets: Check = (objects) => [
  ...ofKind(objects, 'Secret').flatMap((s) =>
    Object.keys({ ...(s['data'] ?? {}), ...(s['stringData'] ?? {}) } as object).length
      ? [`${id(s)}: holds literal values (create Secrets outside the manifests; reference them only)`]
      : [],
  ),
  ...workloads(objects).flatMap(({ o, pod }) =>
    allContainers(pod).flatMap((c) =>
      (c.env ?? [])
        .filter((e) => SECRET_VARIABLE.test(e.name) && !e.valueFrom?.['secretKeyRef'])
        .map((e) => `${id(o)} ${c.name}: ${e.name} is not taken from a Secret`),
    ),
  ),
];

export const pinnedImages: Check = (objects) =>
  workloads(objects).flatMap(({ o, pod }) =>
    allContainers(pod).flatMap((c) => {
      const image = c.image ?? '';
      if (image.includes('@sha256:')) return [];
      const tag = /:([^/:]+)$/.exec(image)?.[1];
      return tag && tag !== 'latest'
        ? []
        : [`${id(o)} ${c.name}: image ${image || '(none)'} is not pinned to a tag`];
    }),
  );

type Acl = {
  resource: { type: string; name: string; patternType?: string };
  operations?: string[];
  operation?: string;
};
const aclsOf = (u: K8sObject): Acl[] =>
  ((spec(u)['authorization'] as { acls?: Acl[] } | undefined)?.acls ?? []) as Acl[];
const grants = (u: K8sObject, type: string, name: string, op: string) =>
  aclsOf(u).some(
    (a) =>
      a.resource.type === type &&
      a.resource.name === name &&
      (a.resource.patternType ?? 'literal') === 'literal' &&
      [...(a.operations ?? []), ...(a.operation ? [a.operation] : [])].some((o) => o === op || o === 'All'),
  );

export const topicsAndAcls: Check = (objects, platform) => {
  const topics = new Set(
    ofKind(objects, 'KafkaTopic').map((t) => String(spec(t)['topicName'] ?? t.metadata.name)),
  );
  const users = new Map(ofKind(objects, 'KafkaUser').map((u) => [u.metadata.name, u]));
  const problems: string[] = [];
  for (const s of platform.services) {
    const user = users.get(s.name);
    if (!user) problems.push(`service ${s.name}: no KafkaUser`);
    const needs: [string, string][] = [
      ...s.writes.map((t): [string, string] => [t, 'Write']),
      ...s.deadLetters.map((t): [string, string] => [t, 'Write']),
      ...s.reads.map((t): [string, string] => [t, 'Read']),
    ];
    for (const [topic, op] of needs) {
      if (!topics.has(topic)) problems.push(`service ${s.name}: no KafkaTopic for ${topic}`);
      if (user && !grants(user, 'topic', topic, op))
        problems.push(`KafkaUser/${s.name}: no ${op} ACL on ${topic}`);
    }
    if (user && s.reads.length && !grants(user, 'group', s.consumerGroup, 'Read'))
      problems.push(`KafkaUser/${s.name}: no Read ACL on its group ${s.consumerGroup}`);
    // The broker's half of one writer per topic: nothing beyond what the registry gives it.
    if (user)
      for (const a of aclsOf(user)) {
        const ops = [...(a.operations ?? []), ...(a.operation ? [a.operation] : [])];
        const wide = (a.resource.patternType ?? 'literal') !== 'literal' || ops.includes('All');
        if (wide)
          problems.push(
            `KafkaUser/${s.name}: ACL on ${a.resource.type} ${a.resource.name} is wider than literal`,
          );
        if (
          a.resource.type === 'topic' &&
          ops.includes('Write') &&
          ![...s.writes, ...s.deadLetters].includes(a.resource.name)
        )
          problems.push(`KafkaUser/${s.name}: may write ${a.resource.name}, which it is not the writer of`);
        if (a.resource.type === 'topic' && ops.includes('Read') && !s.reads.includes(a.resource.name))
          problems.push(`KafkaUser/${s.name}: may read ${a.resource.name}, which it does not declare`);
      }
  }
  const writers = new Map<string, string[]>();
  for (const u of users.values())
    for (const a of aclsOf(u))
      if (a.resource.type === 'topic' && grants(u, 'topic', a.resource.name, 'Write'))
        writers.set(a.resource.name, [...(writers.get(a.resource.name) ?? []), u.metadata.name]);
  for (const [topic, names] of writers)
    if (new Set(names).size > 1)
      problems.push(`topic ${topic}: written by ${[...new Set(names)].join(', ')}`);
  return problems;
};

export const replicasWithinPartitions: Check = (objects) => {
  const partitions = new Map(
    ofKind(objects, 'KafkaTopic').map((t) => [
      String(spec(t)['topicName'] ?? t.metadata.name),
      Number(spec(t)['partitions']),
    ]),
  );
  return ofKind(objects, 'ScaledObject').flatMap((so) => {
    const max = Number(spec(so)['maxReplicaCount'] ?? 100);
    const triggers = (spec(so)['triggers'] ?? []) as { type: string; metadata?: { topic?: string } }[];
    return triggers
      .filter((t) => t.type === 'kafka')
      .flatMap((t) => {
        const p = partitions.get(t.metadata?.topic ?? '');
        if (p === undefined)
          return [`${id(so)}: scales on ${t.metadata?.topic ?? '(no topic)'}, which has no KafkaTopic`];
        return max > p
          ? [`${id(so)}: maxReplicaCount ${max} exceeds the ${p} partitions of ${t.metadata?.topic}`]
          : [];
      });
  });
};

export const graceCoversBatch: Check = (objects) =>
  workloads(objects)
    .filter(({ o }) => o.kind === 'Deployment')
    .flatMap(({ o, pod }) =>
      (pod.terminationGracePeriodSeconds ?? 30) > BATCH_COMMIT_BOUND_SECONDS
        ? []
        : [
            `${id(o)}: terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds ?? 30} is not longer than a batch plus its commit (${BATCH_COMMIT_BOUND_SECONDS} s)`,
          ],
    );

/** Every service has its full set of objects, migrates before it serves, and accepts only its HTTP port. */
export const everyServiceDeployed: Check = (objects, platform) => {
  const find = (kind: string, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.name === name);
  const problems = platform.services.flatMap((s) => {
    const missing = [
      'Deployment',
      'Service',
      'ConfigMap',
      'ServiceAccount',
      'PodDisruptionBudget',
      'NetworkPolicy',
    ]
      .filter((k) => !find(k, s.name))
      .map((k) => `service ${s.name}: no ${k}`);
    if (!find('PodMonitor', s.name) && !find('ServiceMonitor', s.name))
      missing.push(`service ${s.name}: no PodMonitor or ServiceMonitor`);
    if (s.reads.length && !find('ScaledObject', s.name)) missing.push(`service ${s.name}: no ScaledObject`);
    const d = find('Deployment', s.name);
    const pod = d && workloads([d])[0]?.pod;
    if (pod && !(pod.initContainers ?? []).some((c) => c.command?.join(' ') === s.migrateCommand.join(' ')))
      missing.push(`Deployment/${s.name}: no init container running migrate:prod`);
    const ports = (pod?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
    const np = find('NetworkPolicy', s.name);
    if (np) {
      const rules = (spec(np)['ingress'] ?? []) as { ports?: { port?: number | string }[] }[];
      const open = rules.flatMap((r) => (r.ports ? r.ports.map((p) => p.port) : ['any port']));
      if (!open.length || open.some((p) => !ports.includes(Number(p))))
        missing.push(
          `NetworkPolicy/${s.name}: admits ${open.join(', ') || 'nothing'}, not only its HTTP port ${ports.join(', ')}`,
        );
    }
    return missing;
  });
  if (!objects.some((o) => o.kind === 'Job' && o.metadata.name === 'schema-registration'))
    problems.push('no schema-registration Job');
  return problems;
};

export const CHECKS: Readonly<Record<string, Check>> = {
  probesAndLimits,
  nonRoot,
  configMapKeysExist,
  noLiteralSecrets,
  pinnedImages,
  topicsAndAcls,
  replicasWithinPartitions,
  graceCoversBatch,
  everyServiceDeployed,
};
