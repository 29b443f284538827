import { PoleGraphError } from './errors.js';
import type {
  EvaluationsRecordedSubscription,
  LabellingDecisionsPublishedSubscription,
  MembershipChangesSubscription,
  ProjectStatusChangesSubscription,
  ProjectUpdatesSubscription,
} from './generated/graphql.js';

/**
 * What each webhook event's `data` holds: the payload of the subscription of the same name.
 * The body holds at least the fields of the SDK's subscription of that event; fields the
 * webhook's scope may not read are left out of it.
 */
export interface WebhookEventData {
  projectStatusChanged: ProjectStatusChangesSubscription['projectStatusChanged'];
  projectUpdated: ProjectUpdatesSubscription['projectUpdated'];
  evaluationRecorded: EvaluationsRecordedSubscription['evaluationRecorded'];
  labellingDecisionPublished: LabellingDecisionsPublishedSubscription['labellingDecisionPublished'];
  membershipChanged: MembershipChangesSubscription['membershipChanged'];
}

/** A verified webhook delivery (Standard Webhooks body: `type`, `timestamp`, `data`). */
export type WebhookEvent = {
  [TType in keyof WebhookEventData]: {
    type: TType;
    /** When the change was committed (ISO 8601). */
    timestamp: string;
    data: WebhookEventData[TType];
    /** The `webhook-id` header: the same on every retry, deduplicate on it. */
    id: string;
  };
}[keyof WebhookEventData];

/** Request headers as Node (`IncomingHttpHeaders`), fetch (`Headers`) or a plain object give them. */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface VerifyWebhookOptions {
  /**
   * How far `webhook-timestamp` may be from now, in seconds (replayed deliveries are refused).
   * @default 300
   */
  toleranceSeconds?: number | undefined;
  /** @default Date.now() */
  now?: number | undefined;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : (value as string | undefined);
}

function refused(message: string): PoleGraphError {
  return new PoleGraphError({ message: `verifyWebhook: ${message}`, code: 'INVALID_SIGNATURE' });
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  return Uint8Array.from(binary, (character) => character.charCodeAt(0)).buffer;
}

function toBase64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

/** Compares without stopping at the first difference, so timing tells nothing. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  }
  return difference === 0;
}

/**
 * Checks a webhook delivery's Standard Webhooks signature with the endpoint's secret
 * (`whsec_…`, shown once by `createWebhook`) and returns its typed event. Pass the body exactly
 * as received (the raw text or bytes, before any JSON parsing). Web Crypto: Node 20+, browsers,
 * edge runtimes.
 *
 * @example
 * app.post('/hooks', express.raw({ type: 'application/json' }), async (req, res) => {
 *   const event = await verifyWebhook(process.env.POLEGRAPH_WEBHOOK_SECRET!, req.headers, req.body);
 *   if (event.type === 'projectStatusChanged') console.log(event.data.project.acronym);
 *   res.sendStatus(204);
 * });
 * @throws PoleGraphError `INVALID_SIGNATURE` when a header is missing, the timestamp is outside
 * the tolerance, or no signature matches.
 */
export async function verifyWebhook(
  secret: string,
  headers: WebhookHeaders,
  body: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw refused('webhook-id, webhook-timestamp and webhook-signature headers are required');
  }
  const seconds = Number(timestamp);
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (!Number.isInteger(seconds) || Math.abs(now - seconds) > (options.toleranceSeconds ?? 300)) {
    throw refused('webhook-timestamp is missing or too far from now');
  }
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const expected = toBase64(
    await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${seconds}.${text}`)),
  );
  const matches = signatures
    .split(' ')
    .some((entry) => entry.startsWith('v1,') && sameText(entry.slice(3), expected));
  if (!matches) throw refused('no signature matches the secret');
  let event: Omit<WebhookEvent, 'id'>;
  try {
    event = JSON.parse(text) as Omit<WebhookEvent, 'id'>;
  } catch {
    throw refused('the body is not JSON');
  }
  return { ...event, id } as WebhookEvent;
}
