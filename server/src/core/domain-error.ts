import type { ErrorCode } from './error-codes';

export type { ErrorCode };

/**
 * An expected failure, thrown by services with a code and a message a person understands.
 * `argumentPath` names the offending argument or input field (e.g. ['filter', 'region']).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly argumentPath: readonly string[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badUserInput = (message: string, argumentPath: readonly string[] = []) =>
  new DomainError('BAD_USER_INPUT', message, argumentPath);
