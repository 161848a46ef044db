import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Authenticated encryption (AES-256-GCM) for secrets kept at rest: connector passwords, webhook
 * secrets. The key is derived from SECRET_KEY with HKDF and a purpose label, so the same
 * SECRET_KEY can sign tokens elsewhere without the two uses ever sharing key material.
 * Sealed values are self-describing strings (`enc:v1:<iv>:<tag>:<ciphertext>`, base64url), so a
 * JSON column can hold them and a reader can tell sealed from plain.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secretKey: string, purpose = 'resonanz/connector-secrets') {
    if (!secretKey) throw new Error('SecretBox needs a secret key');
    this.key = Buffer.from(hkdfSync('sha256', secretKey, 'resonanz', purpose, 32));
  }

  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join(':');
  }

  /** The plain text; throws when the value was not sealed with this key or was tampered with. */
  open(sealed: string): string {
    if (!SecretBox.isSealed(sealed)) throw new Error('Not a sealed secret');
    const parts = sealed.slice(PREFIX.length).split(':');
    if (parts.length !== 3) throw new Error('Malformed sealed secret');
    const [iv, tag, data] = parts.map((p) => Buffer.from(p, 'base64url'));
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('Malformed sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('Sealed secret cannot be opened (wrong SECRET_KEY or tampered value)');
    }
  }
}
