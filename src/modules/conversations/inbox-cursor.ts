import { badRequest } from '../../common/errors/app-error.js';

/** Where a page ended: the last item's activity time and id (the inbox's sort key). */
export interface InboxCursor {
  lastMessageAt: number;
  id: string;
}

/** Opaque to clients: base64url JSON, so the sort key can change without breaking their code. */
export function encodeCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify([cursor.lastMessageAt, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): InboxCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      Number.isSafeInteger(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(parsed[1])
    ) {
      return { lastMessageAt: parsed[0] as number, id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw badRequest('cursor is not valid');
}
