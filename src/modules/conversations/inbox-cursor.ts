import { badRequest } from '../../common/errors/app-error.js';
import { INBOX_ORDERS, INBOX_SORTS, type InboxSort } from './inbox-order.js';

/** Where a page ended: the order it was read in, the last item's sort keys and its id. */
export interface InboxCursor {
  sort: InboxSort;
  keys: number[];
  id: string;
}

/** Opaque to clients: base64url JSON, so the sort keys can change without breaking their code. */
export function encodeCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, ...cursor.keys, cursor.id])).toString('base64url');
}

/** The cursor of a page read in `sort`; 400 for a forged one or one from another order. */
export function decodeCursor(value: string, sort: InboxSort): InboxCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('cursor is not valid');
  }
  if (!Array.isArray(parsed) || !(INBOX_SORTS as readonly unknown[]).includes(parsed[0])) {
    throw badRequest('cursor is not valid');
  }
  if (parsed[0] !== sort) throw badRequest('cursor belongs to another sort order');
  const keys = parsed.slice(1, -1) as unknown[];
  const id: unknown = parsed[parsed.length - 1];
  if (
    keys.length !== INBOX_ORDERS[sort].keySql.length ||
    !keys.every((key) => Number.isSafeInteger(key)) ||
    typeof id !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(id)
  ) {
    throw badRequest('cursor is not valid');
  }
  return { sort, keys: keys as number[], id };
}
