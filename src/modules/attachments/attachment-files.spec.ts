import { describe, expect, it } from '@jest/globals';
import {
  ATTACHMENT_TOO_LARGE,
  inlineImageResolver,
  MAX_ATTACHMENT_BYTES,
  normalizeAttachments,
  safeFilename,
} from './attachment-files.js';
import { contentDisposition } from './attachments.service.js';

describe('normalizeAttachments', () => {
  it('keeps real bytes as files whose ids are in the message list, with the type without parameters', () => {
    const flags = new Set<string>();
    const content = Buffer.from('%PDF-1.4 …');
    const { attachments, files } = normalizeAttachments(
      [{ filename: 'Rechnung.pdf', contentType: 'Application/PDF; name="Rechnung.pdf"', size: 1, content }],
      flags,
    );
    expect(files).toEqual([
      { id: expect.any(String), filename: 'Rechnung.pdf', contentType: 'application/pdf', content },
    ]);
    expect(attachments).toEqual([
      { id: files[0].id, filename: 'Rechnung.pdf', contentType: 'application/pdf', size: content.length },
    ]);
    expect(flags.size).toBe(0);
  });

  it('keeps only name, type and size of what an import sends as JSON, and nothing else of it', () => {
    const { attachments, files } = normalizeAttachments(
      [
        { filename: 'a.png', contentType: 'text/html"><script>', size: 12, content: 'PGh0bWw+', extra: 'x' },
        'junk',
        null,
      ],
      new Set(),
    );
    expect(files).toEqual([]);
    expect(attachments).toEqual([{ filename: 'a.png', contentType: 'application/octet-stream', size: 12 }]);
  });

  it('lists files over the size limit by name only and flags the remark', () => {
    const flags = new Set<string>();
    const content = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    const { attachments, files } = normalizeAttachments(
      [{ filename: 'video.mov', contentType: 'video/quicktime', content }],
      flags,
    );
    expect(files).toEqual([]);
    expect(attachments).toEqual([
      { filename: 'video.mov', contentType: 'video/quicktime', size: content.length },
    ]);
    expect([...flags]).toEqual([ATTACHMENT_TOO_LARGE]);
  });

  it('has no list for no attachments', () => {
    const none = { attachments: null, files: [], inlineImages: new Map() };
    expect(normalizeAttachments([], new Set())).toEqual(none);
    expect(normalizeAttachments(undefined, new Set())).toEqual(none);
  });

  it("maps the Content-IDs of kept images to their URLs, for the mail's own <img> only", () => {
    const png = Buffer.from('png');
    const { files, inlineImages } = normalizeAttachments(
      [
        { filename: 'a.png', contentType: 'image/png', content: png, cid: '<shot1@mail>' },
        { filename: 'b.svg', contentType: 'image/svg+xml', content: png, cid: 'vector@mail' },
      ],
      new Set(),
    );
    const resolve = inlineImageResolver(inlineImages)!;
    expect(resolve('cid:shot1@mail')).toBe(`/api/attachments/${files[0].id}`);
    expect(resolve('CID:<shot1@mail>')).toBe(`/api/attachments/${files[0].id}`);
    // SVG can carry script: it is kept as a file but never shown inline.
    expect(resolve('cid:vector@mail')).toBeUndefined();
    expect(resolve('https://tracker.example/shot1@mail')).toBeUndefined();
    expect(inlineImageResolver(new Map())).toBeUndefined();
  });
});

describe('safeFilename', () => {
  it('drops paths, control characters and quotes', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\anna\\Foto 1.jpg')).toBe('Foto 1.jpg');
    expect(safeFilename('a"b\r\nc.txt')).toBe('a b c.txt');
    expect(safeFilename('   ')).toBeNull();
    expect(safeFilename(42)).toBeNull();
    expect(safeFilename('x'.repeat(300))).toHaveLength(255);
  });
});

describe('contentDisposition', () => {
  it('always asks to save, with an ASCII name and the exact UTF-8 name', () => {
    expect(contentDisposition('Größe März.pdf')).toBe(
      `attachment; filename="Gr__e M_rz.pdf"; filename*=UTF-8''Gr%C3%B6%C3%9Fe%20M%C3%A4rz.pdf`,
    );
    expect(contentDisposition(null)).toBe(`attachment; filename="attachment"; filename*=UTF-8''attachment`);
  });
});
