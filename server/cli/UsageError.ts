/** The command line is wrong: the message says what to type instead (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
