import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMAGE_PORT, TERMINATION_GRACE_SECONDS } from './bounds';
import type { Platform, ServiceInfo } from './inventory';

/** A Kubernetes object as the manifests hold it (validated against its schema by validate.ts). */
export type K8sObject = {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly labels?: Record<string, string>;
    [k: string]: unknown;
  };
  readonly [field: string]: unknown;
};

/** Names the manifests assume of the cluster; the README lists them as prerequisites. */
export const CLUSTER = {
  /** The Strimzi `Kafka` resource: KafkaTopics and KafkaUsers carry it as `strimzi.io/cluster`. */
  kafka: 'smarketing',
  kafkaBootstrap: 'smarketing-kafka-bootstrap:9092',
  schemaRegistryUrl: 'http://schema-registry:8080/apis/ccompat/v7',
  /** Secret holding `API_KEYS` (libs/http's format), shared by every service. */
  apiKeysSecret: 'smarketing-api-keys',
  /** Secret holding `sasl`, `username` and `password` for KEDA's lag queries. */
  kedaKafkaSecret: 'smarketing-keda-kafka',
  kedaKafkaUser: 'smarketing-keda',
  intakeKafkaUser: 'smarketing-intake-producer',
  imageRepository: 'smarketing',
} as const;

/** The Secret holding a service's `DATABASE_URL` (its own PostgreSQL database). */
export const databaseSecret = (service: string): string => `${service}-database`;

/** Variables that come from Secrets (by reference only), and where. */
const secretRef = (service: string, variable: string): { name: string; key: string } | undefined =>
  variable === 'DATABASE_URL'
    ? { name: databaseSecret(service), key: 'DATABASE_URL' }
    : variable === 'API_KEYS'
      ? { name: CLUSTER.apiKeysSecret, key: 'API_KEYS' }
      : variable === 'KAFKA_SASL_PASSWORD'
        ? { name: service, key: 'password' } // made by Strimzi for the service's KafkaUser
        : undefined;

/** Set on the container itself: the image's listen address and port (probes and Service target it). */
const CONTAINER_ENV: Readonly<Record<string, string>> = { HOST: '0.0.0.0', PORT: String(IMAGE_PORT) };

/**
 * Cluster addresses instead of the local stack's defaults, and the service's Kafka identity (its
 * KafkaUser), for whichever of these its config reads.
 */
const clusterEnv = (service: string): Readonly<Record<string, string>> => ({
  KAFKA_BROKERS: CLUSTER.kafkaBootstrap,
  SCHEMA_REGISTRY_URL: CLUSTER.schemaRegistryUrl,
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: service,
});

export const labelsOf = (name: string, component: string): Record<string, string> => ({
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/part-of': 'smarketing',
});
const selectorOf = (name: string) => ({ 'app.kubernetes.io/name': name });

/**
 * The tools image (schema registration here, provisioning and sample traffic in Compose): the root
 * Dockerfile's `tools` target, `docker build --target tools -t smarketing/platform-tools:<version> .`
 */
export const TOOLS_IMAGE = { name: 'platform-tools', dockerfileTarget: 'tools' } as const;

export const imageOf = (name: string, version: string): string =>
  `${CLUSTER.imageRepository}/${name}:${version}`;

/** The service's settings that are neither secrets nor set on the container: its ConfigMap. */
export function configData(s: ServiceInfo): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.env)) {
    if (secretRef(s.name, k) || k in CONTAINER_ENV) continue;
    const value = clusterEnv(s.name)[k] ?? v;
    if (value !== undefined) data[k] = value;
  }
  return data;
}

const podSecurity = {
  runAsNonRoot: true,
  // the image's `node` user
  runAsUser: 1000,
  runAsGroup: 1000,
  fsGroup: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
};
const containerSecurity = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
};
const tmpVolume = { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } };
const tmpMount = { name: 'tmp', mountPath: '/tmp' };

function envOf(s: ServiceInfo, keys: readonly string[]): object[] {
  return keys.flatMap((k): object[] => {
    const ref = secretRef(s.name, k);
    if (ref) return [{ name: k, valueFrom: { secretKeyRef: ref } }];
    if (k in CONTAINER_ENV) return [{ name: k, value: CONTAINER_ENV[k] }];
    if (k in configData(s)) return [{ name: k, valueFrom: { configMapKeyRef: { name: s.name, key: k } } }];
    return [];
  });
}

