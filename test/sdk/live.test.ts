import 'reflect-metadata';

import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  createClient,
  isPoleGraphError,
  type PoleGraphClient,
  ProjectStatusChangesDocument,
  verifyWebhook,
} from '@polegraph/client';
import WebSocket from 'ws';

import { Role } from '../../server/src/auth/roles';
import { ProjectStatus } from '../../server/src/project/project.enums';
import { PROJECT_TRANSITIONS } from '../../server/src/project/project-status.machine';
import { webhookHeaders } from '../../server/src/webhook/webhook-signature';
import {
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ADMIN, bearerFor } from '../helpers/tokens';
import { REPOSITORY_ROOT, scratchFolder } from './helpers/scratch-folder';

const CHANGE_STATUS = `mutation ChangeStatus($id: ID!, $to: ProjectStatus!, $expectedVersion: Int!) {
  changeProjectStatus(id: $id, to: $to, expectedVersion: $expectedVersion) {
    project { version status } userErrors { code }
  }
}`;
const PROJECTS = `query Projects($filter: ProjectFilter) {
  projects(filter: $filter, first: 20) { nodes { id acronym status version } }
}`;

interface ProjectRow {
  id: string;
  acronym: string;
  status: ProjectStatus;
  version: number;
}

/** Resolves once `condition` holds (checked every 20 ms), or fails after `timeoutMs`. */
async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

jest.setTimeout(60_000);

describe.each(testDatabaseKinds())('SDK live updates on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;
  let officerToken: string;
  let projects: ProjectRow[];
  const clients: PoleGraphClient[] = [];

  const connect = (token = officerToken) => {
    const client = createClient({
      url: api.url,
      token,
      live: { webSocketImpl: WebSocket, minDelayMs: 50, maxDelayMs: 200 },
    });
    clients.push(client);
    return client;
  };

  async function advance(project: ProjectRow): Promise<ProjectStatus> {
    const to = PROJECT_TRANSITIONS[project.status][0];
    const result = await api.query<{
      changeProjectStatus: { project: { version: number } };
    }>(CHANGE_STATUS, { id: project.id, to, expectedVersion: project.version });
    expect(result.errors).toBeUndefined();
    project.version = result.data!.changeProjectStatus.project.version;
    project.status = to;
    return to;
  }

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'sdk-live');
    api = await createTestEnvironment(database, {}, { as: ADMIN });
    officerToken = (
      await bearerFor(database.dataSource, { role: Role.REGION_OFFICER, regionCode: '84' })
    ).authorization.replace(/^Bearer /, '');
    const open = await api.query<{ projects: { nodes: ProjectRow[] } }>(PROJECTS, {
      filter: {
        status: { in: ['SUBMITTED', 'LABELLED', 'FUNDED'] },
        region: { code: { eq: '84' } },
      },
    });
    projects = open.data!.projects.nodes;
    expect(projects.length).toBeGreaterThan(3);
  }, 600_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.closeSubscriptions()));
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('gives a typed async iterator of the events, and ends it cleanly on return()', async () => {
    const client = connect();
    const listening = api.app.liveEvents.listenerCount();
    const changes = client.projectStatusChanges({
      filter: { region: { code: { eq: '84' } } },
    });
    const first = changes.next();
    await eventually(() => api.app.liveEvents.listenerCount() === listening + 1);
    const project = projects[0];
    const to = await advance(project);
    const event = await first;
    expect(event.done).toBe(false);
    expect(event.value).toMatchObject({
      projectStatusChanged: {
        operation: 'changeProjectStatus',
        project: { id: project.id, acronym: project.acronym, status: to },
        statusChange: { toStatus: to, changedBy: 'Test administrator' },
      },
    });
    expect(await changes.return()).toEqual({ value: undefined, done: true });
    await eventually(() => api.app.liveEvents.listenerCount() === listening);
  });

  it('reconnects after the server restarts and subscribes again', async () => {
    const client = connect();
    const changes = client.subscribe(ProjectStatusChangesDocument, {
      filter: { region: { code: { eq: '84' } } },
    });
    const next = changes.next();
    await eventually(() => api.app.liveEvents.listenerCount() === 1);
    // The same port, a new process: the client's socket drops and is opened again.
    const port = new URL(api.url).port;
    await api.close();
    api = await createTestEnvironment(database, {}, { as: ADMIN, port: Number(port) });
    expect(api.url).toBe(`http://localhost:${port}/graphql`);
    await eventually(() => api.app.liveEvents.listenerCount() === 1, 10_000);
    const project = projects[1];
    const to = await advance(project);
    expect((await next).value?.projectStatusChanged.project).toMatchObject({
      id: project.id,
      status: to,
    });
    await changes.return();
  });

  it('runs the example: a regional tool printing its region’s status changes', async () => {
    const folder = scratchFolder('live-example');
    try {
      const tsc = require.resolve('typescript/bin/tsc');
      const compiled = spawnSync(
        process.execPath,
        [tsc, '-p', join(REPOSITORY_ROOT, 'client-sdk', 'examples'), '--outDir', folder.path],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(compiled.stdout + compiled.stderr).toBe('');
      writeFileSync(join(folder.path, 'package.json'), JSON.stringify({ type: 'module' }));
      const listening = api.app.liveEvents.listenersAdded();
      const child = spawn(
        process.execPath,
        [join(folder.path, 'region-status-changes.js'), '--region', '84', '--count', '1'],
        {
          cwd: folder.path,
          env: { ...process.env, POLEGRAPH_URL: api.url, POLEGRAPH_TOKEN: officerToken },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await eventually(() => api.app.liveEvents.listenersAdded() > listening, 20_000);
      const project = projects[2];
      const from = project.status;
      const to = await advance(project);
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
      const lines = stdout.trimEnd().split('\n');
      expect(lines[0]).toBe(
        'Watching the status changes of region 84’s projects…'.replace('’', "'"),
      );
      expect(lines[1]).toMatch(
        new RegExp(`^\\S+Z  ${project.acronym}  ${from} → ${to}  by Test administrator$`),
      );
    } finally {
      folder.remove();
    }
  }, 180_000);

  describe('verifyWebhook', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = JSON.stringify({
      type: 'projectUpdated',
      timestamp: '2026-01-01T00:00:00.000Z',
      data: { operation: 'updateProject', project: { id: 'UHJvamVjdDox' } },
    });

    it('returns the typed event of a signed delivery, with its webhook-id', async () => {
      const headers = webhookHeaders(secret, 'msg_1', body);
      const event = await verifyWebhook(secret, headers, body);
      expect(event).toEqual({ ...JSON.parse(body), id: 'msg_1' });
      // fetch's Headers and bytes work too.
      expect(
        await verifyWebhook(secret, new Headers(headers), new TextEncoder().encode(body)),
      ).toEqual(event);
    });

    it('throws INVALID_SIGNATURE for a changed body, another secret or an old timestamp', async () => {
      const headers = webhookHeaders(secret, 'msg_2', body);
      const attempts = [
        () => verifyWebhook(secret, headers, body.replace('updateProject', 'deleteProject')),
        () =>
          verifyWebhook('whsec_' + Buffer.from('another secret').toString('base64'), headers, body),
        () =>
          verifyWebhook(secret, webhookHeaders(secret, 'msg_3', body, Date.now() - 600_000), body),
        () => verifyWebhook(secret, { 'webhook-id': 'msg_4' }, body),
      ];
      for (const attempt of attempts) {
        const error: unknown = await attempt().catch((failure: unknown) => failure);
        expect(isPoleGraphError(error) && error.code).toBe('INVALID_SIGNATURE');
      }
    });
  });
});
