import { BATCH_COMMIT_BOUND_SECONDS } from '../bounds';
import {
  CHECKS,
  configMapKeysExist,
  everyServiceDeployed,
  graceCoversBatch,
  noLiteralSecrets,
  nonRoot,
  pinnedImages,
  probesAndLimits,
  replicasWithinPartitions,
  topicsAndAcls,
} from '../checks';
import { baseObjects, platform, withChange } from './fixtures';

/* eslint-disable @typescript-eslint/no-explicit-any */
const container = (d: Record<string, any>) => d['spec'].template.spec.containers[0];
const acls = (u: Record<string, any>) => u['spec'].authorization.acls as any[];

describe('the checks', () => {
  it('pass on the generated base', () => {
    for (const [name, check] of Object.entries(CHECKS))
      expect([name, check(baseObjects(), platform)]).toEqual([name, []]);
  });

  it('reject a Deployment without a readiness probe', () => {
    const objects = withChange('Deployment', 'scoring', (d) => delete container(d).readinessProbe);
    expect(probesAndLimits(objects, platform)).toEqual([
      'Deployment/scoring service: no readiness probe on /health/ready',
    ]);
  });

  it('reject a container without a memory limit, the migration included', () => {
    const objects = withChange('Deployment', 'routing', (d) => {
      d['spec'].template.spec.initContainers[0].resources = {
        requests: { cpu: '1', memory: '1Gi' },
        limits: { cpu: '1' },
      };
    });
    expect(probesAndLimits(objects, platform)).toEqual(['Deployment/routing migrate: no memory limit']);
  });

  it('reject a container that may run as root or write its root filesystem', () => {
    const objects = withChange('Deployment', 'attribution', (d) => {
      d['spec'].template.spec.securityContext.runAsUser = 0;
      container(d).securityContext.readOnlyRootFilesystem = false;
    });
    expect(nonRoot(objects, platform)).toEqual([
      'Deployment/attribution migrate: may run as root',
      'Deployment/attribution service: may run as root',
      'Deployment/attribution service: root filesystem is writable',
    ]);
  });

  it('reject a configMapKeyRef whose key the ConfigMap lacks', () => {
    const objects = withChange('ConfigMap', 'sla-monitor', (m) => delete m['data'].TIMER_POLL_MS);
    expect(configMapKeysExist(objects, platform)).toEqual([
      'Deployment/sla-monitor service: TIMER_POLL_MS refers to missing key TIMER_POLL_MS of ConfigMap sla-monitor',
    ]);
  });

  it('hold for every workload kind, a CronJob included', () => {
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly' },
      spec: {
        schedule: '@daily',
        jobTemplate: { spec: { template: { spec: { containers: [{ name: 'run', image: 'busybox' }] } } } },
      },
    };
    const objects = [...baseObjects(), cronJob];
    expect(probesAndLimits(objects, platform)).toHaveLength(4);
    expect(nonRoot(objects, platform)).toHaveLength(3);
    expect(pinnedImages(objects, platform)).toEqual([
      'CronJob/nightly run: image busybox is not pinned to a tag',
    ]);
  });

  it('reject a Secret with literal data and a credential set as a plain value', () => {
    const objects = [
      ...withChange('Deployment', 'ingestion', (d) => {
        const env = container(d).env.find((e: any) => e.name === 'DATABASE_URL');
        env.value = 'postgres://u:p@db/x';
        delete env.valueFrom;
      }),
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'leak' }, stringData: { password: 'hunter2' } },
    ];
    expect(noLiteralSecrets(objects, platform)).toEqual([
      'Secret/leak: holds literal values (create Secrets outside the manifests; reference them only)',
      'Deployment/ingestion service: DATABASE_URL is not taken from a Secret',
    ]);
  });

  it('reject an image on latest or without a tag', () => {
    const objects = withChange('Deployment', 'reporting', (d) => {
      container(d).image = 'smarketing/reporting:latest';
      d['spec'].template.spec.initContainers[0].image = 'smarketing/reporting';
    });
    expect(pinnedImages(objects, platform)).toEqual([
      'Deployment/reporting migrate: image smarketing/reporting is not pinned to a tag',
      'Deployment/reporting service: image smarketing/reporting:latest is not pinned to a tag',
    ]);
  });

  it('reject a topic read without a KafkaTopic', () => {
    const objects = baseObjects().filter(
      (o) => !(o.kind === 'KafkaTopic' && o.metadata.name === 'scoring.lead-scored.v1'),
    );
    expect(topicsAndAcls(objects, platform)).toEqual([
      'service reporting: no KafkaTopic for scoring.lead-scored.v1',
      'service scoring: no KafkaTopic for scoring.lead-scored.v1',
      'service sla-monitor: no KafkaTopic for scoring.lead-scored.v1',
    ]);
  });

  it('reject a service without the ACL to read what it declares', () => {
    const objects = withChange('KafkaUser', 'routing', (u) => {
      u['spec'].authorization.acls = acls(u).filter(
        (a) => a.resource.name !== 'scoring.lifecycle-changed.v1',
      );
    });
    expect(topicsAndAcls(objects, platform)).toEqual([
      'KafkaUser/routing: no Read ACL on scoring.lifecycle-changed.v1',
    ]);
  });

  it('reject a second writer on a topic, a read it does not declare, and a prefix ACL', () => {
    const objects = withChange('KafkaUser', 'routing', (u) => {
      acls(u).push(
        {
          resource: { type: 'topic', name: 'scoring.lead-scored.v1', patternType: 'literal' },
          operations: ['Write'],
        },
        {
          resource: { type: 'topic', name: 'attribution.attribution-credited.v1', patternType: 'literal' },
          operations: ['Read'],
        },
        { resource: { type: 'topic', name: 'routing.', patternType: 'prefix' }, operations: ['Describe'] },
      );
    });
    expect(topicsAndAcls(objects, platform)).toEqual([
      'KafkaUser/routing: may write scoring.lead-scored.v1, which it is not the writer of',
      'KafkaUser/routing: may read attribution.attribution-credited.v1, which it does not declare',
      'KafkaUser/routing: ACL on topic routing. is wider than literal',
      'topic scoring.lead-scored.v1: written by routing, scoring',
    ]);
  });

  it('reject more replicas than partitions', () => {
    const objects = withChange('ScaledObject', 'scoring', (so) => (so['spec'].maxReplicaCount = 7));
    const found = replicasWithinPartitions(objects, platform);
    expect(found.length).toBe(platform.services.find((s) => s.name === 'scoring')?.reads.length);
    expect(found[0]).toMatch(/^ScaledObject\/scoring: maxReplicaCount 7 exceeds the 6 partitions of /);
  });

  it('reject a grace period no longer than a batch plus its commit', () => {
    const objects = withChange(
      'Deployment',
      'scoring',
      (d) => (d['spec'].template.spec.terminationGracePeriodSeconds = BATCH_COMMIT_BOUND_SECONDS),
    );
    expect(graceCoversBatch(objects, platform)).toEqual([
      `Deployment/scoring: terminationGracePeriodSeconds ${BATCH_COMMIT_BOUND_SECONDS} is not longer than a batch plus its commit (${BATCH_COMMIT_BOUND_SECONDS} s)`,
    ]);
  });

  it('reject a service without its migration, its monitor, or with another port open', () => {
    const objects = withChange(
      'Deployment',
      'routing',
      (d) => (d['spec'].template.spec.initContainers = []),
    ).filter((o) => !(o.kind === 'PodMonitor' && o.metadata.name === 'routing'));
    withChange('NetworkPolicy', 'routing', (np) => np['spec'].ingress.push({}), objects);
    expect(everyServiceDeployed(objects, platform)).toEqual([
      'service routing: no PodMonitor or ServiceMonitor',
      'Deployment/routing: no init container running migrate:prod',
      'NetworkPolicy/routing: admits 3000, any port, not only its HTTP port 3000',
    ]);
  });
});
