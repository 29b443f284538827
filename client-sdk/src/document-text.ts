import { type ASTNode, print } from '@0no-co/graphql.web';

import type { TypedDocumentNode } from './typed-document.js';

export type OperationType = 'query' | 'mutation' | 'subscription';

/** What the client sends for a document, worked out once per document object. */
export interface PreparedDocument {
  /** The document printed as it goes on the wire (and into the persisted-documents manifest). */
  query: string;
  operationName: string | undefined;
  operationType: OperationType;
  /** sha256 of `query`, hex, computed on first need. */
  hash?: Promise<string>;
}

interface OperationDefinitionLike {
  kind: string;
  operation?: string;
  name?: { value: string };
}

// Documents are long-lived constants: printing each once saves work on every call, and a
// WeakMap lets documents built on the fly be collected.
const preparedDocuments = new WeakMap<object, PreparedDocument>();

/** Prints `document` and finds its operation, once per document object. */
export function prepareDocument(document: TypedDocumentNode<unknown, never>): PreparedDocument {
  const known = preparedDocuments.get(document);
  if (known) return known;
  const operation = (document.definitions as readonly OperationDefinitionLike[]).find(
    (definition) => definition.kind === 'OperationDefinition',
  );
  if (!operation) throw new TypeError('The document has no operation (only fragments?)');
  const prepared: PreparedDocument = {
    // graphql.web's printer reads graphql-js ASTs as well as its own.
    query: print(document as unknown as ASTNode),
    operationName: operation.name?.value,
    operationType: (operation.operation ?? 'query') as OperationType,
  };
  preparedDocuments.set(document, prepared);
  return prepared;
}

/**
 * The sha256 (hex) of the document as the client sends it: the key of the persisted-documents
 * manifest and of `extensions.persistedQuery.sha256Hash`.
 */
export function documentHash(document: TypedDocumentNode<unknown, never>): Promise<string> {
  return preparedDocumentHash(prepareDocument(document));
}

/** The sha256 (hex) of a prepared document's text, computed once. */
export function preparedDocumentHash(prepared: PreparedDocument): Promise<string> {
  prepared.hash ??= sha256Hex(prepared.query);
  return prepared.hash;
}

async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new Error(
      'Persisted documents need Web Crypto (crypto.subtle): Node 20+ or a browser page served ' +
        'over HTTPS or from localhost',
    );
  }
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
