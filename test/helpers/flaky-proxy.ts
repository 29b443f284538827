import { createServer, type Server, Socket } from 'node:net';

/**
 * A TCP proxy of the test's own between the server and a service it needs (MySQL/MariaDB, Redis), which the test can cut
 * (every connection reset, new ones refused) and stall (connections accepted, nothing forwarded
 * either way), as a failing network or a frozen server would.
 */
export class FlakyProxy {
  private readonly server: Server;
  private readonly pairs = new Set<[Socket, Socket]>();
  mode: 'up' | 'cut' | 'stalled' = 'up';
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    this.server = createServer((client) => this.accept(client));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (this.mode === 'cut') {
      client.resetAndDestroy();
      return;
    }
    const upstream = new Socket();
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    // One side gone, the other goes too (as through any proxy): none is left open untracked,
    // which would keep `close` waiting.
    const forget = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', forget);
    upstream.on('close', forget);
    upstream.connect(this.targetPort, this.targetHost);
    // Forward only while the proxy is up: a stalled proxy holds every byte back.
    client.on('data', (chunk) => {
      if (this.mode === 'up') upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (this.mode === 'up') client.write(chunk);
    });
  }

  /** Every connection reset at once; new ones are refused until `restore`. */
  cut(): void {
    this.mode = 'cut';
    for (const [client, upstream] of this.pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  /** Connections stay open and new ones are accepted, but nothing gets through. */
  stall(): void {
    this.mode = 'stalled';
  }

  /**
   * Back to normal. Connections that lost bytes while stalled are out of step with the server:
   * drop them, as a network that comes back after a freeze usually has.
   */
  restore(): void {
    if (this.mode === 'stalled') {
      for (const [client, upstream] of this.pairs) {
        client.destroy();
        upstream.destroy();
      }
      this.pairs.clear();
    }
    this.mode = 'up';
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A started proxy in front of the Redis at `redisUrl`, and the URL that reaches Redis through it. */
export async function proxiedRedis(redisUrl: string): Promise<{ proxy: FlakyProxy; url: string }> {
  const target = new URL(redisUrl);
  const proxy = new FlakyProxy(target.hostname, Number(target.port || 6379));
  await proxy.start();
  const throughProxy = new URL(redisUrl);
  throughProxy.hostname = '127.0.0.1';
  throughProxy.port = String(proxy.port);
  return { proxy, url: throughProxy.toString() };
}
