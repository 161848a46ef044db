// `npm run dev`: recompiles the server on change and restarts it (tsc --watch + node --watch).
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
process.env.DEMO_DATA ??= 'true';
const opts = { cwd: root, stdio: 'inherit', env: process.env };
spawn('npx', ['tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], opts);
setTimeout(() => spawn('node', ['--watch', 'dist/src/main.js'], opts), 8000);
