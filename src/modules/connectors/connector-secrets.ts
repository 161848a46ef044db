import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config.js';
import { SecretBox } from '../../common/crypto/secret-box.js';
import { badRequest } from '../../common/errors/app-error.js';
import { cloneSettings, getPath, setPath, type Settings } from './settings-paths.js';

/** What responses show instead of a secret; sending it back in a PATCH keeps the stored secret. */
export const SECRET_MASK = '********';

/**
 * Secret settings (the adapter's `secretFields`) are sealed before they are stored and opened
 * only to run the connector; responses show SECRET_MASK in their place.
 */
@Injectable()
export class ConnectorSecrets {
  private readonly box: SecretBox;

  constructor(config: AppConfig) {
    this.box = new SecretBox(config.secretKey);
  }

  seal(settings: Settings, paths: readonly string[]): Settings {
    return this.mapSecrets(settings, paths, (value) =>
      typeof value === 'string' && !SecretBox.isSealed(value) ? this.box.seal(value) : value,
    );
  }

  /** Opens every sealed secret; throws a readable error when one no longer opens (SECRET_KEY changed). */
  open(settings: Settings, paths: readonly string[]): Settings {
    return this.mapSecrets(settings, paths, (value, path) => {
      if (!SecretBox.isSealed(value)) return value;
      try {
        return this.box.open(value);
      } catch {
        throw new Error(
          `The stored secret ${path} cannot be decrypted (was SECRET_KEY changed?); enter it again`,
        );
      }
    });
  }

  /** Masks the declared secret fields, and any other sealed value wherever it sits. */
  mask(settings: Settings, paths: readonly string[]): Settings {
    const masked = this.mapSecrets(settings, paths, (value) =>
      value === undefined || value === null || value === '' ? value : SECRET_MASK,
    );
    return maskSealed(masked) as Settings;
  }

  /** A new connector must carry real secrets, not the mask of a response copied back. */
  rejectMasks(settings: Settings, paths: readonly string[]): void {
    const masked = paths.filter((path) => getPath(settings, path) === SECRET_MASK);
    if (masked.length) throw badRequest(masked.map((path) => `settings.${path} must be the secret itself`));
  }

  /** In a PATCH, a secret sent as the mask means "keep what is stored". */
  keepMaskedSecrets(patch: Settings, stored: Settings, paths: readonly string[]): Settings {
    const result = cloneSettings(patch);
    for (const path of paths) {
      if (getPath(result, path) === SECRET_MASK) setPath(result, path, getPath(stored, path));
    }
    return result;
  }

  private mapSecrets(
    settings: Settings,
    paths: readonly string[],
    fn: (value: unknown, path: string) => unknown,
  ): Settings {
    const result = cloneSettings(settings);
    for (const path of paths) {
      const value = getPath(result, path);
      if (value !== undefined) setPath(result, path, fn(value, path));
    }
    return result;
  }
}

function maskSealed(value: unknown): unknown {
  if (SecretBox.isSealed(value)) return SECRET_MASK;
  if (Array.isArray(value)) return value.map(maskSealed);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSealed(v)]));
  return value;
}
