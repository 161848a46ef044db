import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/errors/app-error.js';
import { AttachmentsRepository } from './attachments.repository.js';

/** What a download sends: the bytes and the headers that make a browser save, never render, them. */
export interface AttachmentDownload {
  content: Buffer;
  headers: Record<string, string>;
}

// Types a browser shows as documents with our origin's rights (HTML, SVG, XML…) must not be
// rendered: only these keep their type, everything else goes out as plain bytes.
const KEPT_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266), so "Rechnung März.pdf" survives. */
export function contentDisposition(filename: string | null): string {
  const name = filename ?? 'attachment';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

@Injectable()
export class AttachmentsService {
  constructor(private readonly repository: AttachmentsRepository) {}

  async download(id: string): Promise<AttachmentDownload> {
    const file = await this.repository.find(id);
    if (!file) throw notFound('Attachment');
    return {
      content: file.content,
      headers: {
        'Content-Type': KEPT_TYPES.has(file.contentType) ? file.contentType : 'application/octet-stream',
        'Content-Disposition': contentDisposition(file.filename),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        // Erased files must not live on in a browser cache.
        'Cache-Control': 'private, no-store',
      },
    };
  }
}
