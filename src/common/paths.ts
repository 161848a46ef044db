import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The folder holding package.json: searched upward from the running script (dist/src/main.js,
 * a CLI) or, failing that, the working directory. (Not import.meta: the test suite runs as CommonJS.)
 */
function findProjectRoot(): string {
  const starts = [process.argv[1] ? dirname(resolve(process.argv[1])) : undefined, process.cwd()];
  for (const start of starts) {
    let dir = start;
    while (dir && !existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    if (dir && existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) return dir;
  }
  return process.cwd();
}

export const PROJECT_ROOT = findProjectRoot();
