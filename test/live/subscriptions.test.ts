import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { issueToken, revokeToken } from '../../server/src/api-token/api-token.service';
import { Role } from '../../server/src/auth/roles';
import { inTransaction } from '../../server/src/database/transactions';
import { PROJECT_TRANSITIONS } from '../../server/src/project/project-status.machine';
import { proxiedRedis } from '../helpers/flaky-proxy';
import { globalId as globalIdOf } from '../helpers/graphql-ids';
import { SCORED_CRITERION } from '../helpers/labelling-phases';
import { connectLive, type LiveClient } from '../helpers/live-client';
import {
  advance,
  CHANGE_STATUS,
  openProjectsAroundRegion84,
  type ProjectRow,
} from '../helpers/open-projects';
import {
  createEmptyDatabase,
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ADMIN, bearerFor } from '../helpers/tokens';

const STATUS_CHANGED = `subscription StatusChanged($filter: ProjectFilter) {
  projectStatusChanged(filter: $filter) {
    operation
    project { id status totalBudget }
    statusChange { fromStatus toStatus changedBy }
  }
}`;
const DECISIONS = `subscription Decisions($phase: Int) {
  labellingDecisionPublished(phase: $phase) { decision { outcome publishedOn phase { number } } }
}`;
const DECIDE = `mutation Decide($input: DecideLabellingInput!) {
  decideLabelling(input: $input) { decision { version } userErrors { code message } }
}`;
const OPEN_PHASE = `mutation OpenPhase($input: OpenLabellingPhaseInput!) {
  openLabellingPhase(input: $input) { userErrors { code message } }
}`;

interface StatusEvent {
  projectStatusChanged: {
    operation: string;
    project: { id: string; status: string; totalBudget: string | null };
    statusChange: { fromStatus: string; toStatus: string; changedBy: string } | null;
  };
}

const redisUrl = process.env.TEST_REDIS_URL;

// Seeding the national dataset takes about a minute on a small machine.
jest.setTimeout(60_000);

