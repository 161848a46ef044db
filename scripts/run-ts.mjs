// `node scripts/run-ts.mjs src/cli/x.ts [args]`: runs a TypeScript entry point from its compiled
// copy in dist/, rebuilding the server first when any source is newer than that copy.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT as root, serverOutputStale } from './freshness.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}

const compiled = join(root, 'dist', relative(root, resolve(entry)).replace(/\.tsx?$/, '.js'));
if (serverOutputStale(compiled)) {
  const started = Date.now() - 1000;
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  // tsc still writes its output when other parts of the tree have type errors; only give up
  // when the entry point itself did not come out.
  if (build.status !== 0) {
    if (!existsSync(compiled) || statSync(compiled).mtimeMs < started) {
      process.stderr.write(build.stdout + build.stderr);
      process.exit(build.status ?? 1);
    }
    process.stderr.write('run-ts: type errors elsewhere in the tree (run `npm run typecheck`); continuing\n');
  }
}

process.argv = [process.argv[0], compiled, ...args];
await import(pathToFileURL(compiled).href);
