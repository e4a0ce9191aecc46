/**
 * An error in the input text or the command line, worded for an editor in Chinese.
 * The command prints its message on one line (or one line per problem) without a stack trace.
 */
export class ImportError extends Error {
  /** Each problem on its own line, when there are several (e.g. every break that could not be repaired). */
  readonly problems: string[];

  constructor(message: string, problems: string[] = []) {
    super(message);
    this.name = 'ImportError';
    this.problems = problems;
  }
}
