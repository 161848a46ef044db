import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../common/config/app-config.js';
import { ContactEntity } from '../modules/contacts/contact.entity.js';
import { newId } from './columns.js';
import { openDataSource } from './data-source.js';

const pause = () => new Promise((resolve) => setTimeout(resolve, 2));

const contact = (name: string): ContactEntity =>
  Object.assign(new ContactEntity(), {
    id: newId(),
    name,
    email: null,
    channelIdentity: null,
    createdAt: Date.now(),
    updatedAt: Date.now(),
  });

describe('SQLite transactions under concurrent requests', () => {
  let dir: string;
  let ds: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'resonanz-sqlite-tx-'));
    ds = await openDataSource(new AppConfig({ DATA_DIR: dir }));
  });
  afterAll(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs interleaving transactions, implicit saves and nested transactions without mixing them up', async () => {
    const work = Array.from({ length: 30 }, (_, i) => {
      if (i % 3 === 0) return ds.getRepository(ContactEntity).save(contact(`implicit-${i}`));
      return ds.transaction(async (manager) => {
        await manager.save(ContactEntity, contact(`tx-${i}-a`));
        await pause();
        await manager.transaction(async (inner) => inner.save(ContactEntity, contact(`tx-${i}-nested`)));
        await pause();
        await manager.save(ContactEntity, contact(`tx-${i}-b`));
      });
    });
    await Promise.all(work);
    expect(await ds.getRepository(ContactEntity).count()).toBe(10 + 20 * 3);
  });

  it('rolls back only the failing transaction while others commit', async () => {
    const before = await ds.getRepository(ContactEntity).count();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        ds.transaction(async (manager) => {
          await manager.save(ContactEntity, contact(`rb-${i}`));
          await pause();
          if (i % 2 === 0) throw new Error('boom');
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
    expect(await ds.getRepository(ContactEntity).count()).toBe(before + 5);
  });
});
