import type { Request } from 'express';

/** The web UI keeps its token in this httpOnly cookie; API clients send a bearer token. */
export const SESSION_COOKIE = 'resonanz_session';

export function readToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  const cookies = request.headers.cookie;
  if (!cookies) return null;
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}
