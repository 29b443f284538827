import { randomUUID } from 'node:crypto';

import type { DataSource, EntityManager } from 'typeorm';

import { authenticate } from '../api-token/api-token.service';
import type { TokenLookupCache } from '../api-token/token-lookup-cache';
import { accessScopeOf, type RequestAccess } from '../auth/access-scope';
import type { Caller } from '../auth/roles';
import type { NodeEnv } from '../config/config';
import { type KeptRows, keptRows } from '../database/query/kept-reads';
import { type ReferenceTables, referenceTablesOf } from '../database/query/reference-tables';
import type {
  AfterCommitListener,
  BeforeCommitListener,
} from '../database/unit-of-work/unit-of-work';
import { LoaderRegistry } from './loader-registry';
import type { LiveEventSource } from './subscriptions/live-event-bus';

export type { Caller };

/** What every resolver receives. Built once per request, so nothing here is shared between callers. */
export interface GraphQLContext {
  dataSource: DataSource;
  requestId: string;
  loaders: LoaderRegistry;
  /** Who sends the request: anonymous or an API token's holder (see auth/). */
  caller: Caller;
  /** The caller's rights as the list engine applies them, and the warnings they raised. */
  access: RequestAccess;
  /** The reference tables, kept between requests (shared by every request of the server). */
  referenceTables: ReferenceTables;
  /** Lists' totals kept between requests by statement (shared likewise). */
  keptTotals: KeptRows;
  /** Told of every write this request makes, in its transaction (webhooks' outbox). */
  beforeCommit: readonly BeforeCommitListener[];
  /** Told of every write this request commits (live updates, caches). */
  afterCommit: readonly AfterCommitListener[];
  /**
   * Set by the idempotency plugin when the request holds an `Idempotency-Key` whose store can
   * join the mutation's transaction: the mutation runner marks the key there, with the write.
   */
  idempotency?: { markCommitted(manager: EntityManager): Promise<void> };
  /** Committed changes, for subscriptions; null where the server serves none (command line). */
  liveEvents: LiveEventSource | null;
  /** Which webhook endpoints may be registered (the SSRF guard's settings). */
  webhookUrlPolicy: WebhookUrlSettings;
  /** Set for a subscription over WebSocket: called before each event is delivered. */
  subscription?: SubscriptionDelivery;
  /**
   * A signal aborted when the client goes away before its answer is sent (HTTP requests); made
   * at the first call. A function, not a getter: Apollo copies the context of every operation
   * with `Object.assign`, which would read a getter, and so make the signal, on each request.
   */
  abandoned?: () => AbortSignal;
}

/** `WEBHOOK_ALLOW_PRIVATE_NETWORKS` and the environment (http:// to localhost outside production). */
export interface WebhookUrlSettings {
  nodeEnv: NodeEnv;
  allowPrivateNetworks: boolean;
}

/** Where no server keeps reads (command line, tests of services): every request reads. */
const NOTHING_KEPT = keptRows(0);

/** Where no configuration says otherwise: production's rules. */
const STRICT_WEBHOOK_URLS: WebhookUrlSettings = {
  nodeEnv: 'production',
  allowPrivateNetworks: false,
};

/** What a subscription's transport checks before delivering an event to its subscriber. */
export interface SubscriptionDelivery {
  /**
   * Charges the event to the subscriber's rate-limit bucket and checks the subscriber keeps
   * up; throws (ending the subscription) when it may not receive more.
   */
  beforeDelivery(): Promise<void>;
}

/** What a transport knows of a request: its credentials, its address, its id if it sent one. */
export interface ContextRequest {
  authorization: string | undefined;
  ip: string;
  requestId?: string | undefined;
  /** Already authenticated by the transport (a WebSocket at connection): not checked again. */
  caller?: Caller;
  /**
   * Aborted when the client goes away before its answer is sent; made when first read (most
   * requests never wait long enough to look).
   */
  abandoned?: () => AbortSignal;
}

export interface ContextDependencies {
  dataSource: DataSource;
  beforeCommit?: readonly BeforeCommitListener[];
  /** Tokens recently read (TOKEN_CACHE_MS); each request reads its token otherwise. */
  tokenLookups?: TokenLookupCache;
  afterCommit?: readonly AfterCommitListener[];
  /** The server's kept reads; without them each request reads what it needs. */
  referenceTables?: ReferenceTables;
  keptTotals?: KeptRows;
  liveEvents?: LiveEventSource | null;
  webhookUrlPolicy?: WebhookUrlSettings;
}

/**
 * Builds one request's context; the one function HTTP and any other transport (WebSocket,
 * command line) call, so every request is authenticated and isolated the same way.
 */
export async function createContext(
  {
    dataSource,
    tokenLookups,
    beforeCommit = [],
    afterCommit = [],
    liveEvents = null,
    referenceTables = referenceTablesOf(dataSource, 0),
    keptTotals = NOTHING_KEPT,
    webhookUrlPolicy = STRICT_WEBHOOK_URLS,
  }: ContextDependencies,
  request: ContextRequest,
): Promise<GraphQLContext> {
  const caller =
    request.caller ??
    (await authenticate(dataSource, request.authorization, request.ip, tokenLookups));
  const context: GraphQLContext = {
    dataSource,
    requestId: (request.requestId ?? randomUUID()).slice(0, 64),
    loaders: new LoaderRegistry(),
    caller,
    access: accessScopeOf(caller),
    referenceTables,
    keptTotals,
    beforeCommit,
    afterCommit,
    liveEvents,
    webhookUrlPolicy,
  };
  const { abandoned } = request;
  if (abandoned) {
    let signal: AbortSignal | undefined;
    context.abandoned = () => (signal ??= abandoned());
  }
  return context;
}
