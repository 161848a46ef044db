import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from './app-config.js';

describe('AppConfig', () => {
  it('generates a secret key into DATA_DIR once and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonanz-config-'));
    try {
      const first = new AppConfig({ DATA_DIR: dir });
      const second = new AppConfig({ DATA_DIR: dir });
      expect(first.secretKey).toHaveLength(64);
      expect(second.secretKey).toBe(first.secretKey);
      expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(first.secretKey);
      expect(statSync(join(dir, 'secret.key')).mode & 0o077).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('picks the database from DATABASE_URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonanz-config-'));
    try {
      expect(new AppConfig({ DATA_DIR: dir }).databaseKind).toBe('sqlite');
      expect(new AppConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://u@h/db' }).databaseKind).toBe(
        'postgres',
      );
      expect(new AppConfig({ DATA_DIR: dir, PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
