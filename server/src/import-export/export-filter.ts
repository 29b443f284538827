import { coerceInputValue, type GraphQLSchema, isInputObjectType } from 'graphql';

import { exportKindOf } from './bulk-export.service';
import { type ExportKindName, ExportRequestError } from './export-kind';

/**
 * Reads `--filter '<json>'` exactly as GraphQL reads a `ProjectFilter` / `MemberFilter`
 * variable (same fields, operators, enums and scalars, "did you mean" hints included), so a
 * filter tried in the playground works here unchanged.
 */
export async function parseExportFilter(
  schema: GraphQLSchema,
  kind: ExportKindName,
  json: string,
  /** How the filter was given, for messages: `--filter` or `filter` (the HTTP parameter). */
  label = '--filter',
): Promise<Record<string, unknown>> {
  const typeName = exportKindOf(kind).filterType;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ExportRequestError(
      `${label} is not valid JSON (${(error as Error).message}): quote it in single quotes, e.g. --filter '{"status":{"eq":"FUNDED"}}'`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ExportRequestError(
      `${label} must be a JSON object of type ${typeName}, e.g. {"status":{"eq":"FUNDED"}}`,
    );
  }
  const filterType = schema.getType(typeName);
  if (!isInputObjectType(filterType)) throw new Error(`The schema has no input type ${typeName}`);
  const problems: string[] = [];
  const coerced = coerceInputValue(value, filterType, (path, _invalid, error) => {
    problems.push(`${path.length > 0 ? `filter.${path.join('.')}: ` : ''}${error.message}`);
  });
  if (problems.length > 0)
    throw new ExportRequestError(`${label} does not fit ${typeName}: ${problems.join('; ')}`);
  return coerced as Record<string, unknown>;
}
