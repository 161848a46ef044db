import { randomBytes } from 'node:crypto';

/**
 * A UUID (version 7) that starts with the time: rows the pipeline creates in bulk land at the end
 * of their primary-key and foreign-key indexes instead of at random pages, which keeps big
 * imports fast as the tables grow. Still a UUID to everything that reads it.
 */
export function timeOrderedId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
