import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { conversation, mockFetch, renderUi } from '../../test-utils.js';
import { ReplyBox } from './ReplyBox.js';

const uploaded = {
  id: 'a1',
  filename: 'invoice.pdf',
  contentType: 'application/pdf',
  size: 2048,
  url: '/api/attachments/a1',
};
const pdf = () => new File(['x'.repeat(2048)], 'invoice.pdf', { type: 'application/pdf' });
const pick = (...files: File[]) =>
  fireEvent.change(screen.getByTestId('attach-input'), { target: { files } });
const chip = () => within(screen.getByRole('list', { name: 'Attached files' })).getByRole('listitem');
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

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

  it('uploads a picked file at once, shows it as a chip, and removing it only drops it', async () => {
    const calls = mockFetch({ 'POST /api/attachments': { status: 201, body: uploaded } });
    renderUi(<ReplyBox conv={conversation({ id: 'c-pick' })} onSent={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Reply'), { target: { value: 'See attached' } });
    pick(pdf());
    expect(chip().getAttribute('aria-busy')).toBe('true');
    expect(chip().textContent).toContain('Uploading…');
    expect(button('Send').disabled).toBe(true);
    await waitFor(() => expect(chip().getAttribute('aria-busy')).toBe('false'));
    expect(chip().textContent).toBe('invoice.pdf2 KB');
    expect(button('Send').disabled).toBe(false);
    expect(calls).toEqual([{ url: '/api/attachments', method: 'POST', body: expect.any(FormData) }]);
    expect((calls[0].body as FormData).get('file')).toMatchObject({ name: 'invoice.pdf', size: 2048 });

    fireEvent.click(button('Remove invoice.pdf'));
    expect(screen.queryByRole('list', { name: 'Attached files' })).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('sends the uploaded files with the reply and clears them afterwards', async () => {
    const calls = mockFetch({
      'POST /api/attachments': { status: 201, body: uploaded },
      'POST /api/conversations/c-files/replies': { status: 201, body: { id: 'm1' } },
    });
    const onSent = vi.fn();
    renderUi(<ReplyBox conv={conversation({ id: 'c-files' })} onSent={onSent} />);
    pick(pdf());
    fireEvent.change(screen.getByLabelText('Reply'), { target: { value: 'Your invoice' } });
    await waitFor(() => expect(chip().textContent).toBe('invoice.pdf2 KB'));
    fireEvent.click(button('Send'));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith({ id: 'm1' }, 'reply'));
    expect(calls[1]).toEqual({
      url: '/api/conversations/c-files/replies',
      method: 'POST',
      body: { body: 'Your invoice', attachmentIds: ['a1'] },
    });
    expect(screen.queryByRole('list', { name: 'Attached files' })).toBeNull();
  });

  it('says on the chip when a file is too large, and lets it be dismissed', async () => {
    mockFetch({
      'POST /api/attachments': {
        status: 413,
        body: { statusCode: 413, error: 'Payload Too Large', message: 'File too large' },
      },
    });
    renderUi(<ReplyBox conv={conversation({ id: 'c-big' })} onSent={() => undefined} />);
    pick(pdf());
    expect((await within(chip()).findByRole('alert')).textContent).toBe('too large, at most 25 MB');
    fireEvent.click(button('Remove invoice.pdf'));
    expect(screen.queryByRole('list', { name: 'Attached files' })).toBeNull();
  });

  it('attaches to review replies only as a note, and says why', async () => {
    const calls = mockFetch({ 'POST /api/attachments': { status: 201, body: uploaded } });
    renderUi(
      <ReplyBox conv={conversation({ id: 'c-feed', replyChannel: 'feed' })} onSent={() => undefined} />,
    );
    const drop = () =>
      fireEvent.drop(screen.getByRole('region', { name: 'Answer' }), {
        dataTransfer: { files: [pdf()], types: ['Files'] },
      });
    expect(button('Attach files').disabled).toBe(true);
    expect(button('Attach files').getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Files can only be sent by email; add them as a note')).toBeTruthy();
    drop();
    expect(calls).toEqual([]);

    fireEvent.click(button('Internal note'));
    expect(button('Attach files').disabled).toBe(false);
    expect(screen.queryByText('Files can only be sent by email; add them as a note')).toBeNull();
    drop();
    await waitFor(() => expect(chip().textContent).toBe('invoice.pdf2 KB'));
    expect(calls.map((c) => c.url)).toEqual(['/api/attachments']);
  });

  it('grows the field with its text and shrinks it back when emptied', () => {
    const proto = HTMLTextAreaElement.prototype;
    const heights = (scroll: number) => {
      vi.spyOn(proto, 'scrollHeight', 'get').mockReturnValue(scroll);
      vi.spyOn(proto, 'clientHeight', 'get').mockReturnValue(80);
      vi.spyOn(proto, 'offsetHeight', 'get').mockReturnValue(82);
    };
    renderUi(<ReplyBox conv={conversation({ id: 'c-grow' })} onSent={() => undefined} />);
    const field = screen.getByRole('textbox') as HTMLTextAreaElement;
    heights(200);
    fireEvent.change(field, { target: { value: 'a\nb\nc\nd\ne\nf' } });
    expect(field.style.height).toBe('202px');
    heights(80);
    fireEvent.change(field, { target: { value: '' } });
    expect(field.style.height).toBe('');
  });
});
