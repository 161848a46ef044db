import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { AppConfig } from '../../../common/config/app-config.js';
import { notFound } from '../../../common/errors/app-error.js';
import { MetricsService } from '../../../common/metrics/metrics.service.js';
import { ConnectorsService } from '../../connectors/connectors.service.js';
import { IngestionService } from '../../ingestion/ingestion.service.js';
import { AcknowledgementService } from './acknowledgement.service.js';
import type { CustomerLanguage } from './customer-texts.js';
import type { FormAcceptedDto, FormSubmissionDto } from './dto/form-submission.dto.js';
import {
  chooseReplyChannel,
  decoyStatusToken,
  PUBLIC_KEY_PATTERN,
  statusPageUrl,
  toFormRemark,
} from './webform-remark.js';
import { WebformReferences } from './webform-references.js';
import type { WebformSettings } from './webform-settings.js';

export interface PublishedForm {
  connectorId: string;
  settings: WebformSettings;
}

/** The public side of a web form: takes posts, turns them into remarks, hands back the status link. */
@Injectable()
export class WebformService {
  private readonly posts: Counter<string>;

  constructor(
    private readonly config: AppConfig,
    private readonly connectors: ConnectorsService,
    private readonly ingestion: IngestionService,
    private readonly acknowledgements: AcknowledgementService,
    private readonly references: WebformReferences,
    metrics: MetricsService,
  ) {
    this.posts = metrics.counter('resonanz_webform_posts_total', 'Web form posts by outcome', ['outcome']);
  }

  /** An enabled web form by its public key, or null (unknown, disabled or another kind). */
  async findForm(publicKey: string): Promise<PublishedForm | null> {
    if (!PUBLIC_KEY_PATTERN.test(publicKey)) return null;
    const runtime = await this.connectors.runtimeByPublicKey<WebformSettings>(publicKey);
    if (!runtime || runtime.connector.kind !== 'webform' || !runtime.connector.enabled) return null;
    return { connectorId: runtime.connector.id, settings: runtime.settings };
  }

  /** CORS preflight: 404 for an unknown form; the headers themselves are set by WebformCorsMiddleware. */
  async preflight(publicKey: string): Promise<void> {
    if (!(await this.findForm(publicKey))) throw notFound('Form');
  }

  async submit(
    publicKey: string,
    input: FormSubmissionDto,
    request: { origin?: string; language: CustomerLanguage },
  ): Promise<FormAcceptedDto> {
    const form = await this.findForm(publicKey);
    if (!form) throw notFound('Form');
    if (input.website) {
      // A bot filled the field people never see: answer like a success, keep nothing.
      this.posts.inc({ outcome: 'honeypot' });
      const reference = await this.ingestion.reserveUnusedReference();
      return { reference, statusUrl: this.statusUrl(decoyStatusToken()) };
    }
    const settings = await this.withLiveDepartment(form.settings);
    const result = await this.ingestion.ingest([
      toFormRemark(form.connectorId, settings, input, request.origin),
    ]);
    const outcome = result.outcomes[0];
    if (outcome?.status !== 'ingested' || !outcome.statusToken)
      throw new Error(`Web form remark was not ingested: ${JSON.stringify(outcome ?? result)}`);
    this.posts.inc({ outcome: 'accepted' });
    await this.connectors.recordReceived(form.connectorId);
    if (input.email) {
      await this.acknowledgements.enqueue(
        outcome.conversationId,
        chooseReplyChannel(input),
        request.language,
      );
    }
    return { reference: outcome.reference, statusUrl: this.statusUrl(outcome.statusToken) };
  }

  /** A department deleted since the form was set up: routing decides instead. */
  private async withLiveDepartment(settings: WebformSettings): Promise<WebformSettings> {
    const id = settings.defaultDepartmentId;
    return id && !(await this.references.departmentExists(id))
      ? { ...settings, defaultDepartmentId: null }
      : settings;
  }

  private statusUrl(token: string): string {
    return statusPageUrl(this.config.publicUrl, token);
  }
}
