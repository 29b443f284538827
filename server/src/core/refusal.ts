/**
 * Expected refusals of a write, as plain data: services throw them, the GraphQL mutation runner
 * returns them as `userErrors`, the CSV importer reports them per line.
 */
export enum UserErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE = 'DUPLICATE',
  STALE_VERSION = 'STALE_VERSION',
  FORBIDDEN_TRANSITION = 'FORBIDDEN_TRANSITION',
  REFERENCE_IN_USE = 'REFERENCE_IN_USE',
  URL_NOT_ALLOWED = 'URL_NOT_ALLOWED',
}

/** One problem with a write's input: the offending field's path, a message and a code. */
export interface Refusal {
  field: string[] | null;
  message: string;
  code: UserErrorCode;
}

/** Thrown by services for expected refusals; nothing of the write is kept. */
export class UserInputProblems extends Error {
  constructor(readonly userErrors: Refusal[]) {
    super(userErrors.map((error) => error.message).join('; '));
    this.name = 'UserInputProblems';
  }
}

export function userError(code: UserErrorCode, field: string[] | null, message: string): Refusal {
  return { code, field, message };
}

/** Throws one refusal at once. */
export function refuse(code: UserErrorCode, field: string[] | null, message: string): never {
  throw new UserInputProblems([userError(code, field, message)]);
}
