import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../api/types.js';
import { translate } from '../../i18n/index.js';
import { conversation, renderUi } from '../../test-utils.js';
import { describeEvent, Thread } from './Thread.js';

const names = {
  userName: (id: string | null | undefined) => (id === 'u1' ? 'Anna' : null),
  departmentName: (id: string | null | undefined) => (id === 'd1' ? 'Logistics' : null),
};
const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate('en', key, vars);

function message(overrides: Partial<Message>): Message {
  return {
    id: Math.random().toString(36),
    direction: 'inbound',
    authorName: null,
    body: '',
    createdAt: '2026-01-01T10:00:00Z',
    ...overrides,
  };
}

describe('Thread', () => {
  it('tells inbound, outbound and notes apart and lists attachments', () => {
    renderUi(
      <Thread
        conv={conversation({
          messages: [
            message({
              body: 'Where is my parcel?',
              attachments: [
                {
                  filename: 'receipt.pdf',
                  contentType: 'application/pdf',
                  size: 2048,
                  url: '/api/attachments/a1',
                },
                { filename: 'huge.mov', contentType: 'video/quicktime', size: 30_000_000 },
              ],
            }),
            message({
              direction: 'note',
              authorName: 'Anna',
              body: 'Asked the courier',
              createdAt: '2026-01-01T10:05:00Z',
            }),
            message({
              direction: 'outbound',
              authorName: 'Anna',
              body: 'It arrives tomorrow',
              createdAt: '2026-01-01T10:10:00Z',
              deliveryStatus: 'sent',
            }),
          ],
        })}
        onRetry={() => undefined}
        retryingId={null}
      />,
    );
    const articles = screen.getAllByRole('article');
    expect(articles.map((a) => a.getAttribute('aria-label'))).toEqual([
      'Message from Erika Muster',
      'Note by Anna',
      'Answer by Anna',
    ]);
    expect(articles.map((a) => a.className)).toEqual(['msg msg-inbound', 'msg msg-note', 'msg msg-outbound']);
    expect(screen.getByRole('list', { name: 'Attachments' }).textContent).toContain('huge.mov');
    // Kept files are links to their download; a file only listed by name is not.
    expect(screen.getByRole('link', { name: 'receipt.pdf' }).getAttribute('href')).toBe(
      '/api/attachments/a1',
    );
    expect(screen.queryByRole('link', { name: 'huge.mov' })).toBeNull();
    expect(articles[2].textContent).toContain('Sent');
  });

  it('shows a failed delivery with its error and a retry, and a manual one with the platform link', () => {
    renderUi(
      <Thread
        conv={conversation({
          replyChannel: 'feed',
          externalUrl: 'https://reviews.test/r/1',
          messages: [
            message({
              direction: 'outbound',
              body: 'a',
              deliveryStatus: 'failed',
              deliveryError: 'SMTP 550 mailbox unavailable',
            }),
            message({
              direction: 'outbound',
              body: 'b',
              deliveryStatus: 'manual',
              createdAt: '2026-01-01T11:00:00Z',
            }),
          ],
        })}
        onRetry={() => undefined}
        retryingId={null}
      />,
    );
    expect(screen.getByText('SMTP 550 mailbox unavailable')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Answer on the platform' }).getAttribute('href')).toBe(
      'https://reviews.test/r/1',
    );
  });

  it('shows the sanitised HTML only in a sandboxed frame without scripts', () => {
    renderUi(
      <Thread
        conv={conversation({ messages: [message({ body: 'plain', html: '<p>formatted</p>' })] })}
        onRetry={() => undefined}
        retryingId={null}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show formatted' }));
    const frame = document.querySelector('iframe');
    expect(frame?.getAttribute('sandbox')).not.toContain('allow-scripts');
    expect(frame?.getAttribute('srcdoc')).toContain('<p>formatted</p>');
    expect(frame?.getAttribute('srcdoc')).toContain("default-src 'none'");
  });
});

describe('history lines', () => {
  it('says who transferred where and why', () => {
    const line = describeEvent(
      {
        id: 'e',
        type: 'transfer',
        actorUserId: 'u1',
        data: { from: null, to: 'd1', reason: 'wrong team' },
        createdAt: '',
      },
      t,
      names,
    );
    expect(line).toBe('Transferred to Logistics — “wrong team” · Anna');
  });
  it('reads corrections and promises', () => {
    expect(
      describeEvent(
        { id: 'e', type: 'correction', data: { topic: { from: 'other', to: 'billing' } }, createdAt: '' },
        t,
        names,
      ),
    ).toBe('Classification corrected: Billing');
    const promises = [{ id: 'p1', description: 'Call back Friday', dueAt: '' }];
    expect(
      describeEvent(
        { id: 'e', type: 'promise', data: { promiseId: 'p1', state: 'broken' }, createdAt: '' },
        t,
        names,
        promises,
      ),
    ).toBe('Promise broken: Call back Friday');
  });
});
