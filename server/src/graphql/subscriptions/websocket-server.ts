import type { Server } from 'node:http';

import { GraphQLError, type GraphQLSchema, Kind, OperationTypeNode, parse } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { type WebSocket, WebSocketServer } from 'ws';

import { ApiToken } from '../../api-token/api-token.entity';
import { authenticate } from '../../api-token/api-token.service';
import type { Caller } from '../../auth/roles';
import type { AppConfig } from '../../config/config';
import type { RateLimiter } from '../../rate-limit/rate-limiter';
import type { ContextRequest, GraphQLContext } from '../context';
import { createErrorFormatter } from '../format-error';
import { queryTooComplex, rateLimited } from '../limits/limit-errors';
import { measureOperation } from '../limits/operation-shape';
import { computeQueryCost } from '../limits/query-cost';
import type { TrustedDocuments } from '../trusted-documents/trusted-documents';

/** Close codes of the live transport, besides graphql-ws's own (4400 bad message…). */
export const LiveCloseCode = {
  /** The token was refused at connection, or has since been revoked or has expired. */
  Unauthorized: CloseCode.Unauthorized, // 4401
  /** No subscription for `LIVE_IDLE_TIMEOUT_SECONDS`. */
  Idle: 4408,
  /** More unread data than `LIVE_MAX_BUFFERED`, or too many events waiting: a slow consumer. */
  SlowConsumer: 4410,
  /** One connection too many for this token (`LIVE_MAX_CONNECTIONS_PER_TOKEN`). */
  TooManyConnections: 4429,
} as const;

export interface WebSocketTransportDependencies {
  config: AppConfig;
  schema: GraphQLSchema;
  dataSource: DataSource;
  rateLimiter: RateLimiter;
  /** The manifest when TRUSTED_DOCUMENTS is on: subscriptions are held to it as queries are. */
  trustedDocuments: TrustedDocuments | null;
  httpServer: Server;
  /** The one context builder of every transport (graphql/context.ts). */
  createContext(request: ContextRequest): Promise<GraphQLContext>;
}

export interface WebSocketTransport {
  /** Closes every connection and stops accepting new ones. */
  dispose(): Promise<void>;
  /** Open connections (tests, metrics). */
  connectionCount(): number;
}

interface Connection {
  socket: WebSocket;
  caller: Caller;
  ip: string;
  subscriptions: number;
  idleTimer: NodeJS.Timeout | null;
}

