/** Errors a user can act on: one message, an optional hint, and the exit code the CLI returns. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
