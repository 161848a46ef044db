import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../common/config/app-config.js';
import type { ConnectorEntity } from '../../connectors/connector.entity.js';
import type { ConnectorAdapter } from '../channel-adapter.js';
import { WebformReferences } from './webform-references.js';
import { renderSnippet } from './webform-snippet.js';
import { validateWebformSettings, type WebformSettings } from './webform-settings.js';

/** The `webform` connector kind: nothing to pull, customers post to its public endpoint. */
@Injectable()
export class WebformAdapter implements ConnectorAdapter<WebformSettings> {
  readonly kind = 'webform' as const;
  readonly secretFields: readonly string[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly references: WebformReferences,
  ) {}

  validateSettings(settings: unknown): WebformSettings {
    return validateWebformSettings(settings);
  }

  checkReferences(settings: WebformSettings): Promise<string[]> {
    return this.references.problems(settings);
  }

  /** Nothing to connect to; reports settings that point at things that no longer exist. */
  async test(
    _connector: ConnectorEntity,
    settings: WebformSettings,
  ): Promise<{ ok: boolean; detail: string }> {
    const problems = await this.references.problems(settings);
    return problems.length
      ? { ok: false, detail: problems.join('; ') }
      : { ok: true, detail: 'The form is ready; paste the snippet into your site' };
  }

  describe(connector: ConnectorEntity): Record<string, unknown> {
    if (!connector.publicKey) return { publicKey: null, snippet: null };
    return {
      publicKey: connector.publicKey,
      formUrl: this.formUrl(connector.publicKey),
      snippet: renderSnippet(connector.publicKey, this.formUrl(connector.publicKey)),
    };
  }

  private formUrl(publicKey: string): string {
    return `${this.config.publicUrl}/api/public/forms/${encodeURIComponent(publicKey)}`;
  }
}
