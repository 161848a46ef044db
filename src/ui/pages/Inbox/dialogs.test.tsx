import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, renderSignedIn, renderUi, signedIn, user } from '../../test-utils.js';
import { ResolveReasonDialog, TransferDialog } from './dialogs.js';

const departments = [
  { id: 'd1', name: 'Logistics' },
  { id: 'd2', name: 'Billing' },
];

describe('reason dialogs', () => {
  it('transfers with Ctrl+Enter from the reason, as the send shortcut does', async () => {
    mockFetch(signedIn(user(), { departments }));
    const onSubmit = vi.fn();
    renderSignedIn(
      <TransferDialog currentDepartmentId="d1" onSubmit={onSubmit} onClose={() => undefined} busy={false} />,
    );
    await screen.findByRole('option', { name: 'Billing' });
    fireEvent.change(screen.getByLabelText('New department'), { target: { value: 'd2' } });
    const reason = screen.getByLabelText('Reason');
    fireEvent.change(reason, { target: { value: '  About an invoice  ' } });
    fireEvent.keyDown(reason, { key: 'Enter', ctrlKey: true });
    expect(onSubmit).toHaveBeenCalledWith('d2', 'About an invoice');
  });

  it('resolves with Cmd+Enter, but not before a reason is given', () => {
    const onSubmit = vi.fn();
    renderUi(<ResolveReasonDialog onSubmit={onSubmit} onClose={() => undefined} busy={false} />);
    const reason = screen.getByLabelText('Reason');
    fireEvent.keyDown(reason, { key: 'Enter', metaKey: true });
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(reason, { target: { value: 'Duplicate of R-1042' } });
    // Enter alone is a new line in the text area.
    fireEvent.keyDown(reason, { key: 'Enter' });
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.keyDown(reason, { key: 'Enter', metaKey: true });
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith('Duplicate of R-1042');
  });

  it('does not submit twice while the first request is on its way', () => {
    const onSubmit = vi.fn();
    renderUi(<ResolveReasonDialog onSubmit={onSubmit} onClose={() => undefined} busy />);
    const reason = screen.getByLabelText('Reason');
    fireEvent.change(reason, { target: { value: 'Spam' } });
    fireEvent.keyDown(reason, { key: 'Enter', ctrlKey: true });
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
