import { newId } from '../../database/columns.js';
import type { AttachmentInfo } from '../conversations/message.entity.js';

/**
 * Files up to this size are kept (mail servers commonly refuse mails over 25 MB, so this keeps
 * what arrives); bigger ones are listed by name and size only, and the remark is flagged.
 */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const ATTACHMENT_TOO_LARGE = 'attachment_too_large';
const DEFAULT_TYPE = 'application/octet-stream';
/** Images a browser shows from our own URL; other types are served for saving only. */
export const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export const attachmentUrl = (id: string) => `/api/attachments/${id}`;

/** An attachment as a channel hands it over: its content only when the channel has the bytes. */
export interface RawAttachment {
  filename?: string | null;
  contentType?: string | null;
  size?: number | null;
  content?: Buffer | null;
  /** Content-ID of an image the mail's HTML shows inline (`<img src="cid:…">`). */
  cid?: string | null;
}

/** A file to store with its message; `id` is also in the message's attachment list. */
export interface AttachmentFile {
  id: string;
  filename: string | null;
  contentType: string;
  content: Buffer;
}

// Path parts, control characters and quotes would confuse a download's Content-Disposition.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[\u0000-\u001f\u007f"\\/]+/g;

/** The last path part of a file name without control characters, at most 255 characters. */
export function safeFilename(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE_NAME, ' ').replace(/\s+/g, ' ').trim().slice(0, 255);
  return cleaned || null;
}

export function safeContentType(type: unknown): string {
  if (typeof type !== 'string') return DEFAULT_TYPE;
  const essence = type.split(';')[0].trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(essence) && essence.length <= 255
    ? essence
    : DEFAULT_TYPE;
}

/**
 * The attachment list stored with a message and the files to keep. Anything a channel passes is
 * reduced to name, type and size; only real bytes (never JSON from an import) become files.
 */
export function normalizeAttachments(
  raw: unknown,
  flags: Set<string>,
): { attachments: AttachmentInfo[] | null; files: AttachmentFile[]; inlineImages: Map<string, string> } {
  const inlineImages = new Map<string, string>();
  if (!Array.isArray(raw) || !raw.length) return { attachments: null, files: [], inlineImages };
  const attachments: AttachmentInfo[] = [];
  const files: AttachmentFile[] = [];
  for (const item of raw as RawAttachment[]) {
    if (!item || typeof item !== 'object') continue;
    const content = Buffer.isBuffer(item.content) ? item.content : null;
    const info: AttachmentInfo = {
      filename: safeFilename(item.filename),
      contentType: safeContentType(item.contentType),
      size: content?.length ?? (Number.isSafeInteger(item.size) && item.size! >= 0 ? item.size! : 0),
    };
    if (content && content.length > MAX_ATTACHMENT_BYTES) flags.add(ATTACHMENT_TOO_LARGE);
    else if (content) {
      info.id = newId();
      files.push({ id: info.id, filename: info.filename, contentType: info.contentType, content });
      if (typeof item.cid === 'string' && INLINE_IMAGE_TYPES.has(info.contentType))
        inlineImages.set(contentIdKey(item.cid), attachmentUrl(info.id));
    }
    attachments.push(info);
  }
  return { attachments: attachments.length ? attachments : null, files, inlineImages };
}

/** Our URL for an `<img src="cid:…">` of one of these images, for sanitizeHtml. */
export function inlineImageResolver(
  inlineImages: ReadonlyMap<string, string>,
): ((src: string) => string | undefined) | undefined {
  if (!inlineImages.size) return undefined;
  return (src) => (/^cid:/i.test(src) ? inlineImages.get(contentIdKey(src)) : undefined);
}

/** A Content-ID as `cid:` URLs and headers both spell it: no scheme, no angle brackets. */
function contentIdKey(cid: string): string {
  return cid
    .trim()
    .replace(/^cid:/i, '')
    .replace(/^<(.*)>$/, '$1');
}
