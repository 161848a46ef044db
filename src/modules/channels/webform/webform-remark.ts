import { randomBytes, randomUUID } from 'node:crypto';
import type { RawRemark } from '../../ingestion/raw-remark.js';
import type { FormReplyChannel, FormSubmissionDto } from './dto/form-submission.dto.js';
import type { WebformSettings } from './webform-settings.js';

/** Status tokens (issued by the ingestion pipeline) are base64url; anything else cannot exist. */
export const STATUS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

/** Looks like a status token (192 random bits) but opens nothing: for the honeypot's decoy answer. */
export function decoyStatusToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Public keys: base64url, see ConnectorsService.create. */
export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The customer's status page (PUBLIC_URL is what customers reach us under). */
export function statusPageUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/status/${token}`;
}

/** The customer's choice, else email when they gave an address, else the status page. */
export function chooseReplyChannel(
  input: Pick<FormSubmissionDto, 'email' | 'replyChannel'>,
): FormReplyChannel {
  return input.replyChannel ?? (input.email ? 'email' : 'status_page');
}

/**
 * A form post as a remark for the ingestion pipeline; every post is a new remark (random external
 * id). The pipeline gives the new web form conversation its status token.
 */
export function toFormRemark(
  connectorId: string,
  settings: WebformSettings,
  input: FormSubmissionDto,
  origin?: string,
): RawRemark {
  return {
    channel: 'webform',
    connectorId,
    externalId: randomUUID(),
    text: input.message,
    subject: input.subject ?? null,
    author: { name: input.name ?? null, email: input.email ?? null },
    replyChannel: chooseReplyChannel(input),
    ...(settings.defaultDepartmentId ? { departmentId: settings.defaultDepartmentId } : {}),
    ...(origin ? { meta: { origin: origin.slice(0, 300) } } : {}),
  };
}
