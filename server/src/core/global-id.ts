import { badUserInput } from './domain-error';

/**
 * Relay global ids: base64 of `Type:databaseId`, opaque to clients (as GitHub's and Shopify's),
 * so a client never builds one by hand and we stay free to change the encoding.
 */
export function toGlobalId(typeName: string, id: number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  typeName: string;
  id: number;
}

/** Decodes a global id, or `null` when it is not one of ours. */
export function decodeGlobalId(globalId: string): DecodedGlobalId | null {
  if (typeof globalId !== 'string' || !/^[A-Za-z0-9_-]{1,200}={0,2}$/.test(globalId)) return null;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Z][A-Za-z]{1,40}):([1-9]\d{0,9})$/.exec(text);
  if (!match) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) && id <= 2147483647 ? { typeName: match[1], id } : null;
}

/**
 * The database id behind a global id that must be of `typeName`. `argumentPath` names the
 * argument in the error (e.g. ['filter', 'leadPole', 'id', 'in', '2']).
 */
export function databaseIdOf(
  globalId: string,
  typeName: string,
  argumentPath: readonly string[],
): number {
  const decoded = decodeGlobalId(globalId);
  if (!decoded) {
    throw badUserInput(
      `${argumentPath.join('.')}: "${clip(globalId)}" is not a valid id`,
      argumentPath,
    );
  }
  if (decoded.typeName !== typeName) {
    throw badUserInput(
      `${argumentPath.join('.')}: "${clip(globalId)}" is the id of a ${decoded.typeName}, not of a ${typeName}`,
      argumentPath,
    );
  }
  return decoded.id;
}

function clip(value: unknown): string {
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
