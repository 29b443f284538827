import type { EntityManager } from 'typeorm';

import type { MutationScope } from '../auth/mutation-scope';
import { assertMayWrite } from '../auth/permission-policy';
import { type Caller, Role, type TokenCaller } from '../auth/roles';
import { databaseIdOf } from '../core/global-id';
import { refuse, UserErrorCode } from '../core/refusal';
import type { CommittedChange } from '../database/unit-of-work/unit-of-work';
import { createContext } from '../graphql/context';
import { liveEventsOf } from '../graphql/subscriptions/live-events';
import { checkListFilter } from '../graphql/subscriptions/live-stream';
import { Ministry } from '../ministry/ministry.entity';
import { Pole } from '../pole/pole.entity';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { Region } from '../region/region.entity';
import { Webhook, WebhookDelivery } from './webhook.entity';
import { WebhookDeliveryStatus, WebhookScopeKind } from './webhook.enums';
import type { CreateWebhookInput, UpdateWebhookInput, WebhookScopeInput } from './webhook.input';
import { newWebhookMessageId, newWebhookSecret } from './webhook-signature';
import { refusedWebhookTarget, type WebhookUrlPolicy } from './webhook-url-policy';

/** Most deliveries `webhookDeliveries` returns at once. */
export const MAX_DELIVERIES_LISTED = 200;

/** What a webhook's row says, without its secret (for the audit log). */
function audited(webhook: Webhook): Record<string, unknown> {
  const { secret: _secret, ...rest } = webhook;
  return rest;
}

async function checkUrl(url: string, policy: WebhookUrlPolicy): Promise<void> {
  const refused = await refusedWebhookTarget(url, policy);
  if (refused) refuse(UserErrorCode.URL_NOT_ALLOWED, ['input', 'url'], `url ${refused}`);
}

/**
 * Compiles the project filter once with the scope's rights, so that a bad one is refused at
 * registration with its path (`filter.leadPole.id.eq`), not at every delivery.
 */
async function checkFilter(
  manager: EntityManager,
  webhook: Pick<Webhook, 'scopeKind' | 'regionId' | 'ministryId' | 'poleId'>,
  filter: Record<string, unknown> | null | undefined,
): Promise<void> {
  if (!filter) return;
  const context = await createContext(
    { dataSource: manager.connection },
    { authorization: undefined, ip: 'webhook', caller: webhookReader({ id: 0, ...webhook }) },
  );
  await checkListFilter(context, PROJECT_COLLECTION, filter);
}

/** The scope's database keys, from the codes and ids of the input. */
async function scopeKeys(
  manager: EntityManager,
  scope: WebhookScopeInput,
): Promise<Pick<Webhook, 'scopeKind' | 'regionId' | 'ministryId' | 'poleId'>> {
  const keys = { scopeKind: scope.kind, regionId: null, ministryId: null, poleId: null };
  const path = ['input', 'scope'];
  const needs = (field: 'ministryCode' | 'regionCode' | 'poleId'): string => {
    const value = scope[field];
    if (!value)
      refuse(UserErrorCode.INVALID, [...path, field], `A ${scope.kind} scope needs ${field}`);
    return value;
  };
  const others = (['ministryCode', 'regionCode', 'poleId'] as const).filter(
    (field) => scope[field] !== undefined && scope[field] !== null,
  );
  const expected = {
    [WebhookScopeKind.ALL]: null,
    [WebhookScopeKind.MINISTRY]: 'ministryCode',
    [WebhookScopeKind.REGION]: 'regionCode',
    [WebhookScopeKind.POLE]: 'poleId',
  }[scope.kind];
  const extra = others.find((field) => field !== expected);
  if (extra) {
    refuse(UserErrorCode.INVALID, [...path, extra], `A ${scope.kind} scope takes no ${extra}`);
  }
  switch (scope.kind) {
    case WebhookScopeKind.ALL:
      return keys;
    case WebhookScopeKind.MINISTRY: {
      const ministry = await manager.findOneBy(Ministry, { code: needs('ministryCode') });
      if (!ministry) refuse(UserErrorCode.NOT_FOUND, [...path, 'ministryCode'], 'No such ministry');
      return { ...keys, ministryId: ministry.id };
    }
    case WebhookScopeKind.REGION: {
      const region = await manager.findOneBy(Region, { code: needs('regionCode') });
      if (!region) refuse(UserErrorCode.NOT_FOUND, [...path, 'regionCode'], 'No such region');
      return { ...keys, regionId: region.id };
    }
    case WebhookScopeKind.POLE: {
      const id = databaseIdOf(needs('poleId'), 'Pole', [...path, 'poleId']);
      const pole = await manager.findOneBy(Pole, { id });
      if (!pole) refuse(UserErrorCode.NOT_FOUND, [...path, 'poleId'], 'No such pole');
      return { ...keys, poleId: pole.id };
    }
  }
}

