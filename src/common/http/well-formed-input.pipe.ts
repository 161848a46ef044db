import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { AppError } from '../errors/app-error.js';

/** Our bodies nest three levels deep; thousands of levels only make the validator overflow its stack. */
export const MAX_BODY_DEPTH = 32;

// A lone surrogate cannot be encoded: validators throw URIError on it, JSON consumers choke.
// (NUL is refused by TrimmedText in names and texts, and stripped and flagged in remarks.)
const UNENCODABLE_SOURCE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const UNENCODABLE = new RegExp(UNENCODABLE_SOURCE);
const UNENCODABLE_ALL = new RegExp(UNENCODABLE_SOURCE, 'g');

/**
 * Runs before validation on every body and query: lone surrogates, which no encoder can write,
 * become U+FFFD (which the remark pipeline flags as invalid_utf8, and which fails email and id
 * checks with a clear 400), and bodies nested deeper than anything we accept are refused outright.
 */
@Injectable()
export class WellFormedInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    return wellFormed(value);
  }
}

/** Repairs strings in place, walking without recursion so no depth can overflow the stack. */
export function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return repair(value);
  if (!value || typeof value !== 'object') return value;
  const stack: { node: Record<string, unknown>; depth: number }[] = [
    { node: value as Record<string, unknown>, depth: 1 },
  ];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_BODY_DEPTH)
      throw new AppError('bad_request', `body is nested deeper than ${MAX_BODY_DEPTH} levels`);
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (typeof child === 'string') node[key] = repair(child);
      else if (child && typeof child === 'object')
        stack.push({ node: child as Record<string, unknown>, depth: depth + 1 });
    }
  }
  return value;
}

const repair = (text: string): string =>
  UNENCODABLE.test(text) ? text.replace(UNENCODABLE_ALL, '\uFFFD') : text;
