// Prints a local stack's variables as shell assignments, for scripts:
//   eval "$(node -r @swc-node/register libs/config/src/stack-env.main.ts test)"
import * as path from 'node:path';
import { STACKS, stackVariables, type StackName } from './stacks';

const name = process.argv[2] ?? 'dev';
if (!(name in STACKS)) {
  console.error(`unknown stack '${name}' (${Object.keys(STACKS).join('|')})`);
  process.exit(2);
}
const repoRoot = path.resolve(__dirname, '../../..');
const quote = (v: string) => `'${v.replaceAll("'", `'\\''`)}'`;
for (const [k, v] of Object.entries(stackVariables(name as StackName, repoRoot)))
  console.log(`export ${k}=${quote(v)}`);