/**
 * Registers an endpoint; its secret is returned this once. Administrators only; the URL must
 * pass the SSRF policy (`URL_NOT_ALLOWED`).
 */
export async function createWebhook(
  { manager, audit, caller }: MutationScope,
  input: CreateWebhookInput,
  policy: WebhookUrlPolicy,
): Promise<{ webhook: Webhook; secret: string }> {
  assertMayWrite(caller, 'manageWebhooks');
  await checkUrl(input.url, policy);
  const secret = newWebhookSecret();
  const scope = await scopeKeys(manager, input.scope);
  await checkFilter(manager, scope, input.filter);
  const values = {
    url: input.url,
    events: [...new Set(input.events)],
    filterJson: input.filter ? JSON.stringify(input.filter) : null,
    ...scope,
    secret,
    enabled: true,
    disabledReason: null,
    failingSinceMs: null,
  };
  const { identifiers } = await manager.insert(Webhook, values);
  const webhook = await manager.findOneByOrFail(Webhook, {
    id: (identifiers[0] as { id: number }).id,
  });
  audit.record('Webhook', webhook.id, null, audited(webhook));
  return { webhook, secret };
}

async function existingWebhook(manager: EntityManager, globalId: string, path: string[]) {
  const webhook = await manager.findOneBy(Webhook, { id: databaseIdOf(globalId, 'Webhook', path) });
  if (!webhook) refuse(UserErrorCode.NOT_FOUND, path, 'No such webhook');
  return webhook;
}

/** Changes an endpoint; turning it on again clears its run of failures. Administrators only. */
export async function updateWebhook(
  { manager, audit, caller }: MutationScope,
  input: UpdateWebhookInput,
  policy: WebhookUrlPolicy,
): Promise<{ webhook: Webhook }> {
  assertMayWrite(caller, 'manageWebhooks');
  const before = await existingWebhook(manager, input.id, ['input', 'id']);
  const changes: Partial<Webhook> = {};
  if (input.url) {
    await checkUrl(input.url, policy);
    changes.url = input.url;
  }
  if (input.events) changes.events = [...new Set(input.events)];
  if (input.clearFilter) changes.filterJson = null;
  else if (input.filter) changes.filterJson = JSON.stringify(input.filter);
  if (input.scope) Object.assign(changes, await scopeKeys(manager, input.scope));
  if (input.enabled === true) {
    Object.assign(changes, { enabled: true, disabledReason: null, failingSinceMs: null });
  } else if (input.enabled === false) {
    Object.assign(changes, { enabled: false, disabledReason: 'disabled by an administrator' });
  }
  const filterJson = changes.filterJson === undefined ? before.filterJson : changes.filterJson;
  await checkFilter(
    manager,
    { ...before, ...changes },
    filterJson ? (JSON.parse(filterJson) as Record<string, unknown>) : null,
  );
  if (Object.keys(changes).length > 0) await manager.update(Webhook, { id: before.id }, changes);
  const webhook = await manager.findOneByOrFail(Webhook, { id: before.id });
  audit.record('Webhook', webhook.id, audited(before), audited(webhook));
  return { webhook };
}

