import 'reflect-metadata';

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse as parseYaml } from 'yaml';

import type { DatabaseConfig } from '../../server/src/config/config';
import { SEEDED_DATABASE_ENV } from '../helpers/test-databases';

const ROOT = join(__dirname, '..', '..');

/** `docker compose` (v2 plugin) or `docker-compose` (v1), whichever this machine has. */
function composeCommand(): string[] | null {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(command[0], [...command.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return null;
}

const compose = composeCommand();

/**
 * The Compose file read as Compose reads it (YAML with merge keys, `${VAR}` from .env.example),
 * on every machine: its services, profiles, restart policies, health checks and ports.
 */
describe('docker-compose.yml, read', () => {
  const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
  const file = parseYaml(text, { merge: true }) as {
    services: Record<
      string,
      {
        image?: string;
        build?: string;
        restart?: string;
        profiles?: string[];
        ports?: string[];
        healthcheck?: unknown;
        environment?: Record<string, string>;
        depends_on?: unknown;
        deploy?: { replicas?: number };
      }
    >;
  };
  const services = file.services;
  const environmentExample = new Set(
    readFileSync(join(ROOT, '.env.example'), 'utf8')
      .split('\n')
      .map((line) => /^([A-Z_]+)=/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined),
  );

  it('runs the server with MySQL and Redis by default, seeding and scaling as opt-in profiles', () => {
    const byDefault = Object.keys(services).filter((name) => !services[name]!.profiles);
    expect(byDefault.sort()).toEqual(['mysql', 'redis', 'server']);
    expect(services.seed!.profiles).toEqual(['seed']);
    expect(services['server-replica']!.profiles).toEqual(['scale']);
    expect(services['server-replica']!.deploy?.replicas).toBe(2);
    expect(services.proxy!.profiles).toEqual(['scale']);
  });

  it('restarts every long-running service, waits for healthy databases, and publishes no MySQL port', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, service.restart]).toEqual([name, name === 'seed' ? 'no' : 'unless-stopped']);
      expect((service.ports ?? []).some((port) => /3306/.test(port))).toBe(false);
    }
    expect(services.mysql!.healthcheck).toBeDefined();
    expect(services.redis!.healthcheck).toBeDefined();
    expect(services.server!.depends_on).toEqual({
      mysql: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(services.server!.environment).toEqual(
      expect.objectContaining({ REDIS_URL: 'redis://redis:6379', NODE_ENV: 'production' }),
    );
  });

  it('takes every required variable from .env, whose example defines them all', () => {
    const required = [...text.matchAll(/\$\{([A-Z_]+):\?/g)].map((match) => match[1]!);
    expect(required.length).toBeGreaterThan(0);
    for (const name of new Set(required))
      expect([name, environmentExample.has(name)]).toEqual([name, true]);
    // No credential is written in the file itself: every password is a variable.
    for (const service of Object.values(services)) {
      for (const [name, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD/.test(name))
          expect([name, value]).toEqual([name, expect.stringMatching(/^\$\{/)]);
      }
    }
    expect(services.server!.environment!.DATABASE_URL).toContain(':${MYSQL_PASSWORD:?');
  });
});

// Defined only where a Compose client exists (our machines run no Docker engine and have no
// Compose client): `config` also checks the file against the Compose specification.
if (compose)
  describe('docker-compose.yml, as `docker compose config` reads it', () => {
    it.each([[[]], [['--profile', 'seed']], [['--profile', 'scale']]])(
      'is a valid Compose file with .env.example (%j)',
      (profiles: string[]) => {
        const [program, ...prefix] = compose!;
        const output = execFileSync(
          program,
          [...prefix, '--env-file', '.env.example', ...profiles, 'config'],
          { cwd: ROOT, encoding: 'utf8' },
        );
        expect(output).toMatch(/mysql:/);
        // MySQL is reachable only from the other services.
        expect(output).not.toMatch(/3306:3306|published: 3306/);
      },
    );
  });

/**
 * What this proves, without an engine: the runtime stage's COPY lines, replayed from this
 * checkout into a temp dir, give a layout the server starts from as a non-root user (uid
 * 65534 here, `node` in the image), with a data directory made as the Dockerfile's RUN line
 * makes it, the trusted-documents manifest found, and the image's own start command.
 * It does not prove the base image, the build stage, npm ci or the volume's mount.
 */
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
(asRoot ? describe : describe.skip.bind(describe))('the image layout, as a non-root user', () => {
  const UID = 65534;
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'polegraph-image-'));
    // Like /app: readable by everyone, written by root only.
    chmodSync(dir, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts with the Dockerfile CMD, writes in /app/data and stops with exit 0', async () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const copies = [...runtime.matchAll(/^COPY --from=build \/app\/(\S+) (\S+)$/gm)];
    expect(copies.map((copy) => copy[1])).toEqual(
      expect.arrayContaining(['server/dist', 'client-sdk/src/generated/persisted-documents.json']),
    );
    for (const [, source, target] of copies) {
      const destination = join(dir, target === './' ? '' : target);
      if (source === 'node_modules') {
        // Read-only for the server: a link to this checkout's modules stands for the copy.
        symlinkSync(join(ROOT, 'node_modules'), destination);
      } else {
        cpSync(join(ROOT, source), target === './' ? join(dir, source) : destination, {
          recursive: true,
        });
      }
    }
    expect(runtime).toMatch(/RUN mkdir -p \/app\/data && chown node:node \/app\/data/);
    expect(runtime).toMatch(/^VOLUME \["\/app\/data"\]$/m);
    expect(runtime).toMatch(/^USER node$/m);
    mkdirSync(join(dir, 'data'));
    chownSync(join(dir, 'data'), UID, UID);
    // The national dataset seeded once by the suite's setup stands for a first start's seed.
    const seeded = JSON.parse(process.env[SEEDED_DATABASE_ENV.sqlite]!) as DatabaseConfig;
    if (seeded.kind !== 'sqlite') throw new Error('expected the seeded SQLite database');
    cpSync(seeded.path, join(dir, 'data', 'polegraph.sqlite'));
    chownSync(join(dir, 'data', 'polegraph.sqlite'), UID, UID);

    const command = /^CMD \["sh", "-c", "(.*)"\]$/m.exec(runtime)![1];
    const child = spawn('sh', ['-c', command], {
      cwd: dir,
      uid: UID,
      gid: UID,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        PORT: '0',
        TRUSTED_DOCUMENTS: 'anonymous',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setInterval(() => {
          const match = /serves GraphQL at http:\/\/localhost:(\d+)\//.exec(output);
          if (match) resolve((clearInterval(timer), Number(match[1])));
        }, 20);
        void exit.then(() => reject(new Error(`exited before listening:\n${output}`)));
      });
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      // SQLite's WAL journal, created in the data directory by the unprivileged user.
      expect(statSync(join(dir, 'data', 'polegraph.sqlite-wal')).uid).toBe(UID);
      // TRUSTED_DOCUMENTS=anonymous found the manifest: a document outside it is refused.
      const outside = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ regions { code name } __typename }' }),
      });
      expect(JSON.stringify(await outside.json())).toMatch(/PERSISTED_QUERY_NOT_IN_LIST/);
      // SIGTERM reaches node itself (`exec`), which stops cleanly.
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
