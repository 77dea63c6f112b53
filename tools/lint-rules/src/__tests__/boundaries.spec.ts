// Each boundary of eslint.config.mjs, proven on a snippet that breaks it (and on one that keeps it):
// the snippets are linted as files of the workspace at paths that do not exist, with the real config
// and project graph, so a rule that stops matching (a renamed folder, a lost tag) fails here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Message = { ruleId: string | null; message: string };
type Case = { name: string; filePath: string; code: string; rules: string[]; says?: string };

const BOUNDARIES = '@nx/enforce-module-boundaries';
const IMPORTS = 'no-restricted-imports';
const TYPE_IMPORTS = '@typescript-eslint/consistent-type-imports';
const FIXTURE = '__lint-fixture__.ts';

const importing = (specifier: string) =>
  `import { thing } from '${specifier}';\nexport const used = thing;\n`;

const rejected: Case[] = [
  {
    name: 'domain/ importing infra/',
    filePath: `services/scoring/src/domain/${FIXTURE}`,
    code: importing('../infra/persistence/x'),
    rules: [IMPORTS],
    says: 'Layers point inwards',
  },
  {
    name: 'domain/ importing app/, from a subfolder',
    filePath: `services/scoring/src/domain/lead/${FIXTURE}`,
    code: importing('../../app/use-cases/x'),
    rules: [IMPORTS],
    says: 'Layers point inwards',
  },
  {
    name: 'a domain/ test importing infra/',
    filePath: `services/scoring/src/domain/__tests__/${FIXTURE}`,
    code: importing('../../infra'),
    rules: [IMPORTS],
    says: 'Layers point inwards',
  },
  {
    name: 'app/ importing infra/',
    filePath: `services/ingestion/src/app/segment/${FIXTURE}`,
    code: importing('../../infra/http/x'),
    rules: [IMPORTS],
    says: 'Layers point inwards',
  },
  {
    name: 'domain/ importing a framework',
    filePath: `services/scoring/src/domain/${FIXTURE}`,
    code: importing('@nestjs/common'),
    rules: [IMPORTS],
    says: 'framework-free',
  },
  {
    name: "a service's production code importing the testing lib",
    filePath: `services/scoring/src/infra/${FIXTURE}`,
    code: importing('@smarketing/testing'),
    rules: [BOUNDARIES],
    says: 'role:testing',
  },
  {
    name: "a platform lib's production code importing the testing lib",
    filePath: `libs/messaging/src/${FIXTURE}`,
    code: importing('@smarketing/testing'),
    rules: [BOUNDARIES],
    says: 'role:platform',
  },
  {
    name: 'contracts importing messaging',
    filePath: `libs/contracts/src/${FIXTURE}`,
    code: importing('@smarketing/messaging'),
    // messaging depends on contracts, so Nx reports the cycle before the tags.
    rules: [BOUNDARIES],
  },
  {
    name: 'contracts importing a platform lib',
    filePath: `libs/contracts/src/${FIXTURE}`,
    code: importing('@smarketing/observability'),
    rules: [BOUNDARIES],
    says: 'role:contracts',
  },
  {
    name: 'config importing messaging',
    filePath: `libs/config/src/${FIXTURE}`,
    code: importing('@smarketing/messaging'),
    rules: [BOUNDARIES],
    says: 'role:contracts',
  },
  {
    name: "a deep import into another project's files",
    filePath: `services/scoring/src/infra/${FIXTURE}`,
    code: importing('@smarketing/messaging/src/consumer/batch-consumer'),
    rules: [IMPORTS],
    says: 'Import a project by its name',
  },
  {
    name: "a relative import into a lib's files",
    filePath: `services/scoring/src/infra/${FIXTURE}`,
    code: importing('../../../../libs/messaging/src/index'),
    rules: [BOUNDARIES],
  },
  {
    name: 'a service importing another service',
    filePath: `services/scoring/src/infra/${FIXTURE}`,
    code: importing('@smarketing/ingestion'),
    rules: [BOUNDARIES],
    says: 'type:service',
  },
  {
    name: "a service importing another service's files",
    filePath: `services/scoring/src/infra/${FIXTURE}`,
    code: importing('../../../ingestion/src/app/errors'),
    rules: [BOUNDARIES],
  },
  {
    name: 'a value import used only as a type',
    filePath: `libs/contracts/src/${FIXTURE}`,
    code: "import { TopicDef } from './topic-registry';\nexport const nameOf = (t: TopicDef) => t.name;\n",
    rules: [TYPE_IMPORTS],
  },
  {
    name: 'an import whose every name is marked `type` inline',
    filePath: `libs/contracts/src/${FIXTURE}`,
    code: "import { type TopicDef } from './topic-registry';\nexport const nameOf = (t: TopicDef) => t.name;\n",
    rules: ['@typescript-eslint/no-import-type-side-effects'],
  },
];

