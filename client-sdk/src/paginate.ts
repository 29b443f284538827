import type { PoleGraphClient } from './client.js';
import type { RequestArguments, RequestOptions } from './request-options.js';
import type { KnownFields, ResultOf, TypedDocumentNode, VariablesOf } from './typed-document.js';

/** The node type of the connection (the object selecting `pageInfo`) inside a result type. */
export type ConnectionNodeOf<T> = T extends { pageInfo: unknown; nodes: readonly (infer Node)[] }
  ? Node
  : T extends { pageInfo: unknown; edges: readonly { node: infer Node }[] }
    ? Node
    : T extends readonly unknown[]
      ? never
      : T extends object
        ? { [Key in keyof T]-?: ConnectionNodeOf<NonNullable<T[Key]>> }[keyof T]
        : never;

/** `unknown` when the document declares `$after`, otherwise a type that explains the error. */
type DeclaresAfter<TVariables> = 'after' extends keyof TVariables
  ? unknown
  : { 'paginate() needs a document declaring $after: String': never };

interface PageInfoLike {
  hasNextPage?: unknown;
  endCursor?: unknown;
}

interface ConnectionLike {
  pageInfo: PageInfoLike;
  nodes?: unknown;
  edges?: unknown;
}

type UntypedRequest = (
  document: TypedDocumentNode<unknown, never>,
  variables: Record<string, unknown>,
  options?: RequestOptions,
) => Promise<unknown>;

/** Every object with a `pageInfo` key, outermost first, not looking inside one once found. */
function findConnections(value: unknown, found: ConnectionLike[] = []): ConnectionLike[] {
  if (Array.isArray(value)) {
    for (const item of value) findConnections(item, found);
  } else if (typeof value === 'object' && value !== null) {
    if ('pageInfo' in value) {
      found.push(value as ConnectionLike);
    } else {
      for (const child of Object.values(value)) findConnections(child, found);
    }
  }
  return found;
}

function nodesOf(connection: ConnectionLike): unknown[] {
  if (Array.isArray(connection.nodes)) return connection.nodes;
  if (Array.isArray(connection.edges)) {
    return connection.edges.map((edge: unknown) => (edge as { node?: unknown }).node);
  }
  throw new TypeError('paginate(): the connection selects neither `nodes` nor `edges { node }`');
}

/**
 * Every node of a document's connection (the one object selecting `pageInfo`), page after page:
 * it sends the document, yields the page's nodes, then sends it again with `after: endCursor`
 * until `hasNextPage` is false. The document must declare `$after` and select
 * `pageInfo { hasNextPage endCursor }`; `first` sets the page size. A connection under a null
 * parent (an unknown region, say) yields nothing.
 *
 * @example
 * for await (const member of paginate(client, RegionMembersByCategoryDocument, { regionCode: '84', category: 'SME' })) {
 *   console.log(member.name);
 * }
 */
export async function* paginate<TDocument extends TypedDocumentNode<unknown, never>>(
  client: Pick<PoleGraphClient, 'request'>,
  document: TDocument & KnownFields<ResultOf<TDocument>> & DeclaresAfter<VariablesOf<TDocument>>,
  ...args: RequestArguments<Omit<VariablesOf<TDocument>, 'after'>>
): AsyncGenerator<ConnectionNodeOf<ResultOf<TDocument>>, void, undefined> {
  // The typing above is for callers; inside, the document is sent as it is.
  const request = client.request as unknown as UntypedRequest;
  const [variables, options] = args;
  let after: string | null = null;
  for (;;) {
    const data = await request(document, { ...variables, after }, options);
    const connections = findConnections(data);
    if (connections.length === 0) return;
    if (connections.length > 1) {
      throw new TypeError(
        'paginate(): the document selects more than one connection with pageInfo',
      );
    }
    const [connection] = connections;
    for (const node of nodesOf(connection)) yield node as ConnectionNodeOf<ResultOf<TDocument>>;
    const { hasNextPage, endCursor } = connection.pageInfo;
    if (typeof hasNextPage !== 'boolean') {
      throw new TypeError('paginate(): select pageInfo { hasNextPage endCursor } in the document');
    }
    if (!hasNextPage) return;
    if (typeof endCursor !== 'string' || endCursor === after) {
      throw new TypeError('paginate(): hasNextPage is true but endCursor does not move on');
    }
    after = endCursor;
  }
}
