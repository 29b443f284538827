import { type Server as HttpServer } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/**
 * Stops an HTTP server without dropping a request it accepted: the listener closes, requests
 * already received (or whose connection was accepted and whose request is still arriving)
 * run to completion and are answered with `Connection: close`, idle keep-alive connections
 * are closed, and whatever is left after the grace period is cut.
 *
 * Node's own `server.close()` also closes every connection that has no request in progress,
 * which includes a connection accepted a moment ago whose request has not been read yet:
 * the cause of the resets seen on SQLite, where a synchronous statement delays the reading.
 */
export class GracefulStop {
  private readonly active = new Map<Socket, number>();
  private accepted = 0;
  /** Connections that have not sent a complete request yet. */
  private readonly fresh = new Set<Socket>();
  private stopping = false;

  constructor(private readonly server: HttpServer) {
    server.on('connection', (socket: Socket) => {
      this.accepted += 1;
      this.active.set(socket, 0);
      this.fresh.add(socket);
      socket.once('close', () => {
        this.active.delete(socket);
        this.fresh.delete(socket);
      });
    });
    server.on('request', (request, response) => {
      const socket = request.socket;
      this.fresh.delete(socket);
      this.active.set(socket, (this.active.get(socket) ?? 0) + 1);
      if (this.stopping) response.setHeader('Connection', 'close');
      response.once('close', () => {
        const left = (this.active.get(socket) ?? 1) - 1;
        this.active.set(socket, left);
        if (this.stopping && left === 0) socket.end();
      });
    });
  }

  /**
   * Connections the kernel completed but the event loop has not accepted yet (a client sees
   * them as accepted) would be reset when the listener closes. A timer lets at least one
   * poll phase run, which accepts all of them; repeated while connections keep coming, a few
   * times at most.
   */
  private async acceptBacklog(): Promise<void> {
    for (let round = 0; round < 10; round += 1) {
      const before = this.accepted;
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (this.accepted === before) return;
    }
  }

  /** Resolves once every connection is closed, at the latest after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    await this.acceptBacklog();
    const closed = new Promise<void>((resolve) => {
      if (!this.server.listening) return resolve();
      // The listener only, not Node's closeIdleConnections() (see above).
      NetServer.prototype.close.call(this.server, () => resolve());
    });
    for (const [socket, requests] of this.active) {
      if (requests === 0 && !this.fresh.has(socket)) socket.end();
    }
    const deadline = setTimeout(() => {
      for (const socket of this.active.keys()) socket.destroy();
    }, graceMs);
    deadline.unref();
    // A connection that never sends its request is cut at the deadline (or by the request
    // timeout); one that sends it is answered, then closed.
    await closed;
    clearTimeout(deadline);
  }
}
