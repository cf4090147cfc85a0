/** What to show the user for a failure: the error's own message (the adapters word them for people). */
export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