/** Removes an endpoint with its deliveries and their history. Administrators only. */
export async function deleteWebhook(
  { manager, audit, caller }: MutationScope,
  id: string,
): Promise<{ webhook: Webhook }> {
  assertMayWrite(caller, 'manageWebhooks');
  const webhook = await existingWebhook(manager, id, ['id']);
  await manager.delete(Webhook, { id: webhook.id });
  audit.record('Webhook', webhook.id, audited(webhook), null);
  return { webhook };
}

/** Every endpoint, oldest first. Administrators only. */
export function listWebhooks(manager: EntityManager, caller: Caller): Promise<Webhook[]> {
  assertMayWrite(caller, 'manageWebhooks');
  return manager.find(Webhook, { order: { id: 'ASC' } });
}

/** An endpoint's latest deliveries, newest first, with their attempts. Administrators only. */
export async function listWebhookDeliveries(
  manager: EntityManager,
  caller: Caller,
  webhookGlobalId: string,
  first: number,
): Promise<WebhookDelivery[]> {
  assertMayWrite(caller, 'manageWebhooks');
  const webhookId = databaseIdOf(webhookGlobalId, 'Webhook', ['webhookId']);
  const deliveries = await manager.find(WebhookDelivery, {
    where: { webhookId },
    order: { id: 'DESC' },
    take: Math.max(0, Math.min(first, MAX_DELIVERIES_LISTED)),
    relations: { attempts: true },
    relationLoadStrategy: 'query',
  });
  for (const delivery of deliveries) delivery.attempts?.sort((a, b) => a.id - b.id);
  return deliveries;
}

/**
 * The outbox: one delivery row per event of the write and per enabled webhook that asked for
 * it, written in the write's own transaction (the unit of work's before-commit hook), so a
 * rolled-back write leaves none and a committed one is never lost. What each endpoint may see
 * is decided when it is sent, with its scope's rights.
 */
export async function writeWebhookOutbox(
  change: CommittedChange,
  manager: EntityManager,
): Promise<void> {
  const envelopes = liveEventsOf(change);
  if (envelopes.length === 0) return;
  const webhooks = await manager.find(Webhook, {
    select: { id: true, events: true },
    where: { enabled: true },
  });
  if (webhooks.length === 0) return;
  const now = Date.now();
  const rows = envelopes.flatMap((envelope) =>
    webhooks
      .filter((webhook) => (webhook.events as string[]).includes(envelope.event.type))
      .map((webhook) => ({
        webhookId: webhook.id,
        messageId: newWebhookMessageId(),
        eventType: envelope.event.type as WebhookDelivery['eventType'],
        eventJson: JSON.stringify(envelope),
        body: null,
        status: WebhookDeliveryStatus.PENDING,
        attemptCount: 0,
        nextAttemptAtMs: now,
        claimedBy: null,
        claimUntilMs: null,
        lastError: null,
      })),
  );
  // In slices: an import chunk may hold hundreds of events.
  for (let start = 0; start < rows.length; start += 200) {
    await manager.insert(WebhookDelivery, rows.slice(start, start + 200));
  }
}

/** The caller a webhook reads with: a token of its scope, as the permission policy knows them. */
export function webhookReader(
  webhook: Pick<Webhook, 'id' | 'scopeKind' | 'regionId' | 'ministryId' | 'poleId'>,
): TokenCaller {
  const role = {
    [WebhookScopeKind.ALL]: Role.MINISTRY_ANALYST,
    [WebhookScopeKind.MINISTRY]: Role.MINISTRY_ANALYST,
    [WebhookScopeKind.REGION]: Role.REGION_OFFICER,
    [WebhookScopeKind.POLE]: Role.POLE_MANAGER,
  }[webhook.scopeKind];
  return {
    kind: 'token',
    name: `webhook ${webhook.id}`,
    tokenId: 0,
    role,
    regionId: webhook.regionId,
    ministryId: webhook.ministryId,
    poleId: webhook.poleId,
    ip: 'webhook',
  };
}