function deployment(s: ServiceInfo): K8sObject {
  const image = imageOf(s.name, s.version);
  const env = envOf(s, Object.keys(s.env));
  const resources = {
    requests: { cpu: '250m', memory: '256Mi' },
    limits: { cpu: '1', memory: '512Mi' },
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: s.name, labels: labelsOf(s.name, 'service') },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorOf(s.name) },
      // One new pod at a time, none taken away first: its migration runs alone and capacity holds.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: labelsOf(s.name, 'service') },
        spec: {
          serviceAccountName: s.name,
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
          securityContext: podSecurity,
          // Before the new version serves: migrations are reversible and additive (STYLE.md).
          initContainers: [
            {
              name: 'migrate',
              image,
              command: s.migrateCommand,
              env: envOf(s, ['DATABASE_URL', 'LOG_LEVEL']),
              resources,
              securityContext: containerSecurity,
              volumeMounts: [tmpMount],
            },
          ],
          containers: [
            {
              name: 'service',
              image,
              command: s.startCommand,
              ports: [{ name: 'http', containerPort: IMAGE_PORT, protocol: 'TCP' }],
              env,
              resources,
              securityContext: containerSecurity,
              volumeMounts: [tmpMount],
              startupProbe: {
                httpGet: { path: '/health/live', port: 'http' },
                periodSeconds: 2,
                failureThreshold: 60,
              },
              livenessProbe: {
                httpGet: { path: '/health/live', port: 'http' },
                periodSeconds: 10,
                timeoutSeconds: 3,
                failureThreshold: 3,
              },
              readinessProbe: {
                httpGet: { path: '/health/ready', port: 'http' },
                periodSeconds: 5,
                timeoutSeconds: 3,
                failureThreshold: 2,
              },
              // Lets endpoints drop the pod before SIGTERM starts Nest's shutdown hooks.
              lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
            },
          ],
          volumes: [tmpVolume],
        },
      },
    },
  };
}

function serviceObjects(s: ServiceInfo, platform: Platform): K8sObject[] {
  const labels = labelsOf(s.name, 'service');
  const partitionsOf = (topic: string) => platform.topics.find((t) => t.name === topic)?.partitions ?? 1;
  const maxReplicas = Math.min(...s.reads.map(partitionsOf));
  const objects: K8sObject[] = [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: s.name, labels },
      automountServiceAccountToken: false,
    },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: s.name, labels }, data: configData(s) },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: s.name, labels },
      spec: {
        selector: selectorOf(s.name),
        ports: [{ name: 'http', port: IMAGE_PORT, targetPort: 'http', protocol: 'TCP' }],
      },
    },
    deployment(s),
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: s.name, labels },
      spec: { maxUnavailable: 1, selector: { matchLabels: selectorOf(s.name) } },
    },
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: s.name, labels },
      spec: {
        selector: { matchLabels: selectorOf(s.name) },
        podMetricsEndpoints: [{ port: 'http', path: '/metrics', interval: '30s' }],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: s.name, labels },
      spec: {
        podSelector: { matchLabels: selectorOf(s.name) },
        policyTypes: ['Ingress'],
        ingress: [{ ports: [{ port: IMAGE_PORT, protocol: 'TCP' }] }],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: databaseSecret(s.name), labels: labelsOf(s.name, 'database') },
      spec: {
        podSelector: { matchLabels: { 'smarketing.io/database': s.name } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ podSelector: { matchLabels: selectorOf(s.name) } }],
            ports: [{ port: 5432, protocol: 'TCP' }],
          },
        ],
      },
    },
    kafkaUser(s),
  ];
  if (s.reads.length > 0)
    objects.push({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: s.name, labels },
      spec: {
        scaleTargetRef: { name: s.name },
        minReplicaCount: 1,
        // One consumer group: replicas beyond a topic's partitions would sit idle on it.
        maxReplicaCount: maxReplicas,
        pollingInterval: 15,
        cooldownPeriod: 300,
        triggers: s.reads.map((topic) => ({
          type: 'kafka',
          metadata: {
            bootstrapServers: CLUSTER.kafkaBootstrap,
            consumerGroup: s.consumerGroup,
            topic,
            lagThreshold: '1000',
            offsetResetPolicy: 'earliest',
          },
          authenticationRef: { name: CLUSTER.kedaKafkaSecret },
        })),
      },
    });
  return objects;
}

type Acl = { resource: { type: string; name: string; patternType: 'literal' }; operations: string[] };
const topicAcl = (name: string, operations: string[]): Acl => ({
  resource: { type: 'topic', name, patternType: 'literal' },
  operations,
});
const groupAcl = (name: string, operations: string[]): Acl => ({
  resource: { type: 'group', name, patternType: 'literal' },
  operations,
});

