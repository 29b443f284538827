import { validate, type ValidationError } from 'class-validator';

import { type Refusal, userError, UserErrorCode } from './refusal';

/** Checks an input object against its class-validator rules: one refusal per broken rule. */
export async function validateInput(input: object, path: string[]): Promise<Refusal[]> {
  return flattenValidationErrors(await validate(input, { forbidUnknownValues: false }), path);
}

/** class-validator's error tree as user errors, one per broken rule, each with its field path. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  path: string[],
): Refusal[] {
  const flat: Refusal[] = [];
  for (const error of errors) {
    const here = [...path, error.property];
    for (const message of Object.values(error.constraints ?? {})) {
      flat.push(userError(UserErrorCode.INVALID, here, message));
    }
    flat.push(...flattenValidationErrors(error.children ?? [], here));
  }
  return flat;
}
