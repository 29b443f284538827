/**
 * @polegraph/client: the typed client of the PoleGraph API.
 *
 * - `createClient()` gives one typed method per shipped operation and `request()` for any
 *   typed document;
 * - `graphql()` writes your own documents against the schema, typed with no codegen;
 * - `paginate()` walks a connection page by page (with a progress callback);
 * - `client.exportRows()` streams a whole filtered list from the bulk export endpoint;
 * - `client.subscribe()` receives live updates as a typed async iterator (WebSocket);
 * - `verifyWebhook()` checks a webhook delivery's signature and returns its typed event;
 * - every failure is a `PoleGraphError` with a `code`.
 */
export {
  createClient,
  type PersistedDocumentsMode,
  type PoleGraphClient,
  type PoleGraphClientOptions,
} from './client.js';
export { documentHash } from './document-text.js';
export {
  assertNoUserErrors,
  type GraphQLErrorEntry,
  isPoleGraphError,
  PoleGraphError,
  type PoleGraphErrorCode,
  type PoleGraphErrorInit,
  ServerErrorCode,
  type TransportErrorCode,
  type UserErrorLike,
} from './errors.js';
export type {
  ExportFilterOf,
  ExportKind,
  ExportKinds,
  ExportRowOf,
  MemberExportRow,
  ProjectExportRow,
} from './export-rows.js';
export { operationDocuments, type PoleGraphOperations } from './generated/operations.js';
export { graphql, type PoleGraphTadaSetup } from './graphql.js';
export type { LiveOptions, LiveSubscription, Subscriber } from './live.js';
export {
  type ConnectionNodeOf,
  type PageProgress,
  paginate,
  type PaginateOptions,
} from './paginate.js';
export type { RequestArguments, Requester, RequestOptions } from './request-options.js';
export type { RetryEvent, RetryOptions } from './retry.js';
export type { KnownFields, ResultOf, TypedDocumentNode, VariablesOf } from './typed-document.js';
export {
  verifyWebhook,
  type VerifyWebhookOptions,
  type WebhookEvent,
  type WebhookEventData,
  type WebhookHeaders,
} from './webhook.js';
// The operations' result and variables types, the schema's enums (as const objects) and input
// types, and the typed documents (`PolesOfRegionDocument`…).
export * from './generated/graphql.js';
