import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../common/config/app-config.js';
import { badRequest, notFound } from '../../common/errors/app-error.js';
import { newId } from '../../database/columns.js';
import type { AttachmentDto } from '../conversations/dto/conversation-response.dto.js';
import { attachmentUrl, safeContentType, safeFilename } from './attachment-files.js';
import { AttachmentsRepository, insertAttachments } from './attachments.repository.js';

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

/** An upload as multer hands it over (memory storage). */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

/** Uploads not sent within a day are deleted: a reply draft is written in minutes, not days. */
export const UNSENT_UPLOAD_TTL_MS = 24 * 3600_000;
const SWEEP_EVERY_MS = 3600_000;

/**
 * Browsers send a multipart file name as UTF-8 bytes that multer reads as Latin-1 ("MÃ¤rz"):
 * decoded again when that gives valid UTF-8, kept as it came otherwise.
 */
function utf8Name(name: string): string {
  const bytes = Buffer.from(name, 'latin1');
  const decoded = bytes.toString('utf8');
  return Buffer.from(decoded, 'utf8').equals(bytes) ? decoded : name;
}

@Injectable()
export class AttachmentsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AttachmentsService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: AttachmentsRepository,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.SCHEDULER_ENABLED) return;
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Keeps an agent's file until the reply or note it goes with is written (see claimAttachments). */
  async upload(file: UploadedFile | undefined, userId: string): Promise<AttachmentDto> {
    if (!file) throw badRequest('file is required (multipart/form-data, field "file")');
    const info = {
      id: newId(),
      filename: safeFilename(utf8Name(file.originalname)),
      contentType: safeContentType(file.mimetype),
    };
    await insertAttachments(this.dataSource.manager, [
      {
        ...info,
        content: file.buffer,
        messageId: null,
        conversationId: null,
        uploadedBy: userId,
        createdAt: Date.now(),
      },
    ]);
    return { ...info, size: file.buffer.length, url: attachmentUrl(info.id) };
  }

  /** Deletes uploads never sent; returns how many (the hourly timer, and tests with a `now`). */
  async sweep(now = Date.now()): Promise<number> {
    const deleted = await this.repository
      .deleteUnsentBefore(now - UNSENT_UPLOAD_TTL_MS)
      .catch((error: unknown) => {
        this.logger.warn(`Could not delete unsent uploads: ${String(error)}`);
        return 0;
      });
    if (deleted) this.logger.log(`Deleted ${deleted} upload(s) never sent`);
    return deleted;
  }

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
