/** A readable one-line message for any thrown value (for lastError, test details, logs). */
export function describeError(error: unknown, max = 1000): string {
  const message = rawMessage(error).replace(/\s+/g, ' ').trim() || 'Unknown error';
  return message.length > max ? `${message.slice(0, max - 1)}…` : message;
}

function rawMessage(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : String(JSON.stringify(error));
  // Node reports a refused connection to several addresses as an AggregateError without a message.
  if (error instanceof AggregateError && !error.message && error.errors.length) {
    return [...new Set(error.errors.map(rawMessage))].join('; ');
  }
  const message = error.message || error.name;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}
