/**
 * A GraphQL document that carries its result and variables types, the shape shared by
 * graphql-codegen's typed-document-node, gql.tada and `@graphql-typed-document-node/core`.
 * Declared here structurally so the SDK needs neither `graphql` nor that package at run time,
 * and accepts documents built by any of them.
 */
export interface TypedDocumentNode<TResult = unknown, TVariables = unknown> {
  readonly kind: string;
  readonly definitions: readonly object[];
  /** Types only: never set at run time. */
  __apiType?: (variables: TVariables) => TResult;
}

/** What a typed document returns in `data`. */
export type ResultOf<TDocument> = TDocument extends {
  __apiType?: (variables: never) => infer TResult;
}
  ? TResult
  : never;

/** The variables a typed document takes (any, optional, for an untyped graphql-js document). */
export type VariablesOf<TDocument> = '__apiType' extends keyof TDocument
  ? TDocument extends { __apiType?: (variables: infer TVariables) => unknown }
    ? TVariables
    : never
  : Record<string, unknown>;

/** Dotted paths of the fields of `T` whose type is `unknown`. */
type UnknownFieldPaths<T, Path extends string> = unknown extends T
  ? Path
  : T extends readonly (infer Item)[]
    ? UnknownFieldPaths<Item, Path>
    : T extends object
      ? {
          [Key in keyof T & string]-?: UnknownFieldPaths<
            T[Key],
            Path extends '' ? Key : `${Path}.${Key}`
          >;
        }[keyof T & string]
      : never;

/**
 * `unknown` when every field of the result is known, otherwise a type naming the faulty ones,
 * which makes passing the document a compile error.
 *
 * gql.tada types a field the schema does not have as `unknown` instead of failing (its editor
 * plugin reports it, `tsc` does not); every scalar of our schema is mapped, so an `unknown` in a
 * result can only be such a field. The client's entry points intersect their document parameter
 * with this check, so `client.request(graphql('{ pole(slug: "x") { nmae } }'))` does not
 * compile and the message names `pole.nmae`. Untyped documents pass unchecked, typed `unknown`.
 */
export type KnownFields<TResult> = unknown extends TResult
  ? unknown // an untyped document (graphql-js `parse`): nothing to check
  : [UnknownFieldPaths<TResult, ''>] extends [never]
    ? unknown
    : { 'fields not in the PoleGraph schema': UnknownFieldPaths<TResult, ''> };
