/**
 * Headers that let a page of an allowed origin read our answer; a foreign origin gets none. A form
 * without allowed origins accepts background posts from any site: the post carries no
 * credentials, and a new form's snippet should work wherever it is pasted.
 */
export function corsHeaders(
  origin: string | undefined,
  allowedOrigins: readonly string[],
  preflight: boolean,
): Record<string, string> {
  // Caches must not hand one origin's answer to another.
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (!origin || (allowedOrigins.length > 0 && !allowedOrigins.includes(origin))) return headers;
  headers['Access-Control-Allow-Origin'] = origin;
  if (preflight) {
    headers['Access-Control-Allow-Methods'] = 'POST, OPTIONS';
    headers['Access-Control-Allow-Headers'] = 'Content-Type, Accept';
    headers['Access-Control-Max-Age'] = '600';
  }
  return headers;
}