const user = (name: string, component: string, acls: Acl[]): K8sObject => ({
  apiVersion: 'kafka.strimzi.io/v1beta2',
  kind: 'KafkaUser',
  metadata: { name, labels: { ...labelsOf(name, component), 'strimzi.io/cluster': CLUSTER.kafka } },
  spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls } },
});

/**
 * The broker's half of "one writer per topic": Write only where the registry names the service as
 * writer (and its own dead letters), Read only what it declares, and its consumer group. The
 * producer is idempotent, not transactional: Write on a topic covers IdempotentWrite (KIP-679).
 */
function kafkaUser(s: ServiceInfo): K8sObject {
  return user(s.name, 'kafka-user', [
    ...[...s.writes, ...s.deadLetters].map((t) => topicAcl(t, ['Write', 'Describe'])),
    ...s.reads.map((t) => topicAcl(t, ['Read', 'Describe'])),
    ...(s.reads.length ? [groupAcl(s.consumerGroup, ['Read', 'Describe'])] : []),
  ]);
}

function sharedObjects(platform: Platform, root: ReturnType<typeof toolsInfo>): K8sObject[] {
  const consumers = platform.services.filter((s) => s.reads.length > 0);
  const name = 'schema-registration';
  const labels = labelsOf(name, 'deploy-step');
  return [
    ...platform.topics.map((t): K8sObject => ({
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaTopic',
      metadata: {
        name: t.name,
        // No name label: a topic name may be longer than a label value can be.
        labels: {
          'app.kubernetes.io/component': `topic-${t.role}`,
          'app.kubernetes.io/part-of': 'smarketing',
          'strimzi.io/cluster': CLUSTER.kafka,
        },
      },
      spec: {
        topicName: t.name,
        partitions: t.partitions,
        replicas: t.replication,
        config: { ...t.configs },
      },
    })),
    // KEDA reads committed offsets and high watermarks: Describe only.
    user(CLUSTER.kedaKafkaUser, 'kafka-user', [
      ...[...new Set(consumers.flatMap((s) => s.reads))].map((t) => topicAcl(t, ['Describe'])),
      ...consumers.map((s) => groupAcl(s.consumerGroup, ['Describe'])),
    ]),
    // Tools outside the platform write the intake topics, and only those.
    user(
      CLUSTER.intakeKafkaUser,
      'kafka-user',
      platform.topics.filter((t) => t.role === 'intake').map((t) => topicAcl(t.name, ['Write', 'Describe'])),
    ),
    {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'TriggerAuthentication',
      metadata: { name: CLUSTER.kedaKafkaSecret, labels: labelsOf(CLUSTER.kedaKafkaSecret, 'autoscaling') },
      spec: {
        secretTargetRef: ['sasl', 'username', 'password'].map((key) => ({
          parameter: key,
          name: CLUSTER.kedaKafkaSecret,
          key,
        })),
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name, labels },
      automountServiceAccountToken: false,
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, labels },
      data: { SCHEMA_REGISTRY_URL: CLUSTER.schemaRegistryUrl },
    },
    {
      // Registers every schema of the repo (FULL_TRANSITIVE pinned) before services produce; idempotent,
      // so an upgrade deletes and re-applies it (README).
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name, labels },
      spec: {
        backoffLimit: 10,
        ttlSecondsAfterFinished: 86_400,
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: false,
            restartPolicy: 'OnFailure',
            securityContext: podSecurity,
            containers: [
              {
                name: 'register',
                image: imageOf(TOOLS_IMAGE.name, root.version),
                workingDir: '/repo/tools/platform',
                command: root.registerCommand,
                env: [
                  {
                    name: 'SCHEMA_REGISTRY_URL',
                    valueFrom: { configMapKeyRef: { name, key: 'SCHEMA_REGISTRY_URL' } },
                  },
                ],
                resources: {
                  requests: { cpu: '100m', memory: '256Mi' },
                  limits: { cpu: '1', memory: '512Mi' },
                },
                securityContext: containerSecurity,
                volumeMounts: [tmpMount],
              },
            ],
            volumes: [tmpVolume],
          },
        },
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, labels },
      spec: { podSelector: { matchLabels: selectorOf(name) }, policyTypes: ['Ingress'], ingress: [] },
    },
  ];
}

