import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SessionProvider, useSession } from '../lib/session.js';
import { mockFetch, renderUi } from '../test-utils.js';
import { LoginPage } from './Login.js';

function Gate() {
  const { user } = useSession();
  return user ? <p>Signed in as {user.name}</p> : <LoginPage />;
}

function renderLogin() {
  window.localStorage.clear();
  renderUi(
    <SessionProvider>
      <Gate />
    </SessionProvider>,
  );
}

describe('sign-in page', () => {
  it('signs in with the labelled fields and keeps no token in storage', async () => {
    const calls = mockFetch({
      'POST /api/auth/login': {
        body: {
          accessToken: 'eyJ.secret.token',
          user: { id: 'u1', email: 'a@b.test', name: 'Anna', role: 'agent' },
        },
      },
    });
    renderLogin();
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: ' a@b.test ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret-pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Signed in as Anna')).toBeTruthy();
    expect(calls).toEqual([
      { url: '/api/auth/login', method: 'POST', body: { email: 'a@b.test', password: 'secret-pw' } },
    ]);
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('eyJ');
  });

  it('says in words when the password is wrong', async () => {
    mockFetch({
      'POST /api/auth/login': {
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials' },
      },
    });
    renderLogin();
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'a@b.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is not correct.');
  });

  it('explains rate limiting and network failures', async () => {
    mockFetch({
      'POST /api/auth/login': {
        status: 429,
        body: { statusCode: 429, error: 'Too Many Requests', message: 'ThrottlerException' },
      },
    });
    renderLogin();
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'a@b.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many attempts. Please wait a minute and try again.',
    );
  });

  it('switches to German', () => {
    mockFetch({});
    renderLogin();
    fireEvent.click(screen.getByRole('button', { name: 'DE' }));
    expect(screen.getByLabelText('E-Mail')).toBeTruthy();
    expect(screen.getByLabelText('Passwort')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Anmelden' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
  });
});
