import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { AppConfig } from '../../src/common/config/app-config.js';
import { createPostgresDatabase, dropPostgresDatabase, type TestDatabase } from './databases.js';

export const ADMIN = { email: 'admin@test.example', password: 'admin-password-1' };

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  db: TestDatabase;
  /** The HTTP server for supertest. */
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  adminToken: string;
  /** Starts the app again on the same database and data dir (e.g. to prove data survives). */
  restart(): Promise<void>;
  /** Stops the app and removes its database and data dir. */
  close(): Promise<void>;
  /** Base URL when the app was started with `listen: true`. */
  baseUrl: string;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Listen on a loopback port (for clients that need a URL: browsers, SSE, IMAP pollers). */
  listen?: boolean;
}

/**
 * A real application on a fresh database of the given kind: a temp SQLite file or a new
 * PostgreSQL database. Schedulers are off unless a test turns them on.
 */
export async function startTestApp(db: TestDatabase, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'resonanz-test-'));
  const pgDb = db === 'postgres' ? await createPostgresDatabase() : null;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SECRET_KEY: 'test-secret-key-0123456789abcdef0123456789',
    SCHEDULER_ENABLED: 'false',
    LOGIN_RATE_LIMIT: '1000',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    ...options.env,
  };

  const boot = async () => {
    const config = new AppConfig(env);
    const app = await createApp(config);
    if (options.listen) await app.listen(0, '127.0.0.1');
    else await app.init();
    return { app, config };
  };

  let { app, config } = await boot();
  const testApp: TestApp = {
    app,
    config,
    db,
    http: app.getHttpServer(),
    adminToken: '',
    baseUrl: '',
    async restart() {
      await testApp.app.close();
      ({ app, config } = await boot());
      Object.assign(testApp, { app, config, http: app.getHttpServer(), baseUrl: urlOf(app) });
    },
    async close() {
      await testApp.app.close();
      if (pgDb) await dropPostgresDatabase(pgDb.name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  testApp.baseUrl = urlOf(app);
  testApp.adminToken = await login(testApp, ADMIN.email, ADMIN.password);
  return testApp;
}

function urlOf(app: NestExpressApplication): string {
  const address = app.getHttpServer().address();
  return address && typeof address === 'object' ? `http://127.0.0.1:${address.port}` : '';
}

export async function login(t: TestApp, email: string, password: string): Promise<string> {
  const res = await request(t.http).post('/api/auth/login').send({ email, password }).expect(200);
  return res.body.accessToken as string;
}

/** supertest with the bearer token of the given user (the admin by default). */
export function api(t: TestApp, token = t.adminToken) {
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
  return {
    get: (url: string) => auth(request(t.http).get(url)),
    post: (url: string) => auth(request(t.http).post(url)),
    patch: (url: string) => auth(request(t.http).patch(url)),
    put: (url: string) => auth(request(t.http).put(url)),
    delete: (url: string) => auth(request(t.http).delete(url)),
  };
}
