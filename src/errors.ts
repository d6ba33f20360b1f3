// Shared by every layer, so it imports nothing.

/**
 * A sentence for anything caught: an Error's message (its name when the message is empty), a
 * thrown string as it is, another value as JSON. `catch` gives `unknown`; this replaces the cast.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const { message } = error as { message?: unknown };
    if (typeof message === 'string' && message !== '') return message;
  }
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