const accepted: Omit<Case, 'rules'>[] = [
  {
    name: 'a domain/ file importing domain/ types',
    filePath: `services/scoring/src/domain/${FIXTURE}`,
    code: "import type { LeadScore } from './lead-score';\nexport const totalOf = (s: LeadScore) => s;\n",
  },
  {
    name: 'infra/ importing app/ and a lib',
    filePath: `services/scoring/src/infra/http/${FIXTURE}`,
    code:
      "import { thing } from '../../app/use-cases/x';\nimport { other } from '@smarketing/messaging';\n" +
      'export const used = [thing, other];\n',
  },
  {
    name: "a service's unit test importing the testing lib",
    filePath: `services/scoring/src/infra/__tests__/${FIXTURE}`,
    code: importing('@smarketing/testing'),
  },
  {
    name: "a service's integration test importing the testing lib",
    filePath: `services/scoring/test/${FIXTURE}`,
    code: importing('@smarketing/testing'),
  },
  {
    name: "a service's benchmark importing the testing lib",
    filePath: `services/scoring/bench/${FIXTURE}`,
    code: importing('@smarketing/testing'),
  },
  {
    name: "a platform lib's integration test importing the testing lib",
    filePath: `libs/messaging/test/${FIXTURE}`,
    code: importing('@smarketing/testing'),
  },
  {
    name: 'a tool importing the testing lib',
    filePath: `tools/platform/src/${FIXTURE}`,
    code: importing('@smarketing/testing'),
  },
  {
    name: 'an end-to-end test importing the testing lib',
    filePath: `tests/e2e/test/${FIXTURE}`,
    code: importing('@smarketing/testing'),
  },
  {
    // Nest's DI reads the constructor's parameter types from decorator metadata: an `import type`
    // would erase DataSource at run time, so the rule must leave a decorated file's imports alone.
    name: 'a decorated class whose constructor takes a class imported as a value',
    filePath: `services/scoring/src/infra/${FIXTURE}`,
    code:
      "import { Injectable } from '@nestjs/common';\nimport { DataSource } from 'typeorm';\n\n" +
      '@Injectable()\nexport class Store {\n  constructor(private readonly ds: DataSource) {}\n}\n',
  },
];

function lint(snippets: { filePath: string; code: string }[]): Message[][] {
  const dir = mkdtempSync(join(tmpdir(), 'lint-rules-'));
  try {
    const out = join(dir, 'results.json');
    execFileSync(process.execPath, [join(__dirname, '..', 'lint-text.mjs'), out], {
      input: JSON.stringify(snippets),
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    const results = JSON.parse(readFileSync(out, 'utf8')) as { messages: Message[] }[];
    return results.map((r) => r.messages);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let results: Message[][] = [];
beforeAll(() => {
  results = lint([...rejected, ...accepted]);
}, 60_000);

const ruleIds = (messages: Message[]) => [...new Set(messages.map((m) => m.ruleId ?? 'no rule'))].sort();

describe('the lint boundaries reject', () => {
  it.each(rejected.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const messages = results[i] ?? [];
    expect(ruleIds(messages)).toEqual([...c.rules].sort());
    if (c.says) expect(messages.map((m) => m.message).join('\n')).toContain(c.says);
  });
});

describe('the lint boundaries accept', () => {
  it.each(accepted.map((c, i) => [c.name, rejected.length + i] as const))('%s', (_name, i) => {
    expect(results[i]).toEqual([]);
  });
});
