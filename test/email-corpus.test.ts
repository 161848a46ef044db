import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sanitizeHtml } from '../src/common/html/sanitize.js';
import { PROJECT_ROOT } from '../src/common/paths.js';
import { parseEmail } from '../src/modules/channels/email/mail-to-remark.js';
import { normalizeRemark } from '../src/modules/ingestion/normalize.js';

/**
 * Real-world mails from other helpdesks' test suites (../shared/data/mail, see its README): every
 * one goes through our parser without crashing, and where Zammad's snapshot states the subject
 * and sender, ours must agree, except where the README documents that the snapshot is wrong.
 * The mails are read in place: they are third-party fixtures and never copied into this repo.
 */
const CORPUS = join(PROJECT_ROOT, '..', 'shared', 'data', 'mail');
/** Zammad applies its own policy or has a bug here (README "exceptions"). */
const FROM_ORACLE_WRONG = new Set(['mail016', 'mail017', 'mail065', 'mail071', 'mail087', 'mail117']);
const SUBJECT_ORACLE_WRONG = new Set(['mail027', 'mail093']);
/**
 * Display names are not part of the README's strict oracle; we check them too, except where the
 * From header is broken (mail076) or holds raw undeclared Shift_JIS (mail093, as its subject).
 */
const NAME_NOT_COMPARABLE = new Set([...FROM_ORACLE_WRONG, 'mail076', 'mail093']);

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The top-level scalar `key` of a snapshot (plain, '…' or "…" YAML, possibly folded over lines). */
function yamlScalar(yml: string, key: string): string | null {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (start < 0) return null;
  const chunk = [lines[start].slice(key.length + 1)];
  for (let i = start + 1; i < lines.length && /^\s/.test(lines[i]); i++) chunk.push(lines[i]);
  const raw = chunk.join('\n').trim();
  if (raw.startsWith("'")) return foldLines(raw.slice(1, raw.lastIndexOf("'"))).replace(/''/g, "'");
  if (raw.startsWith('"')) return unescapeDoubleQuoted(raw.slice(1, raw.lastIndexOf('"')));
  return foldLines(raw);
}

function foldLines(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ');
}

function unescapeDoubleQuoted(body: string): string {
  const escapes: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    '"': '"',
    '\\': '\\',
    '/': '/',
    ' ': ' ',
    '0': '\0',
  };
  return body
    .replace(/\\\n[ \t]*/g, '') // an escaped line break joins the lines
    .replace(/[ \t]*\n[ \t]*/g, ' ')
    .replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_all, esc: string) =>
      esc.length > 1 ? String.fromCodePoint(parseInt(esc.slice(1), 16)) : (escapes[esc] ?? esc),
    );
}

function corpusFiles(folder: string, ext: string): string[] {
  return readdirSync(join(CORPUS, folder))
    .filter((f) => f.endsWith(ext))
    .sort();
}

if (!existsSync(CORPUS)) {
  describe('email corpus', () => {
    it('is skipped: ../shared/data/mail is not beside this checkout', () => {
      console.log(`Skipping the mail corpus test: ${CORPUS} does not exist (it is only present in CI).`);
      expect(existsSync(CORPUS)).toBe(false);
    });
  });
} else {
  describe('email corpus: Zammad mails with expected subject and sender', () => {
    const names = corpusFiles('zammad', '.box').map((f) => f.replace(/\.box$/, ''));

    it('holds the mails the README describes', () => {
      expect(names.length).toBeGreaterThanOrEqual(59);
    });

    it.each(names)('%s parses and matches the snapshot', async (name) => {
      const source = readFileSync(join(CORPUS, 'zammad', `${name}.box`));
      const { remark } = await parseEmail(source, { connectorId: 'corpus' });
      const yml = readFileSync(join(CORPUS, 'zammad', `${name}.yml`), 'utf8');

      expect(remark.externalId).toMatch(/^<[^<>\s]+>$/);
      expect(typeof remark.text).toBe('string');
      const subject = yamlScalar(yml, 'subject');
      if (subject !== null && !SUBJECT_ORACLE_WRONG.has(name))
        expect(squash(remark.subject ?? '')).toBe(squash(subject));
      const fromEmail = yamlScalar(yml, 'from_email');
      if (fromEmail && !FROM_ORACLE_WRONG.has(name))
        expect(remark.author.email).toBe(fromEmail.toLowerCase());
      const displayName = yamlScalar(yml, 'from_display_name');
      if (displayName && !NAME_NOT_COMPARABLE.has(name))
        expect(squash(remark.author.name ?? '')).toBe(squash(displayName));
      expectSafeHtml(remark.html);
    });
  });

  describe('email corpus: Chatwoot mails', () => {
    it.each(corpusFiles('chatwoot', '.eml'))('%s parses into a storable remark', async (file) => {
      const source = readFileSync(join(CORPUS, 'chatwoot', file));
      const { remark, automated } = await parseEmail(source, { connectorId: 'corpus' });
      expect(remark.externalId).toMatch(/^<[^<>\s]+>$/);
      expect(remark.flags).not.toContain('unparseable');
      // Whatever the mail, the new text is never stripped to nothing while the mail has text.
      if (remark.fullText) expect(remark.text.trim()).not.toBe('');
      expect(remark.suppress).toBe(automated !== null);
      expectSafeHtml(remark.html);
    });

    it.each(['cid_inline_images_without_disposition.eml', 'mail_with_inline_images.eml'])(
      '%s shows its inline image from our own attachment URL',
      async (file) => {
        const { remark } = await parseEmail(readFileSync(join(CORPUS, 'chatwoot', file)), {
          connectorId: 'corpus',
        });
        const result = normalizeRemark(remark, 0, Date.now());
        if (!result.ok) throw new Error(result.message);
        const { html, files, attachments } = result.remark;
        const image = files.find((f) => f.contentType.startsWith('image/'))!;
        expect(attachments).toContainEqual(expect.objectContaining({ id: image.id }));
        expect(html).toContain(`<img src="/api/attachments/${image.id}"`);
        expect(html).not.toMatch(/cid:/i);
      },
    );

    it('recognises the bounces and the auto-reply among them', async () => {
      const verdict = async (file: string) =>
        (await parseEmail(readFileSync(join(CORPUS, 'chatwoot', file)), { connectorId: 'corpus' })).automated
          ?.kind;
      expect(await verdict('bounced_gmail.eml')).toBe('bounce');
      expect(await verdict('bounced_with_no_from.eml')).toBe('bounce');
      expect(await verdict('non_utf_encoded_mail.eml')).toBe('auto_reply');
      expect(await verdict('only_text.eml')).toBeUndefined();
    });
  });
}

function expectSafeHtml(html: string | null | undefined): void {
  if (!html) return;
  const safe = sanitizeHtml(html);
  expect(safe).not.toMatch(/<script/i);
  expect(safe).not.toMatch(/\son\w+\s*=/i);
  expect(safe).not.toMatch(/javascript:/i);
}
