import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Department } from '../../api/types.js';
import { mockFetch, renderSignedIn, signedIn, user } from '../../test-utils.js';
import { Departments } from './Departments.js';

const logistics: Department = {
  id: 'd1',
  name: 'Logistics',
  email: null,
  leadUserId: null,
  memberIds: [],
  autoAssign: false,
};
const DUPLICATE = 'A department named “Logistics” already exists';

/** The toasts live outside the dialog; a failure said in the dialog must not be repeated there. */
const toasts = () => document.querySelector('.toasts') as HTMLElement;

describe('Departments', () => {
  it('says a duplicate name once, in the dialog, and keeps the dialog open', async () => {
    mockFetch({
      ...signedIn(user(), { departments: [logistics] }),
      'GET /api/users': { body: [] },
      'POST /api/departments': {
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: DUPLICATE },
      },
    });
    renderSignedIn(<Departments />);
    await screen.findByText('Logistics');
    fireEvent.click(screen.getByRole('button', { name: 'New department' }));
    const dialog = screen.getByRole('dialog', { name: 'New department' });
    fireEvent.change(within(dialog).getByLabelText('Name *'), { target: { value: 'Logistics' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(DUPLICATE);
    expect(screen.getAllByText(DUPLICATE)).toHaveLength(1);
    expect(toasts().textContent).toBe('');
  });

  it('says a failed deletion in the confirmation only, and forgets it when asked again', async () => {
    mockFetch({
      ...signedIn(user(), { departments: [logistics] }),
      'GET /api/users': { body: [] },
      'DELETE /api/departments/d1': {
        status: 400,
        body: { statusCode: 400, message: 'Logistics still has open conversations' },
      },
    });
    renderSignedIn(<Departments />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Logistics' }));
    const confirm = screen.getByRole('dialog');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect((await within(confirm).findByRole('alert')).textContent).toBe(
      'Logistics still has open conversations',
    );
    expect(screen.getAllByText('Logistics still has open conversations')).toHaveLength(1);
    expect(toasts().textContent).toBe('');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete Logistics' }));
    expect(within(screen.getByRole('dialog')).queryByRole('alert')).toBeNull();
  });
});
