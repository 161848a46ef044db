/**
 * The one place the UI talks HTTP. The session lives in the server's httpOnly cookie, so every
 * call is a same-origin fetch with credentials and no token ever touches JavaScript storage.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly messages: string[] = [message],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** Called when a request comes back 401 (session expired or signed out elsewhere). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Pulls the words out of the server's `{statusCode, error, message}` error body. */
export function errorFromBody(status: number, statusText: string, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'message' in body) {
    const raw = (body as { message: unknown }).message;
    const messages = (Array.isArray(raw) ? raw : [raw]).filter((m): m is string => typeof m === 'string');
    if (messages.length > 0) return new ApiError(status, messages.join(' · '), messages);
  }
  return new ApiError(status, statusText || `HTTP ${status}`);
}

/** Sends `body` as JSON; FormData goes as it is, so the browser sets the multipart boundary. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const raw = body === undefined || body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: raw
        ? { Accept: 'application/json' }
        : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: raw ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (res.status === 401 && onUnauthorized && !path.startsWith('/api/auth/')) onUnauthorized();
  if (!res.ok) {
    const parsed: unknown = await res.json().catch(() => null);
    throw errorFromBody(res.status, res.statusText, parsed);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};
