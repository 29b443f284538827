import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { GraphQLRequest } from '@apollo/server';
import { GraphQLError } from 'graphql';

import type { Caller } from '../../auth/roles';
import type { LimitsConfig, TrustedDocumentsMode } from '../../config/config';

/** The code of a document refused because it is not in the manifest (Apollo Router's name). */
export const NOT_IN_LIST_CODE = 'PERSISTED_QUERY_NOT_IN_LIST';

/**
 * The persisted-documents manifest of the SDK, `{ "<sha256 of the text>": "<document text>" }`,
 * and who may run nothing else. Clients send a document by its hash alone in
 * `extensions.persistedQuery.sha256Hash` (Apollo's APQ format), or by its text.
 */
export class TrustedDocuments {
  private constructor(
    readonly mode: Exclude<TrustedDocumentsMode, 'off'>,
    private readonly documents: ReadonlyMap<string, string>,
  ) {}

  /** Reads and checks the manifest; any problem stops the start with a message naming the file. */
  static load(mode: Exclude<TrustedDocumentsMode, 'off'>, manifestPath: string): TrustedDocuments {
    const path = resolve(manifestPath);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(
        `TRUSTED_DOCUMENTS=${mode} needs the persisted-documents manifest at ${path} ` +
          `(TRUSTED_DOCUMENTS_MANIFEST): ${(error as { message?: string }).message ?? String(error)}`,
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`${path} must be a JSON object of sha256 hash → document text`);
    }
    const documents = new Map<string, string>();
    for (const [hash, text] of Object.entries(parsed)) {
      if (typeof text !== 'string' || sha256(text) !== hash.toLowerCase()) {
        throw new Error(
          `${path}: the entry ${hash} is not the sha256 of its document text: regenerate the manifest`,
        );
      }
      documents.set(hash.toLowerCase(), text);
    }
    return new TrustedDocuments(mode, documents);
  }

  /** Whether `caller` may only run the manifest's documents. */
  appliesTo(caller: Caller): boolean {
    return this.mode === 'all' || caller.kind === 'anonymous';
  }

  /** The text of a listed document, for requests that send its hash alone. */
  documentFor(hash: string): string | undefined {
    return this.documents.get(hash.toLowerCase());
  }

  has(hash: string): boolean {
    return this.documents.has(hash.toLowerCase());
  }

  /**
   * Before Apollo reads the request: fills in the text of a listed document sent by its hash
   * alone (for every caller), and returns the refusal of any other document from a caller held
   * to the list. An unlisted hash is refused rather than answered PERSISTED_QUERY_NOT_FOUND,
   * which would only make the client send the text to be refused.
   */
  admit(request: GraphQLRequest, caller: Caller): GraphQLError | null {
    const hash: unknown = request.extensions?.persistedQuery?.sha256Hash;
    if (request.query === undefined && typeof hash === 'string') {
      const text = this.documentFor(hash);
      if (text !== undefined) {
        // Apollo then checks that the text hashes to `hash`, as for any APQ registration.
        request.query = text;
        return null;
      }
      return this.appliesTo(caller) ? documentNotTrusted(this.mode) : null;
    }
    if (!this.appliesTo(caller) || typeof request.query !== 'string') return null;
    return this.has(sha256(request.query)) ? null : documentNotTrusted(this.mode);
  }

  get size(): number {
    return this.documents.size;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The refusal of a document outside the manifest, HTTP 400. */
export function documentNotTrusted(mode: Exclude<TrustedDocumentsMode, 'off'>): GraphQLError {
  const who = mode === 'all' ? 'This server' : 'Without an API token, this server';
  return new GraphQLError(
    `${who} only runs the operations of the PoleGraph SDK (its persisted-documents manifest); ` +
      'this document is not one of them.',
    { extensions: { code: NOT_IN_LIST_CODE, http: { status: 400 } } },
  );
}

/** The manifest the configuration asks for, or null when TRUSTED_DOCUMENTS is off. */
export function trustedDocumentsOf(
  limits: Pick<LimitsConfig, 'trustedDocuments' | 'trustedDocumentsManifest'>,
): TrustedDocuments | null {
  return limits.trustedDocuments === 'off'
    ? null
    : TrustedDocuments.load(limits.trustedDocuments, limits.trustedDocumentsManifest);
}
