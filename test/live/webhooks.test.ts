import 'reflect-metadata';

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Webhook as StandardWebhook } from 'standardwebhooks';

import { Role } from '../../server/src/auth/roles';
import { PROJECT_TRANSITIONS } from '../../server/src/project/project-status.machine';
import { WebhookDelivery } from '../../server/src/webhook/webhook.entity';
import {
  advance,
  CHANGE_STATUS,
  openProjectsAroundRegion84,
  type ProjectRow,
} from '../helpers/open-projects';
import {
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ADMIN, bearerFor } from '../helpers/tokens';

const CREATE_WEBHOOK = `mutation CreateWebhook($input: CreateWebhookInput!) {
  createWebhook(input: $input) {
    webhook { id url events scopeKind regionId enabled }
    secret
    userErrors { code field message }
  }
}`;
const DELETE_WEBHOOK = `mutation DeleteWebhook($id: ID!) {
  deleteWebhook(id: $id) { webhook { id } userErrors { code } }
}`;
const WEBHOOKS = `query Webhooks { webhooks { id url } }`;
const DELIVERIES = `query Deliveries($webhookId: ID!) {
  webhookDeliveries(webhookId: $webhookId) {
    messageId eventType status attemptCount lastError
    attempts { statusCode error }
  }
}`;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local endpoint: records every POST and answers with the statuses it is told, then 200. */
class Receiver {
  readonly received: Received[] = [];
  private readonly statuses: number[] = [];
  private waiting: ((request: Received) => void)[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = { headers: request.headers, body: Buffer.concat(chunks).toString() };
        this.received.push(received);
        response.writeHead(this.statuses.shift() ?? 200).end();
        this.waiting.shift()?.(received);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** The next statuses answered (500, 503…) before 200 again. */
  answer(...statuses: number[]): void {
    this.statuses.push(...statuses);
  }

  /** The next POST, or a failure after `timeoutMs`. */
  next(timeoutMs = 10_000): Promise<Received> {
    return new Promise((resolve, reject) => {
      const waiter = (request: Received) => {
        clearTimeout(timer);
        resolve(request);
      };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((other) => other !== waiter);
        reject(new Error('no delivery arrived'));
      }, timeoutMs);
      this.waiting.push(waiter);
    });
  }

  /** Whether any POST arrives within `ms`. */
  async receivesWithin(ms: number): Promise<boolean> {
    const before = this.received.length;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.received.length > before;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Short delays so that a retry comes within the test. */
const TEST_WEBHOOKS = { firstRetryMs: 100, pollMs: 50, timeoutMs: 3000 };

jest.setTimeout(60_000);

describe.each(testDatabaseKinds())('webhooks on %s', (kind) => {
  let database: TestDatabase;
  let admin: TestEnvironment;
  let receiver: Receiver;
  let inRegion: ProjectRow[];
  let outsideRegion: ProjectRow[];

  const startServer = (deliver = true) =>
    createTestEnvironment(
      database,
      { webhooks: { ...TEST_WEBHOOKS, deliver } },
      { as: { ...ADMIN, name: 'Webhook admin' } },
    );

  async function createWebhook(
    input: Record<string, unknown>,
  ): Promise<{ id: string; secret: string }> {
    const result = await admin.query<{
      createWebhook: { webhook: { id: string }; secret: string; userErrors: unknown[] };
    }>(CREATE_WEBHOOK, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createWebhook.userErrors).toEqual([]);
    return { id: result.data!.createWebhook.webhook.id, secret: result.data!.createWebhook.secret };
  }

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'webhooks');
    admin = await startServer();
    receiver = new Receiver();
    await receiver.start();
    ({ inRegion, outsideRegion } = await openProjectsAroundRegion84(admin, database));
    expect(inRegion.length).toBeGreaterThan(3);
    expect(outsideRegion.length).toBeGreaterThan(3);
  }, 600_000);

  afterEach(async () => {
    // Every test registers its own endpoints: none outlives it.
    const listed = await admin.query<{ webhooks: { id: string }[] }>(WEBHOOKS);
    for (const { id } of listed.data!.webhooks) await admin.query(DELETE_WEBHOOK, { id });
  });

  afterAll(async () => {
    await admin?.close();
    await receiver?.close();
    await database?.drop();
  });

  it('signs each delivery as Standard Webhooks specifies (verified with standardwebhooks)', async () => {
    const { secret } = await createWebhook({
      url: receiver.url,
      events: ['projectStatusChanged'],
      scope: { kind: 'ALL' },
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const project = inRegion[0];
    const from = project.status;
    const arriving = receiver.next();
    const to = await advance(admin, project);
    const delivery = await arriving;
    const verified = new StandardWebhook(secret).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    );
    expect(delivery.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(verified).toEqual({
      type: 'projectStatusChanged',
      timestamp: expect.any(String),
      data: expect.objectContaining({
        operation: 'changeProjectStatus',
        project: expect.objectContaining({
          id: project.id,
          status: to,
          totalBudget: expect.any(String),
        }),
        statusChange: expect.objectContaining({
          fromStatus: from,
          toStatus: to,
          changedBy: 'Webhook admin',
        }),
      }),
    });
    // A forged body fails the same verification.
    expect(() =>
      new StandardWebhook(secret).verify(
        delivery.body.replace(to, 'DRAFT'),
        delivery.headers as Record<string, string>,
      ),
    ).toThrow();
  });

  it('retries after a 500 with the same webhook-id, and keeps every attempt', async () => {
    const { id } = await createWebhook({
      url: receiver.url,
      events: ['projectStatusChanged'],
      scope: { kind: 'ALL' },
    });
    receiver.answer(500);
    const first = receiver.next();
    const second = receiver.next();
    await advance(admin, inRegion[1]);
    const [failed, retried] = [await first, await second];
    expect(retried.headers['webhook-id']).toBe(failed.headers['webhook-id']);
    expect(retried.body).toBe(failed.body);
    // The attempt is recorded just after the endpoint answers.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const log = await admin.query<{ webhookDeliveries: unknown[] }>(DELIVERIES, { webhookId: id });
    expect(log.data!.webhookDeliveries).toEqual([
      {
        messageId: failed.headers['webhook-id'],
        eventType: 'projectStatusChanged',
        status: 'DELIVERED',
        attemptCount: 2,
        lastError: null,
        attempts: [
          { statusCode: 500, error: 'the endpoint answered HTTP 500' },
          { statusCode: 200, error: null },
        ],
      },
    ]);
  });

  it('deletes finished deliveries and their attempts once past their keeping time, not before', async () => {
    const { id } = await createWebhook({
      url: receiver.url,
      events: ['projectStatusChanged'],
      scope: { kind: 'ALL' },
    });
    const arriving = receiver.next();
    await advance(admin, inRegion[4]);
    await arriving;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const deliveries = async () =>
      (
        await admin.query<{ webhookDeliveries: { status: string }[] }>(DELIVERIES, {
          webhookId: id,
        })
      ).data!.webhookDeliveries;
    expect(await deliveries()).toEqual([expect.objectContaining({ status: 'DELIVERED' })]);
    const worker = admin.app.webhookWorker!;
    // Kept 30 days (the default): pruning now deletes nothing; 31 days on, it is gone.
    await worker.prune(Date.now());
    expect(await deliveries()).toHaveLength(1);
    expect(await worker.prune(Date.now() + 31 * 86_400_000)).toBeGreaterThanOrEqual(1);
    expect(await deliveries()).toEqual([]);
    const [{ attempts }] = (await database.dataSource.query(
      'SELECT COUNT(*) AS attempts FROM webhook_attempt WHERE deliveryId NOT IN (SELECT id FROM webhook_delivery)',
    )) as { attempts: number | string }[];
    expect(Number(attempts)).toBe(0);
  });

  it('delivers nothing for a rolled-back mutation', async () => {
    await createWebhook({
      url: receiver.url,
      events: ['projectStatusChanged'],
      scope: { kind: 'ALL' },
    });
    const before = await database.dataSource.manager.count(WebhookDelivery);
    const project = inRegion[2];
    const stale = await admin.query<{ changeProjectStatus: { userErrors: { code: string }[] } }>(
      CHANGE_STATUS,
      {
        id: project.id,
        to: PROJECT_TRANSITIONS[project.status][0],
        expectedVersion: project.version - 1,
      },
    );
    expect(stale.data!.changeProjectStatus.userErrors).toEqual([{ code: 'STALE_VERSION' }]);
    expect(await database.dataSource.manager.count(WebhookDelivery)).toBe(before);
    expect(await receiver.receivesWithin(500)).toBe(false);
  });

  it('gives a region-scoped webhook out-of-region changes without restricted fields', async () => {
    const { secret } = await createWebhook({
      url: receiver.url,
      events: ['projectStatusChanged'],
      scope: { kind: 'REGION', regionCode: '84' },
    });
    const outside = outsideRegion[0];
    const arriving = receiver.next();
    const to = await advance(admin, outside);
    const delivery = await arriving;
    const body = new StandardWebhook(secret).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    ) as { data: { project: Record<string, unknown>; statusChange: unknown } };
    // As a region officer's subscription: the project's public fields, no amounts, no history.
    expect(body.data.project).toMatchObject({ id: outside.id, status: to });
    for (const restricted of [
      'totalBudget',
      'publicFundingRequested',
      'publicFundingGranted',
      'regions',
      'updatedAt',
    ]) {
      expect(body.data.project).not.toHaveProperty(restricted);
    }
    expect(body.data.statusChange).toBeNull();

    const inside = inRegion[3];
    const next = receiver.next();
    await advance(admin, inside);
    const shown = JSON.parse((await next).body) as { data: { project: Record<string, unknown> } };
    expect(shown.data.project).toMatchObject({ id: inside.id, totalBudget: expect.any(String) });
  });

  it('delivers a change committed before a restart of the server', async () => {
    const { secret } = await createWebhook({
      url: receiver.url,
      events: ['projectStatusChanged'],
      scope: { kind: 'ALL' },
    });
    // The change commits while no worker sends: the server stops with the delivery in the outbox.
    await admin.app.webhookWorker!.stop();
    const project = inRegion[4];
    const to = await advance(admin, project);
    expect(await receiver.receivesWithin(300)).toBe(false);
    await admin.close();
    admin = await startServer();
    const delivery = await receiver.next();
    expect(
      new StandardWebhook(secret).verify(delivery.body, delivery.headers as Record<string, string>),
    ).toMatchObject({ data: { project: { id: project.id, status: to } } });
  });

  it('refuses private-network and plain-http endpoints with URL_NOT_ALLOWED', async () => {
    for (const url of [
      'https://10.0.0.7/hooks',
      'https://169.254.169.254/latest',
      'http://hooks.example.org/in',
    ]) {
      const result = await admin.query<{ createWebhook: { webhook: null; userErrors: unknown[] } }>(
        CREATE_WEBHOOK,
        { input: { url, events: ['projectUpdated'], scope: { kind: 'ALL' } } },
      );
      expect(result.data!.createWebhook).toEqual({
        webhook: null,
        secret: null,
        userErrors: [
          {
            code: 'URL_NOT_ALLOWED',
            field: ['input', 'url'],
            message: expect.stringMatching(/^url /),
          },
        ],
      });
    }
  });

  it('delivers one event per record a CSV import commits (the import goes through the outbox)', async () => {
    await createWebhook({ url: receiver.url, events: ['projectUpdated'], scope: { kind: 'ALL' } });
    const arriving = receiver.next();
    const csv =
      'acronym,title,summary,programmeCode,leadPoleSlug,totalBudget,publicFundingRequested\n' +
      'HOOK-IMPORT,Projet importé,Un projet venu d’un fichier CSV.,HORIZON_EUROPE,aquimer,' +
      '1000000.00,400000.00\n';
    const response = await fetch(admin.url.replace(/graphql$/, 'imports?kind=projects'), {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...(await bearerFor(database.dataSource, ADMIN)) },
      body: csv,
    });
    expect(response.status).toBe(200);
    const body = JSON.parse((await arriving).body) as { type: string; data: unknown };
    expect(body).toMatchObject({
      type: 'projectUpdated',
      data: { project: { acronym: 'HOOK-IMPORT', status: 'DRAFT', totalBudget: '1000000.00' } },
    });
  });

  it('refuses a bad filter at registration, naming its path', async () => {
    const result = await admin.query(CREATE_WEBHOOK, {
      input: {
        url: receiver.url,
        events: ['projectUpdated'],
        filter: { leadPole: { id: { eq: 'not-a-global-id' } } },
        scope: { kind: 'ALL' },
      },
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'filter.leadPole.id.eq: "not-a-global-id" is not a valid id',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    expect((await admin.query<{ webhooks: unknown[] }>(WEBHOOKS)).data!.webhooks).toEqual([]);
  });

  it('sends each delivery once when several server processes run workers', async () => {
    await createWebhook({
      url: receiver.url,
      events: ['projectStatusChanged'],
      scope: { kind: 'ALL' },
    });
    const second = await startServer();
    try {
      const before = receiver.received.length;
      const changed = [inRegion[5], inRegion[6], outsideRegion[1], outsideRegion[2]];
      for (const project of changed) await advance(admin, project);
      const deadline = Date.now() + 10_000;
      while (receiver.received.length - before < changed.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Both workers poll every 50 ms: time enough for a second copy to show up.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const ids = receiver.received.slice(before).map((request) => request.headers['webhook-id']);
      expect(ids).toHaveLength(changed.length);
      expect(new Set(ids).size).toBe(changed.length);
    } finally {
      await second.close();
    }
  });

  it('is for administrators only', async () => {
    const officer = await bearerFor(database.dataSource, {
      role: Role.REGION_OFFICER,
      regionCode: '84',
    });
    const created = await admin.query(
      CREATE_WEBHOOK,
      { input: { url: receiver.url, events: ['projectUpdated'], scope: { kind: 'ALL' } } },
      officer,
    );
    expect(created.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const listed = await admin.query(WEBHOOKS, {}, officer);
    expect(listed.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
