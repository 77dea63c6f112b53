import { schemaProblems } from '../schema-validation';
import { overlayProblems, OVERLAYS, renderOverlay } from '../validate-overlay';
import { REPO } from '../inventory';
import { baseObjects, platform } from './fixtures';

describe('schema validation', () => {
  it('accepts every generated object against its published schema', () => {
    const objects = baseObjects();
    expect(new Set(objects.map((o) => o.kind))).toEqual(
      new Set([
        'ConfigMap',
        'Deployment',
        'Job',
        'KafkaTopic',
        'KafkaUser',
        'NetworkPolicy',
        'PodDisruptionBudget',
        'PodMonitor',
        'ScaledObject',
        'Service',
        'ServiceAccount',
        'TriggerAuthentication',
      ]),
    );
    expect(objects.flatMap((o) => schemaProblems(o))).toEqual([]);
  });

  it.each([
    ['apps/v1', 'Deployment', { selector: {}, template: {}, replicas: 'two' }, /replicas must be integer/],
    [
      'keda.sh/v1alpha1',
      'ScaledObject',
      { scaleTargetRef: { name: 'x' }, triggers: [], maxReplicaCount: 'a' },
      /maxReplicaCount must be integer/,
    ],
    [
      'kafka.strimzi.io/v1beta2',
      'KafkaUser',
      { authentication: { type: 'plain' } },
      /authentication\/type must be equal to one of the allowed values/,
    ],
    ['kafka.strimzi.io/v1beta2', 'KafkaTopic', { partitions: 'six' }, /partitions must be integer/],
    [
      'monitoring.coreos.com/v1',
      'PodMonitor',
      { selector: {}, podMetricsEndpoints: {} },
      /podMetricsEndpoints must be array/,
    ],
  ])('rejects a broken %s %s', (apiVersion, kind, spec, message) => {
    const [problem] = schemaProblems({ apiVersion, kind, metadata: { name: 'broken' }, spec });
    expect(problem).toMatch(message);
  });

  it('rejects a kind it has no schema for', () => {
    expect(schemaProblems({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toEqual(
      ['unknown kind example.com/v1/Widget: no published schema to validate it against'],
    );
    expect(schemaProblems({ apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w' } })).toHaveLength(1);
  });
});

describe('the overlays, rendered by kubectl kustomize', () => {
  it.each(OVERLAYS)('%s has every service and no problem', (overlay) => {
    const objects = renderOverlay(REPO, overlay);
    expect(objects.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name)).toEqual(
      platform.services.map((s) => s.name),
    );
    expect(overlayProblems(objects, platform)).toEqual([]);
  });

  it('small runs one replica of everything on one broker; production spreads and guards', () => {
    const small = renderOverlay(REPO, 'small');
    const production = renderOverlay(REPO, 'production');
    const spec = (o: { [k: string]: unknown }) => o['spec'] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(small.filter((o) => o.kind === 'ScaledObject').every((o) => spec(o).maxReplicaCount === 1)).toBe(
      true,
    );
    expect(
      small
        .filter((o) => o.kind === 'KafkaTopic')
        .every((o) => spec(o).replicas === 1 && !('min.insync.replicas' in spec(o).config)),
    ).toBe(true);
    const pdbs = production.filter((o) => o.kind === 'PodDisruptionBudget');
    expect(pdbs.every((o) => spec(o).minAvailable === 2 && spec(o).maxUnavailable === undefined)).toBe(true);
    const deployments = production.filter((o) => o.kind === 'Deployment');
    expect(
      deployments.every((o) => spec(o).replicas === 3 && spec(o).template.spec.affinity.podAntiAffinity),
    ).toBe(true);
  });
});
