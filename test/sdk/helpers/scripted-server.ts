import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer of the scripted server. A string body goes out as is, anything else as JSON. */
export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** A body sent in these pieces, one write each, a few milliseconds apart (streaming). */
  chunks?: string[];
}

export interface RecordedRequest {
  method: string;
  /** The path and query string, e.g. `/exports/projects.ndjson?filter=…`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** When it arrived (Date.now()), to measure the waits between retries. */
  at: number;
}

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A local HTTP server that answers with `replies` in turn (the last one repeats), or with what
 * `replies` returns for each request: it stands for a server in the states the real one cannot
 * be put in on demand (rate-limited, unavailable, refusing a token).
 */
export async function startScriptedServer(
  replies: ScriptedReply[] | ((request: RecordedRequest, index: number) => ScriptedReply),
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        at: Date.now(),
      };
      requests.push(recorded);
      const index = requests.length - 1;
      const reply =
        typeof replies === 'function'
          ? replies(recorded, index)
          : replies[Math.min(index, replies.length - 1)];
      const isText = typeof reply.body === 'string' || reply.chunks !== undefined;
      response.writeHead(reply.status, {
        'content-type': isText ? 'text/html' : 'application/json',
        ...reply.headers,
      });
      if (reply.chunks) {
        const pieces = [...reply.chunks];
        const writeNext = () => {
          const piece = pieces.shift();
          if (piece === undefined) response.end();
          else response.write(piece, () => setTimeout(writeNext, 5));
        };
        writeNext();
        return;
      }
      response.end(
        reply.body === undefined
          ? ''
          : isText
            ? (reply.body as string)
            : JSON.stringify(reply.body),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A GraphQL answer with one error of this code. */
export function errorReply(code: string, message: string, status = 200): ScriptedReply {
  return { status, body: { data: null, errors: [{ message, extensions: { code } }] } };
}
