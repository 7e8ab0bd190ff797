/** An error whose message is meant for the user: the dispatcher shows it privately instead of "something went wrong". */
export class UserError extends Error {
  constructor(
    message: string,
    /** A stable machine-readable code, e.g. "empty-query", "unknown-filter". */
    readonly code: string = "bad-input",
  ) {
    super(message);
    this.name = "UserError";
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
