/** The global id of a record, as the API shows it (for building inputs in tests). */
export function globalId(typeName: string, databaseId: number): string {
  return Buffer.from(`${typeName}:${databaseId}`, 'utf8').toString('base64url');
}
