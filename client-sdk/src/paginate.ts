import type { PoleGraphClient } from './client.js';
import type { RequestOptions } from './request-options.js';
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

/** What `onPage` is told after each page. */
export interface PageProgress {
  /** 1 for the first page. */
  page: number;
  /** Nodes on this page. */
  nodes: number;
  /** Nodes yielded so far, this page included. */
  received: number;
  /** The connection's `totalCount`, when the document selects it; else undefined. */
  total: number | undefined;
  /** Milliseconds since the first request, waits for the rate limit included. */
  elapsedMs: number;
  /** Whether another page follows. */
  hasNextPage: boolean;
}

/** Options of `paginate`: those of each request, and a progress callback. */
export interface PaginateOptions extends RequestOptions {
  /** Called after each page arrives, before its nodes are yielded: progress for long reads. */
  onPage?: ((progress: PageProgress) => void) | undefined;
}

/** The arguments after the document: variables (optional when none is required), options. */
// `{} extends T` is the idiom for "every property of T is optional", as in RequestArguments.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type PaginateArguments<TVariables> = {} extends TVariables
  ? [variables?: TVariables, options?: PaginateOptions]
  : [variables: TVariables, options?: PaginateOptions];

interface PageInfoLike {
  hasNextPage?: unknown;
  endCursor?: unknown;
}

interface ConnectionLike {
  pageInfo: PageInfoLike;
  totalCount?: unknown;
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
 * parent (an unknown region, say) yields nothing. `onPage` hears of each page (number, total
 * when `totalCount` is selected, elapsed time), to show progress.
 *
 * @example
 * for await (const member of paginate(client, RegionMembersByCategoryDocument, { regionCode: '84', category: 'SME' })) {
 *   console.log(member.name);
 * }
 * // With progress:
 * paginate(client, RegionProjectsDocument, { regionCode: '84' }, {
 *   onPage: ({ page, received, total, elapsedMs }) => console.error(`page ${page}: ${received}/${total} in ${elapsedMs} ms`),
 * });
 */
export async function* paginate<TDocument extends TypedDocumentNode<unknown, never>>(
  client: Pick<PoleGraphClient, 'request'>,
  document: TDocument & KnownFields<ResultOf<TDocument>> & DeclaresAfter<VariablesOf<TDocument>>,
  ...args: PaginateArguments<Omit<VariablesOf<TDocument>, 'after'>>
): AsyncGenerator<ConnectionNodeOf<ResultOf<TDocument>>, void, undefined> {
  // The typing above is for callers; inside, the document is sent as it is.
  const request = client.request as unknown as UntypedRequest;
  const [variables, paginateOptions] = args as [Record<string, unknown>?, PaginateOptions?];
  const { onPage, ...options } = paginateOptions ?? {};
  const startedAt = Date.now();
  let after: string | null = null;
  let page = 0;
  let received = 0;
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
    const nodes = nodesOf(connection);
    const { hasNextPage, endCursor } = connection.pageInfo;
    if (typeof hasNextPage !== 'boolean') {
      throw new TypeError('paginate(): select pageInfo { hasNextPage endCursor } in the document');
    }
    page += 1;
    received += nodes.length;
    onPage?.({
      page,
      nodes: nodes.length,
      received,
      total: typeof connection.totalCount === 'number' ? connection.totalCount : undefined,
      elapsedMs: Date.now() - startedAt,
      hasNextPage,
    });
    for (const node of nodes) yield node as ConnectionNodeOf<ResultOf<TDocument>>;
    if (!hasNextPage) return;
    if (typeof endCursor !== 'string' || endCursor === after) {
      throw new TypeError('paginate(): hasNextPage is true but endCursor does not move on');
    }
    after = endCursor;
  }
}
