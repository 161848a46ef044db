// `npm run bench`: builds the server if it is out of date, then runs every test/bench/*.bench.mjs
// (benchmarks import the compiled code from dist/) and every *.bench.ts (under Jest) one after
// another, each in its own process.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT as root, serverOutputStale } from './freshness.mjs';

if (serverOutputStale(join(root, 'dist/src/main.js'))) {
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0)
    process.stderr.write('bench: the build reported type errors; running what was emitted\n');
}

const benchDir = join(root, 'test/bench');
const files = readdirSync(benchDir)
  .filter((f) => /\.bench\.(mjs|js|ts)$/.test(f))
  .sort();
// TypeScript benchmarks boot the real app, so they run under Jest (its transform compiles the
// sources like the integration tests) with the integration settings, one file per process.
const jestArgs = (file) => [
  'jest',
  '--config',
  'jest.config.cjs',
  '--selectProjects',
  'integration',
  '--testMatch',
  '**/test/bench/*.bench.ts',
  '--runTestsByPath',
  join('test/bench', file),
  '--testTimeout',
  '3600000',
];
// The app runs in the Jest process here: give it the young generation `npm start` and the Docker
// image give the server, so the figures are the server's.
const appEnv = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=64`.trim(),
};
let failed = 0;
for (const file of files) {
  console.log(`# ${file}`);
  const run = file.endsWith('.ts')
    ? spawnSync('npx', jestArgs(file), { cwd: root, stdio: 'inherit', env: appEnv })
    : spawnSync(process.execPath, [join(benchDir, file)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
