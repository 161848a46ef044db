import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export const WEB_UI_DIR = join(PROJECT_ROOT, 'dist', 'ui');

/**
 * Serves the built web UI (dist/ui) at `/`, with index.html for client-side routes. API, docs,
 * health and metrics paths are left to Nest.
 */
export function serveWebUi(app: NestExpressApplication): void {
  if (!existsSync(join(WEB_UI_DIR, 'index.html'))) return;
  app.use(express.static(WEB_UI_DIR, { index: false, maxAge: '1h' }));
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    const reserved = /^\/(api|health|metrics|status)(\/|$)/.test(req.path);
    if (req.method !== 'GET' || reserved || !req.accepts('html')) return next();
    res.sendFile(join(WEB_UI_DIR, 'index.html'));
  });
}
