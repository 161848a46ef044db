import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../common/paths.js';
import type { LabeledExample } from './train.js';

export const CORPUS_DIR = join(PROJECT_ROOT, 'src/modules/classification/corpus');
export const DEFAULT_MODEL_PATH = join(PROJECT_ROOT, 'src/modules/classification/model/default-model.json');

/** JSON lines of a file; lines that do not parse are skipped (a file may be half-written). */
export function readJsonl(path: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const row: unknown = JSON.parse(line);
      if (row && typeof row === 'object' && !Array.isArray(row)) rows.push(row as Record<string, unknown>);
    } catch {
      // a line being written right now, or a broken one: not training data
    }
  }
  return rows;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

/** Rows with text as examples labeled by the given fields (sentiment, topic, …). */
export function toExamples(rows: Record<string, unknown>[], fields: string[]): LabeledExample[] {
  const out: LabeledExample[] = [];
  for (const row of rows) {
    const text = str(row.text);
    if (!text) continue;
    out.push({ text, labels: Object.fromEntries(fields.map((f) => [f, str(row[f])])) });
  }
  return out;
}

/** The default training corpus: corpus/<language>/<topic>.jsonl, read in sorted file order. */
export function loadCorpus(dir = CORPUS_DIR): LabeledExample[] {
  if (!existsSync(dir)) return [];
  const rows: Record<string, unknown>[] = [];
  for (const lang of readdirSync(dir).sort()) {
    const langDir = join(dir, lang);
    for (const file of readdirSync(langDir).sort()) {
      if (file.endsWith('.jsonl')) rows.push(...readJsonl(join(langDir, file)));
    }
  }
  return toExamples(rows, ['sentiment', 'topic', 'language']);
}

/**
 * Text the corpus must never contain: the third-party evaluation files and our blind test sets
 * (either would inflate every figure we report).
 */
export const HELD_OUT_DIRS = [
  join(PROJECT_ROOT, '../shared/data/eval'),
  join(PROJECT_ROOT, 'test/fixtures/classification'),
];

/** The texts that also appear, up to case and spacing, in a JSON-lines file in one of `dirs`. */
export function heldOutOverlap(texts: string[], dirs: string[]): string[] {
  const key = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
  const heldOut = new Set<string>();
  for (const dir of dirs.filter((d) => existsSync(d))) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
      for (const row of readJsonl(join(dir, file)))
        if (typeof row.text === 'string') heldOut.add(key(row.text));
    }
  }
  return texts.filter((t) => heldOut.has(key(t)));
}

/** Agents' corrections count more than a corpus line: they are about this company's remarks. */
export const CORRECTION_WEIGHT = 3;

export interface CorrectionRow {
  text: string;
  topic: string | null;
  sentiment: string | null;
  conversationId: string | null;
}

/**
 * Corrections (oldest first) as training examples: several corrections of the same remark
 * (by conversation, else by text) merge, the latest label of each field winning.
 */
export function correctionExamples(rows: CorrectionRow[]): LabeledExample[] {
  const merged = new Map<string, LabeledExample>();
  for (const row of rows) {
    const key = row.conversationId ? `c:${row.conversationId}` : `t:${row.text}`;
    const example = merged.get(key) ?? { text: row.text, labels: {}, weight: CORRECTION_WEIGHT };
    example.text = row.text;
    if (row.topic) example.labels.topic = row.topic;
    if (row.sentiment) example.labels.sentiment = row.sentiment;
    merged.set(key, example);
  }
  return [...merged.values()];
}
