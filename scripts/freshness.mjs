// What the start, bench and run-ts scripts share: where the project is, and whether a build
// output is older than the sources it is built from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

/** Newest modification time of the files below `dir` whose names match `pattern`. */
export function newestMtime(dir, pattern = /./) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, pattern));
    else if (pattern.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/** True when `output` (a file in dist/) is missing or older than any server TypeScript source. */
export function serverOutputStale(output) {
  const sources = Math.max(newestMtime(join(ROOT, 'src'), /\.ts$/), newestMtime(join(ROOT, 'config'), /\.ts$/));
  return mtime(output) < sources;
}
