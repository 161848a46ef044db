import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase, dropPostgresDatabase, TEST_DATABASES } from './support/databases.js';

/** The built server as `npm start` runs it: a real process, a real port, a fresh DATA_DIR. */
const MAIN = join(process.cwd(), 'dist/src/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, started: Started): Promise<Response> {
  for (let i = 0; i < 150; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
    if (res?.ok) return res;
    if (started.child.exitCode !== null) throw new Error(`server exited: ${started.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy: ${started.output()}`);
}

async function stop(started: Started): Promise<void> {
  if (started.child.exitCode === null) started.child.kill('SIGTERM');
  await started.exited;
}

describe('the built server', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonanz-start-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(() => {
    if (!existsSync(MAIN)) execSync('npm run build:server --silent', { stdio: 'inherit' });
  }, 120_000);
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('stops at start with a message naming a bad setting', async () => {
    const started = startServer({ DATA_DIR: tempDir(), PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('PORT');
    expect(started.output()).toContain('DATABASE_URL');
  });

  it('starts on a fresh SQLite DATA_DIR, logs a generated admin password once, and keeps its data', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const first = startServer({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' });
    const health = await waitForHealth(port, first);
    expect((await health.json()).status).toBe('ok');
    const match = /admin@resonanz\.local with the generated password (\S+)/.exec(first.output());
    expect(match).not.toBeNull();
    await stop(first);
    expect(existsSync(join(dataDir, 'resonanz.sqlite'))).toBe(true);

    const second = startServer({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' });
    await waitForHealth(port, second);
    expect(second.output()).not.toContain('generated password');
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@resonanz.local', password: match![1] }),
    });
    expect(login.status).toBe(200);
    await stop(second);
  }, 60_000);

  if (TEST_DATABASES.includes('postgres')) {
    it('starts on an empty PostgreSQL database from DATABASE_URL', async () => {
      const db = await createPostgresDatabase();
      try {
        const port = await freePort();
        const started = startServer({
          DATA_DIR: tempDir(),
          PORT: String(port),
          DATABASE_URL: db.url,
          ADMIN_EMAIL: 'boss@example.com',
          ADMIN_PASSWORD: 'boss-password',
        });
        await waitForHealth(port, started);
        const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'boss@example.com', password: 'boss-password' }),
        });
        expect(login.status).toBe(200);
        await stop(started);
      } finally {
        await dropPostgresDatabase(db.name);
      }
    }, 60_000);
  }
});
