import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderUi } from '../../test-utils.js';
import { ContactDataActions } from './ContactDataActions.js';

describe('ContactDataActions', () => {
  afterEach(() => vi.restoreAllMocks());

  it('downloads the export as a JSON file named after the contact', async () => {
    const calls = mockFetch({ 'GET /api/contacts/p1/export': { body: { contact: { id: 'p1' } } } });
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderUi(<ContactDataActions contactId="p1" onErased={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export data' }));
    await waitFor(() => expect(clicked).toEqual(['contact-p1.json']));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/contacts/p1/export']);
    const blob = created.mock.calls[0][0] as Blob;
    expect(JSON.parse(await blob.text())).toEqual({ contact: { id: 'p1' } });
  });

  it('erases only after the confirmation, then tells the view', async () => {
    const calls = mockFetch({ 'DELETE /api/contacts/p1': { body: { contactId: 'p1' } } });
    const onErased = vi.fn();
    renderUi(<ContactDataActions contactId="p1" onErased={onErased} />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase personal data' }));
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Erase for good' }));
    await waitFor(() => expect(onErased).toHaveBeenCalledTimes(1));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['DELETE /api/contacts/p1']);
    expect(screen.queryByRole('button', { name: 'Erase for good' })).toBeNull();
  });

  it('keeps the dialog open and says why when the erasure fails', async () => {
    mockFetch({
      'DELETE /api/contacts/p1': { status: 404, body: { statusCode: 404, message: 'Contact not found' } },
    });
    const onErased = vi.fn();
    renderUi(<ContactDataActions contactId="p1" onErased={onErased} />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase personal data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Erase for good' }));
    const dialog = screen.getByRole('dialog');
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/not found|no longer/i);
    // Said once, in the dialog: not again in a toast.
    expect(screen.getByRole('status').textContent).toBe('');
    expect(onErased).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Erase for good' })).toBeTruthy();
  });
});
