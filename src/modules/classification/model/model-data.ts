import type { FeatureConfig } from '../nlp/features.js';
import type { LexiconData } from '../nlp/lexicon.js';

export const MODEL_FORMAT = 'resonanz-text-classifier/1';

/**
 * One linear softmax head as stored in JSON: only the buckets training kept (a few percent of
 * the hashed space), weights quantised to 16 bits. Base64 of little-endian typed arrays keeps
 * the file a few MB and parses in milliseconds, where a JSON array of floats would not.
 */
export interface HeadData {
  classes: string[];
  bias: number[];
  /** Base64 Uint32Array: the feature indices that have weights, ascending. */
  features: string;
  /** Base64 Int16Array, features × classes, row-major; multiply by `scale`. */
  weights: string;
  scale: number;
  l2: number;
}

export interface ModelData {
  format: typeof MODEL_FORMAT;
  features: FeatureConfig;
  lexicon: LexiconData;
  heads: Record<string, HeadData>;
  /** What it was trained on (counts and a digest of the sorted input), for reproducibility checks. */
  trainedOn: { examples: number; digest: string; perHead: Record<string, Record<string, number>> };
}

export function encodeTyped(array: Uint32Array | Int16Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

export function decodeUint32(base64: string): Uint32Array {
  const buf = Buffer.from(base64, 'base64');
  const out = new Uint32Array(buf.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}

export function decodeInt16(base64: string): Int16Array {
  const buf = Buffer.from(base64, 'base64');
  const out = new Int16Array(buf.byteLength / 2);
  for (let i = 0; i < out.length; i++) out[i] = buf.readInt16LE(i * 2);
  return out;
}
