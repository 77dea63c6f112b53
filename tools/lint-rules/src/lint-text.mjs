// Lints code snippets as if they were files of the workspace, with the workspace's own ESLint config:
// reads [{ code, filePath }] (paths relative to the repo root; the files need not exist) as JSON on
// stdin and writes [{ filePath, messages: [{ ruleId, message }] }] as JSON to the file named by its
// argument (not stdout: rules may print there).
// A separate process because ESLint loads eslint.config.mjs with import(), which Jest's module
// sandbox does not support.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const [outFile] = process.argv.slice(2);
if (!outFile) throw new Error('usage: node lint-text.mjs <out.json> < snippets.json');

// @nx/enforce-module-boundaries reads the cached project graph and skips itself when there is none
// (a fresh clone): any nx command writes a current one, tags included. It can fail while another
// test adds or removes a project folder under it (the generator's test does, in parallel): retried.
for (let attempt = 1; ; attempt++) {
  try {
    execFileSync(join(repo, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    break;
  } catch (error) {
    if (attempt >= 5) throw error;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

const eslint = new ESLint({ cwd: repo });
const snippets = JSON.parse(await text(process.stdin));
const results = [];
for (const { code, filePath } of snippets) {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  results.push({
    filePath,
    messages: (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message })),
  });
}
writeFileSync(outFile, JSON.stringify(results));
