import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { conversation, mockFetch, renderUi } from '../../test-utils.js';
import { ReplyBox } from './ReplyBox.js';

describe('ReplyBox', () => {
  it.each([
    ['email', 'Reply by email to erika@example.com'],
    ['feed', 'Public answer on the review site'],
    ['status_page', 'Status page — the customer reads it on their personal page'],
    ['api', 'Stored with the conversation (imported via API)'],
  ] as const)('says plainly where a %s answer goes', (replyChannel, text) => {
    renderUi(
      <ReplyBox conv={conversation({ id: `c-${replyChannel}`, replyChannel })} onSent={() => undefined} />,
    );
    expect(screen.getByTestId('reply-channel').textContent).toBe(text);
  });

  it('sends the reply with "Send", hands the message over and clears the box', async () => {
    const message = {
      id: 'm1',
      direction: 'outbound',
      authorName: 'Anna',
      body: 'On its way',
      createdAt: '2026-01-01T10:00:00Z',
      deliveryStatus: 'queued',
    };
    const calls = mockFetch({ 'POST /api/conversations/c-send/replies': { status: 201, body: message } });
    const onSent = vi.fn();
    renderUi(<ReplyBox conv={conversation({ id: 'c-send' })} onSent={onSent} />);
    const box = screen.getByLabelText('Reply');
    fireEvent.change(box, { target: { value: '  On its way  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith(message, 'reply'));
    expect(calls).toEqual([
      { url: '/api/conversations/c-send/replies', method: 'POST', body: { body: 'On its way' } },
    ]);
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('writes internal notes to the notes endpoint, never as a reply', async () => {
    const calls = mockFetch({ 'POST /api/conversations/c-note/notes': { status: 201, body: { id: 'n1' } } });
    const onSent = vi.fn();
    renderUi(<ReplyBox conv={conversation({ id: 'c-note' })} onSent={onSent} />);
    fireEvent.click(screen.getByRole('button', { name: 'Internal note' }));
    expect(screen.getByText('Only your team sees notes')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Internal note'), { target: { value: 'Called the courier' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith({ id: 'n1' }, 'note'));
    expect(calls.map((c) => c.url)).toEqual(['/api/conversations/c-note/notes']);
  });

  it('keeps the text and says what went wrong when the server refuses', async () => {
    mockFetch({
      'POST /api/conversations/c-err/replies': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: ['body must be shorter than or equal to 20000 characters'],
        },
      },
    });
    const onSent = vi.fn();
    renderUi(<ReplyBox conv={conversation({ id: 'c-err' })} onSent={onSent} />);
    fireEvent.change(screen.getByLabelText('Reply'), { target: { value: 'Too long' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'body must be shorter than or equal to 20000 characters',
    );
    expect((screen.getByLabelText('Reply') as HTMLTextAreaElement).value).toBe('Too long');
    expect(onSent).not.toHaveBeenCalled();
  });

  it('does not send an empty reply', () => {
    const calls = mockFetch({});
    renderUi(<ReplyBox conv={conversation({ id: 'c-empty' })} onSent={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Reply'), { target: { value: '   ' } });
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    expect(calls).toEqual([]);
  });
});