/** The tools image's version and its commands: tools/platform's `register-schemas`, the root `stack:provision`. */
export function toolsInfo(repo: string): {
  version: string;
  registerCommand: string[];
  provisionCommand: string[];
} {
  const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
    version: string;
    scripts: Record<string, string>;
  };
  const tools = JSON.parse(readFileSync(join(repo, 'tools/platform/package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const argv = (script: string | undefined, what: string) => {
    if (!script) throw new Error(`no ${what} script`);
    return script.split(/\s+/);
  };
  return {
    version: root.version,
    registerCommand: argv(tools.scripts['register-schemas'], 'tools/platform register-schemas'),
    provisionCommand: argv(root.scripts['stack:provision'], 'root stack:provision'),
  };
}

/** The kustomize base: one file per service, one for Kafka, one for the schema registration. */
export function baseFiles(platform: Platform, tools: ReturnType<typeof toolsInfo>): Map<string, K8sObject[]> {
  const shared = sharedObjects(platform, tools);
  const files = new Map<string, K8sObject[]>();
  files.set(
    'kafka-topics.yaml',
    shared.filter((o) => o.kind === 'KafkaTopic'),
  );
  files.set(
    'kafka-access.yaml',
    shared.filter((o) => o.kind === 'KafkaUser' || o.kind === 'TriggerAuthentication'),
  );
  files.set(
    'schema-registration.yaml',
    shared.filter((o) => !['KafkaTopic', 'KafkaUser', 'TriggerAuthentication'].includes(o.kind)),
  );
  for (const s of platform.services) files.set(`${s.name}.yaml`, serviceObjects(s, platform));
  return files;
}

type Patch = { target: Record<string, string>; patch: string };
const jsonPatch = (target: Record<string, string>, ops: object[]): Patch => ({
  target,
  patch: JSON.stringify(ops),
});

/** The two overlays: `small` (one replica of everything) and `production` (spread, guarded, scaled). */
export function overlays(platform: Platform): Record<'small' | 'production', object> {
  const services = platform.services.map((s) => s.name);
  const consumers = platform.services.filter((s) => s.reads.length > 0).map((s) => s.name);
  const replicated = platform.topics.filter((t) => 'min.insync.replicas' in t.configs).map((t) => t.name);
  const base = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: 'smarketing',
  };
  const resourcesPatch = (requests: object, limits: object) =>
    jsonPatch({ kind: 'Deployment' }, [
      { op: 'replace', path: '/spec/template/spec/containers/0/resources', value: { requests, limits } },
      { op: 'replace', path: '/spec/template/spec/initContainers/0/resources', value: { requests, limits } },
    ]);
  const small = {
    ...base,
    resources: ['../../base'],
    replicas: services.map((name) => ({ name, count: 1 })),
    patches: [
      resourcesPatch({ cpu: '50m', memory: '192Mi' }, { cpu: '500m', memory: '384Mi' }),
      ...consumers.map((name) =>
        jsonPatch({ kind: 'ScaledObject', name }, [
          { op: 'replace', path: '/spec/maxReplicaCount', value: 1 },
        ]),
      ),
      // One broker: one replica per partition, and no in-sync minimum above it.
      jsonPatch({ kind: 'KafkaTopic' }, [{ op: 'replace', path: '/spec/replicas', value: 1 }]),
      ...replicated.map((name) =>
        jsonPatch({ kind: 'KafkaTopic', name }, [{ op: 'remove', path: '/spec/config/min.insync.replicas' }]),
      ),
    ],
  };
  const production = {
    ...base,
    resources: ['../../base'],
    replicas: services.map((name) => ({ name, count: 3 })),
    patches: [
      resourcesPatch({ cpu: '500m', memory: '512Mi' }, { cpu: '2', memory: '1Gi' }),
      ...consumers.map((name) =>
        jsonPatch({ kind: 'ScaledObject', name }, [
          { op: 'replace', path: '/spec/minReplicaCount', value: 3 },
        ]),
      ),
      ...services.flatMap((name) => [
        jsonPatch({ kind: 'PodDisruptionBudget', name }, [
          { op: 'remove', path: '/spec/maxUnavailable' },
          { op: 'add', path: '/spec/minAvailable', value: 2 },
        ]),
        jsonPatch({ kind: 'Deployment', name }, [
          {
            op: 'add',
            path: '/spec/template/spec/affinity',
            value: {
              // Preferred, not required: KEDA may scale past the node count, and a pod that cannot
              // be placed would stall the rollout.
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  {
                    weight: 100,
                    podAffinityTerm: {
                      topologyKey: 'kubernetes.io/hostname',
                      labelSelector: { matchLabels: selectorOf(name) },
                    },
                  },
                ],
              },
            },
          },
          {
            op: 'add',
            path: '/spec/template/spec/topologySpreadConstraints',
            value: [
              {
                maxSkew: 1,
                topologyKey: 'topology.kubernetes.io/zone',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: selectorOf(name) },
              },
            ],
          },
        ]),
      ]),
    ],
  };
  return { small, production };
}
