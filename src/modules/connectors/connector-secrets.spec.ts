import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../../common/config/app-config.js';
import { SecretBox } from '../../common/crypto/secret-box.js';
import { ConnectorSecrets, SECRET_MASK } from './connector-secrets.js';
import { mergePatch } from './settings-paths.js';

const KEY = 'unit-test-secret-key-0123456789abcdef';
const secrets = new ConnectorSecrets({ secretKey: KEY } as AppConfig);
const PATHS = ['imap.password', 'smtp.password'];

describe('ConnectorSecrets', () => {
  const plain = { imap: { host: 'mail', password: 'imap-pw' }, smtp: { host: 'mail' }, address: 'a@b.c' };

  it('seals only the secret paths, opens them again, and leaves the input alone', () => {
    const sealed = secrets.seal(plain, PATHS);
    expect(SecretBox.isSealed((sealed.imap as Record<string, unknown>).password)).toBe(true);
    expect(sealed.smtp).toEqual({ host: 'mail' });
    expect(sealed.address).toBe('a@b.c');
    expect(plain.imap.password).toBe('imap-pw');
    expect(secrets.open(sealed, PATHS)).toEqual(plain);
    // Sealing twice does not double-encrypt.
    expect(secrets.open(secrets.seal(sealed, PATHS), PATHS)).toEqual(plain);
  });

  it('masks secrets, including sealed values outside the declared paths', () => {
    const sealed = { ...secrets.seal(plain, PATHS), legacy: new SecretBox(KEY).seal('old') };
    expect(secrets.mask(sealed, PATHS)).toEqual({
      imap: { host: 'mail', password: SECRET_MASK },
      smtp: { host: 'mail' },
      address: 'a@b.c',
      legacy: SECRET_MASK,
    });
  });

  it('names a secret that no longer opens (SECRET_KEY changed)', () => {
    const other = new ConnectorSecrets({ secretKey: 'another-secret-key-0123456789abcdef' } as AppConfig);
    expect(() => other.open(secrets.seal(plain, PATHS), PATHS)).toThrow(/imap.password cannot be decrypted/);
  });

  it('keeps stored secrets where a patch sends the mask, and refuses masks on new connectors', () => {
    const patch = { imap: { password: SECRET_MASK, host: 'mail2' } };
    expect(mergePatch(plain, secrets.keepMaskedSecrets(patch, plain, PATHS))).toEqual({
      ...plain,
      imap: { host: 'mail2', password: 'imap-pw' },
    });
    expect(() => secrets.rejectMasks(patch, PATHS)).toThrow(/imap.password must be the secret itself/);
  });
});

describe('mergePatch', () => {
  it('merges objects, replaces arrays and values, and removes keys sent as null', () => {
    const target = { a: 1, list: [1, 2], nested: { x: 1, y: 2 }, gone: 'x' };
    expect(mergePatch(target, { list: [3], nested: { y: 3, z: 4 }, gone: null, b: 'new' })).toEqual({
      a: 1,
      list: [3],
      nested: { x: 1, y: 3, z: 4 },
      b: 'new',
    });
    expect(target.nested).toEqual({ x: 1, y: 2 });
  });
});