describe.each(testDatabaseKinds())('subscriptions on %s', (kind) => {
  let database: TestDatabase;
  let admin: TestEnvironment;
  let officer84: { authorization: string };
  /** Open projects, seen by the officer of region 84: in its region (budget) or not. */
  let inRegion: ProjectRow[];
  let outsideRegion: ProjectRow[];
  const clients: LiveClient[] = [];

  const connect = (authorization?: { authorization: string }) => {
    const client = connectLive(admin.url, authorization, () =>
      admin.app.liveEvents.listenersAdded(),
    );
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'live');
    admin = await createTestEnvironment(
      database,
      { live: { ...testLive(), tokenCheckSeconds: 1 } },
      { as: ADMIN },
    );
    ({ officer84, inRegion, outsideRegion } = await openProjectsAroundRegion84(admin, database));
    // The seed has open projects on both sides of the region's border.
    expect(inRegion.length).toBeGreaterThan(3);
    expect(outsideRegion.length).toBeGreaterThan(3);
  }, 600_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });

  afterAll(async () => {
    await admin?.close();
    await database?.drop();
  });

  describe('projectStatusChanged', () => {
    it('sends the project, its history row and who changed it, after commit', async () => {
      const subscription = await connect(
        await bearerFor(database.dataSource, ADMIN),
      ).subscribe<StatusEvent>(STATUS_CHANGED);
      const project = inRegion[0];
      const from = project.status;
      const to = await advance(admin, project);
      const event = await subscription.next();
      expect(event).toEqual({
        data: {
          projectStatusChanged: {
            operation: 'changeProjectStatus',
            project: { id: project.id, status: to, totalBudget: expect.any(String) },
            statusChange: { fromStatus: from, toStatus: to, changedBy: 'Test administrator' },
          },
        },
      });
    });

    it('gives a region officer the detail of its region’s projects only', async () => {
      const subscription = await connect(officer84).subscribe<StatusEvent>(STATUS_CHANGED);
      const outside = outsideRegion[0];
      const outsideTo = await advance(admin, outside);
      const hidden = await subscription.next();
      expect(hidden.data).toEqual({
        projectStatusChanged: {
          operation: 'changeProjectStatus',
          project: { id: outside.id, status: outsideTo, totalBudget: null },
          statusChange: null,
        },
      });
      expect(hidden.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(hidden.errors?.[0].path).toEqual(['projectStatusChanged', 'project', 'totalBudget']);

      const inside = inRegion[1];
      const insideTo = await advance(admin, inside);
      const shown = await subscription.next();
      expect(shown.errors).toBeUndefined();
      expect(shown.data?.projectStatusChanged.project).toEqual({
        id: inside.id,
        status: insideTo,
        totalBudget: expect.any(String),
      });
      expect(shown.data?.projectStatusChanged.statusChange?.toStatus).toBe(insideTo);
    });

    it('applies the filter to the changed record, as projects(filter:) would', async () => {
      const target = inRegion[2];
      const other = outsideRegion.find(
        (project) => project.leadPole.slug !== target.leadPole.slug,
      )!;
      const subscription = await connect(officer84).subscribe<StatusEvent>(STATUS_CHANGED, {
        filter: { leadPole: { slug: { eq: target.leadPole.slug } } },
      });
      await advance(admin, other);
      await advance(admin, target);
      const event = await subscription.next();
      expect(event.data?.projectStatusChanged.project.id).toBe(target.id);
      expect(await subscription.receivesWithin(300)).toBe(false);
    });

    it('publishes nothing for a refused (rolled-back) change', async () => {
      const subscription = await connect(officer84).subscribe<StatusEvent>(STATUS_CHANGED);
      const project = inRegion[3];
      const stale = await admin.query<{ changeProjectStatus: { userErrors: { code: string }[] } }>(
        CHANGE_STATUS,
        {
          id: project.id,
          to: PROJECT_TRANSITIONS[project.status][0],
          expectedVersion: project.version - 1,
        },
      );
      expect(stale.data!.changeProjectStatus.userErrors).toEqual([{ code: 'STALE_VERSION' }]);
      expect(await subscription.receivesWithin(500)).toBe(false);
      await advance(admin, project);
      expect((await subscription.next()).data?.projectStatusChanged.project.id).toBe(project.id);
    });

    it('refuses a bad filter at subscribe, naming its path', async () => {
      const client = connect(officer84);
      const subscription = await client.subscribe(STATUS_CHANGED, {
        filter: { leadPole: { id: { eq: 'not-a-global-id' } } },
      });
      expect(await subscription.next()).toMatchObject({
        errors: [
          {
            message: 'filter.leadPole.id.eq: "not-a-global-id" is not a valid id',
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
          },
        ],
      });
    });
  });

  describe('labellingDecisionPublished', () => {
    it('never sends a draft; sends the decision once published, to anonymous subscribers too', async () => {
      const opened = await admin.query<{ openLabellingPhase: { userErrors: unknown[] } }>(
        OPEN_PHASE,
        {
          input: {
            number: 60,
            name: 'Phase live',
            startYear: 2060,
            endYear: 2063,
            description: 'Une phase pour les tests en direct.',
            criteria: [SCORED_CRITERION],
          },
        },
      );
      expect(opened.data!.openLabellingPhase.userErrors).toEqual([]);
      const pole = await admin.query<{ poles: { nodes: { id: string }[] } }>(
        'query Poles { poles(first: 1) { nodes { id } } }',
      );
      const anonymous = await connect().subscribe<{
        labellingDecisionPublished: { decision: { outcome: string; publishedOn: string | null } };
      }>(DECISIONS, { phase: 60 });
      const administrator = await connect(await bearerFor(database.dataSource, ADMIN)).subscribe<{
        labellingDecisionPublished: { decision: { outcome: string; publishedOn: string | null } };
      }>(DECISIONS, { phase: 60 });
      const decision = {
        poleId: pole.data!.poles.nodes[0].id,
        phaseNumber: 60,
        outcome: 'LABELLED',
        durationYears: 4,
        decidedOn: '2059-12-15',
        rationale: 'Labellisé pour la durée de la phase.',
      };
      const draft = await admin.query<{ decideLabelling: { userErrors: unknown[] } }>(DECIDE, {
        input: decision,
      });
      expect(draft.data!.decideLabelling.userErrors).toEqual([]);
      expect(await anonymous.receivesWithin(400)).toBe(false);
      expect(await administrator.receivesWithin(100)).toBe(false);

      const published = await admin.query<{ decideLabelling: { userErrors: unknown[] } }>(DECIDE, {
        input: { ...decision, publishedOn: '2060-01-10', expectedVersion: 1 },
      });
      expect(published.data!.decideLabelling.userErrors).toEqual([]);
      const expected = {
        data: {
          labellingDecisionPublished: {
            decision: { outcome: 'LABELLED', publishedOn: '2060-01-10', phase: { number: 60 } },
          },
        },
      };
      expect(await anonymous.next()).toEqual(expected);
      expect(await administrator.next()).toEqual(expected);
    });
  });

  describe('membershipChanged', () => {
    it('sends the fee only to those who may read it', async () => {
      const poles = await admin.query<{ poles: { nodes: { id: string; slug: string }[] } }>(
        'query PoleIds { poles(first: 100) { nodes { id slug } } }',
      );
      const cara = poles.data!.poles.nodes.find((pole) => pole.slug === 'cara')!;
      const [outsider] = (await database.dataSource.query(
        'SELECT m.id FROM member m WHERE m.id NOT IN ' +
          "(SELECT ms.memberId FROM membership ms JOIN pole p ON p.id = ms.poleId WHERE p.slug = 'cara') " +
          'ORDER BY m.id LIMIT 1',
      )) as { id: number }[];
      const MEMBERSHIPS = `subscription Memberships($poleId: ID) {
        membershipChanged(poleId: $poleId) { membership { yearlyFee boardSeat pole { slug } } }
      }`;
      const officer = await connect(officer84).subscribe(MEMBERSHIPS, { poleId: cara.id });
      const anonymous = await connect().subscribe(MEMBERSHIPS, { poleId: cara.id });
      const joined = await admin.query<{ joinPole: { userErrors: unknown[] } }>(
        `mutation Join($input: JoinPoleInput!) { joinPole(input: $input) { userErrors { code message } } }`,
        {
          input: {
            memberId: globalIdOf('Member', outsider.id),
            poleId: cara.id,
            startDate: '2026-01-01',
            yearlyFee: '1500.00',
            boardSeat: false,
          },
        },
      );
      expect(joined.data!.joinPole.userErrors).toEqual([]);
      expect(await officer.next()).toEqual({
        data: {
          membershipChanged: {
            membership: { yearlyFee: '1500.00', boardSeat: false, pole: { slug: 'cara' } },
          },
        },
      });
      const hidden = await anonymous.next();
      expect(hidden.data).toEqual({
        membershipChanged: {
          membership: { yearlyFee: null, boardSeat: false, pole: { slug: 'cara' } },
        },
      });
      expect(hidden.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    });
  });

  if (redisUrl) {
    describe('across processes (TEST_REDIS_URL)', () => {
      it('delivers a change made through one server to a subscriber of another', async () => {
        const shared = {
          redis: {
            url: redisUrl,
            keyPrefix: `polegraph-live-test-${process.pid}-${randomBytes(4).toString('hex')}:`,
          },
        };
        const first = await createTestEnvironment(database, shared, { as: ADMIN });
        const second = await createTestEnvironment(database, shared, { as: ADMIN });
        try {
          const client = connectLive(first.url, officer84, () =>
            first.app.liveEvents.listenersAdded(),
          );
          clients.push(client);
          const subscription = await client.subscribe<StatusEvent>(STATUS_CHANGED);
          const project = inRegion[4];
          const to = await advance(second, project);
          const event = await subscription.next();
          expect(event.data?.projectStatusChanged.project).toEqual({
            id: project.id,
            status: to,
            totalBudget: expect.any(String),
          });
          // Heard once, through Redis, not once more from the process itself.
          expect(await subscription.receivesWithin(300)).toBe(false);
        } finally {
          await Promise.all(clients.splice(0).map((client) => client.dispose()));
          await first.close();
          await second.close();
        }
      });
    });
  }

  if (redisUrl) {
    it('ends a subscription with EVENTS_MISSED once its server hears Redis again after a cut', async () => {
      // The subscriber's server reaches Redis through a proxy the test cuts; the writer's directly.
      const { proxy, url: throughProxy } = await proxiedRedis(redisUrl);
      const keyPrefix = `polegraph-live-gap-${process.pid}-${randomBytes(4).toString('hex')}:`;
      const writer = await createTestEnvironment(
        database,
        { redis: { url: redisUrl, keyPrefix } },
        { as: ADMIN },
      );
      const reader = await createTestEnvironment(
        database,
        { redis: { url: throughProxy, keyPrefix } },
        { as: ADMIN },
      );
      const hears = async (expected: boolean) => {
        const deadline = Date.now() + 10_000;
        while (reader.app.liveEvents.hearsOtherWrites() !== expected && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(reader.app.liveEvents.hearsOtherWrites()).toBe(expected);
      };
      try {
        const client = connectLive(reader.url, officer84, () =>
          reader.app.liveEvents.listenersAdded(),
        );
        clients.push(client);
        const subscription = await client.subscribe<StatusEvent>(STATUS_CHANGED);
        const [heard, unheard, after] = [inRegion[5], inRegion[6], inRegion[7]];
        await advance(writer, heard);
        expect((await subscription.next()).data?.projectStatusChanged.project.id).toBe(heard.id);

        proxy.cut();
        await hears(false);
        await advance(writer, unheard);
        proxy.restore();
        await hears(true);
        await expect(subscription.next(10_000)).rejects.toMatchObject({
          codes: ['EVENTS_MISSED'],
          message: expect.stringMatching(/events may have been missed/),
        });

        // The connection stays open: a new subscription hears the next change.
        const again = await client.subscribe<StatusEvent>(STATUS_CHANGED);
        await advance(writer, after);
        expect((await again.next()).data?.projectStatusChanged.project.id).toBe(after.id);
      } finally {
        await Promise.all(clients.splice(0).map((client) => client.dispose()));
        await writer.close();
        await reader.close();
        await proxy.close();
      }
    });
  }

  describe('connection', () => {
    it('refuses an unknown token at connection with 4401', async () => {
      const client = connect({ authorization: 'Bearer pg_unknown' });
      expect(await client.closed).toEqual({ code: 4401, reason: 'Unknown API token' });
    });

    it('closes a revoked token’s connection with 4401', async () => {
      const { token, secret } = await inTransaction(database.dataSource, (manager) =>
        issueToken(manager, { name: 'live revoked', role: Role.ADMIN }),
      );
      const client = connect({ authorization: `Bearer ${secret}` });
      await client.subscribe(STATUS_CHANGED);
      await inTransaction(database.dataSource, (manager) => revokeToken(manager, token.id));
      expect(await client.closed).toEqual({ code: 4401, reason: 'This API token was revoked' });
    });

    it('carries subscriptions only: queries go over HTTP', async () => {
      const subscription = await connect().subscribe('query Regions { regions { code } }');
      await expect(subscription.next()).rejects.toThrow(/subscriptions only/);
    });

    it('limits the subscriptions of one connection', async () => {
      const client = connect(officer84);
      for (let index = 0; index < testLive().maxSubscriptionsPerConnection; index += 1) {
        await client.subscribe(STATUS_CHANGED);
      }
      const oneTooMany = await client.subscribe(STATUS_CHANGED);
      await expect(oneTooMany.next()).rejects.toThrow(/At most 3 subscriptions/);
    });
  });
});

describe('WebSocket transport lifecycle', () => {
  it('app.close() closes the open connections', async () => {
    const database = await createEmptyDatabase('sqlite', 'live-close');
    const api = await createTestEnvironment(database);
    const client = connectLive(api.url, undefined, () => api.app.liveEvents.listenersAdded());
    await client.subscribe(STATUS_CHANGED);
    expect(api.app.webSocket.connectionCount()).toBe(1);
    await api.close();
    expect((await client.closed).code).toBe(1001);
    await client.dispose();
    await database.drop();
  }, 60_000);
});

describe('subscriptions and the trusted-documents manifest', () => {
  it('holds them to TRUSTED_DOCUMENTS as queries are: the SDK’s run, ad-hoc ones are refused', async () => {
    const database = await createEmptyDatabase('sqlite', 'live-trusted');
    const api = await createTestEnvironment(database, { limits: { trustedDocuments: 'all' } });
    const client = connectLive(api.url, undefined, () => api.app.liveEvents.listenersAdded());
    try {
      const manifest = JSON.parse(
        readFileSync(
          join(__dirname, '..', '..', 'client-sdk', 'src', 'generated', 'persisted-documents.json'),
          'utf8',
        ),
      ) as Record<string, string>;
      const shipped = Object.values(manifest).find((text) =>
        text.includes('subscription ProjectStatusChanges'),
      );
      expect(shipped).toBeDefined();
      const listening = api.app.liveEvents.listenersAdded();
      const trusted = await client.subscribe(shipped!);
      expect(api.app.liveEvents.listenersAdded()).toBe(listening + 1);
      expect(await trusted.receivesWithin(100)).toBe(false);

      const adHoc = await client.subscribe(STATUS_CHANGED);
      await expect(adHoc.next()).rejects.toThrow(/only runs the operations of the PoleGraph SDK/);
      expect(api.app.liveEvents.listenersAdded()).toBe(listening + 1);
    } finally {
      await client.dispose();
      await api.close();
      await database.drop();
    }
  }, 60_000);
});

/** Live limits small enough to test. */
function testLive() {
  return {
    tokenCheckSeconds: 30,
    maxSubscriptionsPerConnection: 3,
    maxConnectionsPerToken: 10,
    maxBufferedBytes: 1024 * 1024,
    idleTimeoutSeconds: 300,
  };
}
