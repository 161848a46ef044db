// `npm start`: builds what is out of date (server, web UI), then runs the server with demo data
// on by default, so a fresh checkout shows a working inbox after `npm install && npm start`.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mtime, newestMtime, ROOT as root, serverOutputStale } from './freshness.mjs';

const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

const serverOut = join(root, 'dist/src/main.js');
if (serverOutputStale(serverOut)) {
  console.log('Building the server…');
  run('npm run build:server --silent');
}
const uiIndex = join(root, 'dist/ui/index.html');
if (existsSync(join(root, 'src/ui/index.html')) && mtime(uiIndex) < newestMtime(join(root, 'src/ui'))) {
  console.log('Building the web UI…');
  run('npm run build:ui --silent');
}

process.env.DEMO_DATA ??= 'true';
// Readable log lines (the demo logins, a generated admin password) for someone trying it out;
// production runs `node dist/src/main.js` and logs JSON.
process.env.NODE_ENV ??= 'development';
await import(serverOut);