/** `{ authorization: "Bearer …" }` in connectionParams, as the HTTP header would carry it. */
function authorizationOf(
  params: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

function callerKey(caller: Caller): string {
  return caller.kind === 'token' ? `token:${caller.tokenId}` : `ip:${caller.ip}`;
}

/**
 * Subscriptions over WebSocket (graphql-ws) on the HTTP server's port and path `/graphql`.
 * The token is checked at connection, then again every LIVE_TOKEN_CHECK_SECONDS: a revoked or
 * expired token's connection is closed with 4401. A subscription's document obeys the same
 * depth, alias, root-field and cost limits as a query, and each delivered event takes the
 * document's cost from the subscriber's rate-limit bucket.
 */
export function startWebSocketTransport(deps: WebSocketTransportDependencies): WebSocketTransport {
  const { config, schema, dataSource, rateLimiter, httpServer, trustedDocuments } = deps;
  const limits = config.live;
  const formatError = createErrorFormatter(config.process.nodeEnv === 'production');
  const webSocketServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const connections = new Map<WebSocket, Connection>();
  const costs = new Map<WebSocket, Map<string, number>>();

  const closeConnection = (connection: Connection, code: number, reason: string) => {
    // A close reason is at most 123 bytes.
    connection.socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
  };

  const armIdleTimer = (connection: Connection) => {
    if (connection.idleTimer) clearTimeout(connection.idleTimer);
    connection.idleTimer =
      connection.subscriptions > 0
        ? null
        : setTimeout(
            () =>
              closeConnection(connection, LiveCloseCode.Idle, 'No subscription: connection idle'),
            limits.idleTimeoutSeconds * 1000,
          );
    connection.idleTimer?.unref();
  };

  const cleanup = useServer<Record<string, unknown>>(
    {
      schema,
      async onConnect(ctx) {
        const { socket, request } = ctx.extra;
        const ip = request.socket.remoteAddress ?? 'unknown';
        let caller: Caller;
        try {
          caller = await authenticate(dataSource, authorizationOf(ctx.connectionParams), ip);
        } catch (error) {
          socket.close(LiveCloseCode.Unauthorized, (error as Error).message.slice(0, 123));
          return false;
        }
        const sameCaller = [...connections.values()].filter(
          (other) => callerKey(other.caller) === callerKey(caller),
        );
        if (sameCaller.length >= limits.maxConnectionsPerToken) {
          socket.close(
            LiveCloseCode.TooManyConnections,
            `At most ${limits.maxConnectionsPerToken} connections per token`,
          );
          return false;
        }
        const connection: Connection = { socket, caller, ip, subscriptions: 0, idleTimer: null };
        connections.set(socket, connection);
        costs.set(socket, new Map());
        armIdleTimer(connection);
        return true;
      },
      onSubscribe(ctx, id, payload) {
        const connection = connections.get(ctx.extra.socket);
        if (!connection) return;
        if (connection.subscriptions >= limits.maxSubscriptionsPerConnection) {
          return [
            queryTooComplex(
              'rootFields',
              limits.maxSubscriptionsPerConnection,
              connection.subscriptions + 1,
              `At most ${limits.maxSubscriptionsPerConnection} subscriptions run at once on one ` +
                'connection: complete one first (LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION).',
            ),
          ];
        }
        const untrusted = trustedDocuments?.admit(
          { query: payload.query, extensions: payload.extensions ?? undefined },
          connection.caller,
        );
        if (untrusted) return [untrusted];
        const refusal = checkDocument(payload.query, payload.operationName, payload.variables);
        if (Array.isArray(refusal)) return refusal;
        costs.get(ctx.extra.socket)?.set(id, refusal);
        connection.subscriptions += 1;
        armIdleTimer(connection);
        return undefined;
      },
      // Errors look as they do over HTTP: domain codes mapped, unexpected failures masked.
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors) return undefined;
        return {
          ...result,
          errors: result.errors.map((error) => formatError(error.toJSON(), error)),
        };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((error) => formatError(error.toJSON(), error));
      },
      onComplete(ctx, id) {
        const connection = connections.get(ctx.extra.socket);
        if (!connection || !costs.get(ctx.extra.socket)?.delete(id)) return;
        connection.subscriptions -= 1;
        armIdleTimer(connection);
      },
      onClose(ctx) {
        const connection = connections.get(ctx.extra.socket);
        if (connection?.idleTimer) clearTimeout(connection.idleTimer);
        connections.delete(ctx.extra.socket);
        costs.delete(ctx.extra.socket);
      },
      async context(ctx, id) {
        const connection = connections.get(ctx.extra.socket)!;
        const context = await deps.createContext({
          authorization: undefined,
          ip: connection.ip,
          caller: connection.caller,
        });
        const cost = costs.get(ctx.extra.socket)?.get(id) ?? 1;
        context.subscription = {
          async beforeDelivery() {
            if (connection.socket.bufferedAmount > limits.maxBufferedBytes) {
              closeConnection(
                connection,
                LiveCloseCode.SlowConsumer,
                'Slow consumer: too much unread data',
              );
              throw new Error('Slow consumer: the connection was closed');
            }
            const taken = await rateLimiter.take(connection.caller, cost);
            if (!taken.allowed) throw rateLimited(taken);
          },
        };
        return context;
      },
    },
    webSocketServer,
  );

  /**
   * Depth, aliases, root fields and cost of a subscription's document, as for a query; the
   * cost is what each delivered event takes from the subscriber's bucket.
   */
  function checkDocument(
    query: string,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): number | GraphQLError[] {
    let document;
    try {
      document = parse(query, { maxTokens: config.limits.maxQueryTokens });
    } catch (error) {
      return [error as GraphQLError];
    }
    const operation = document.definitions.find(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION &&
        (!operationName || definition.name?.value === operationName),
    );
    if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 1;
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      // Queries and mutations keep the HTTP path, where every limit and header applies.
      return [
        new GraphQLError(
          'The WebSocket carries subscriptions only: send queries and mutations with HTTP POST /graphql',
          { extensions: { code: 'BAD_REQUEST' } },
        ),
      ];
    }
    const shape = measureOperation(document, operation);
    if (shape.depth > config.limits.maxQueryDepth) {
      return [
        queryTooComplex(
          'depth',
          config.limits.maxQueryDepth,
          shape.depth,
          `This subscription nests ${shape.depth} levels deep, more than ${config.limits.maxQueryDepth}.`,
        ),
      ];
    }
    let cost: number;
    try {
      cost = Math.max(
        1,
        computeQueryCost(schema, document, operationName ?? undefined, variables ?? {}),
      );
    } catch (error) {
      return [error as GraphQLError];
    }
    if (cost > config.limits.maxQueryCost) {
      return [
        queryTooComplex(
          'cost',
          config.limits.maxQueryCost,
          cost,
          `Each event of this subscription costs ${cost} points, more than the ` +
            `${config.limits.maxQueryCost} one operation may cost.`,
        ),
      ];
    }
    return cost;
  }

  /** Tokens revoked or expired since their connection opened: the connection ends. */
  const checkTokens = async () => {
    const byToken = new Map<number, Connection[]>();
    for (const connection of connections.values()) {
      if (connection.caller.kind !== 'token') continue;
      const list = byToken.get(connection.caller.tokenId) ?? [];
      list.push(connection);
      byToken.set(connection.caller.tokenId, list);
    }
    if (byToken.size === 0) return;
    const tokens = await dataSource.getRepository(ApiToken).findBy({ id: In([...byToken.keys()]) });
    const now = Date.now();
    for (const [tokenId, list] of byToken) {
      const token = tokens.find((candidate) => candidate.id === tokenId);
      const reason = !token
        ? 'This API token no longer exists'
        : token.revokedAt
          ? 'This API token was revoked'
          : token.expiresAt && token.expiresAt.getTime() <= now
            ? 'This API token has expired'
            : null;
      if (reason) for (const connection of list) closeConnection(connection, 4401, reason);
    }
  };
  let checking = false;
  const tokenTimer = setInterval(() => {
    if (checking) return;
    checking = true;
    checkTokens()
      .catch((error: unknown) => console.warn(`[live] token check failed: ${String(error)}`))
      .finally(() => (checking = false));
  }, limits.tokenCheckSeconds * 1000);
  tokenTimer.unref();

  return {
    async dispose() {
      clearInterval(tokenTimer);
      for (const connection of connections.values()) {
        if (connection.idleTimer) clearTimeout(connection.idleTimer);
      }
      await cleanup.dispose();
      await new Promise<void>((resolve) => webSocketServer.close(() => resolve()));
    },
    connectionCount: () => connections.size,
  };
}
