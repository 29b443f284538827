import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, deflate, gzip } from 'node:zlib';

import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import Negotiator from 'negotiator';

/** Answers below this many bytes go as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/** Brotli's quality 4 (of 11): most of its gain over gzip, at about gzip's speed. */
const BROTLI_QUALITY = 4;

type Encoding = 'br' | 'gzip' | 'deflate';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const deflated = promisify(deflate);
const compressors: Record<Encoding, (body: string, bytes: number) => Promise<Buffer>> = {
  br: (body, bytes) =>
    brotli(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes,
      },
    }),
  gzip: (body) => gzipped(body),
  deflate: (body) => deflated(body),
};

/**
 * Apollo Server on Express (what `@as-integrations/express5` does), answering with the whole body
 * at once: a GraphQL answer is complete before its first byte is sent, so it is compressed in one
 * piece, off the main thread (zlib's thread pool), and only when it is large enough and the client
 * accepts it. A streaming compression middleware wraps every response's `write`/`end`/headers and
 * negotiates `Accept-Encoding` on each, small answers included: measured at ~4 % of a small
 * page's CPU (BENCHMARKS.md).
 */
export function graphqlEndpoint<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  context: (transport: { req: Request; res: Response }) => Promise<Context>,
): RequestHandler {
  apollo.assertStarted('graphqlEndpoint()');
  return async (request, response) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = request.url.indexOf('?');
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: request.method.toUpperCase(),
        headers,
        search: query === -1 ? '' : request.url.slice(query),
        body: request.body as unknown,
      },
      context: () => context({ req: request, res: response }),
    });
    // Caches must keep the plain and the compressed answer apart.
    const vary = answer.headers.get('vary');
    answer.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    for (const [name, value] of answer.headers) response.setHeader(name, value);
    response.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      await sendWhole(request, response, answer.body.string);
      return;
    }
    // Incremental delivery (`@defer`, graphql 17): parts go as they come, uncompressed.
    for await (const chunk of answer.body.asyncIterator) response.write(chunk);
    response.end();
  };
}

async function sendWhole(request: Request, response: Response, body: string): Promise<void> {
  const encoding = encodingFor(request, body);
  if (!encoding) {
    response.send(body);
    return;
  }
  const compressed = await compressors[encoding](body, Buffer.byteLength(body));
  response.setHeader('Content-Encoding', encoding);
  response.send(compressed);
}

/** The encoding to answer `body` with, or null for none. */
export function encodingFor(request: Request, body: string): Encoding | null {
  if (request.method === 'HEAD' || !request.headers['accept-encoding']) return null;
  // A string's length in UTF-16 units is at most its length in UTF-8 bytes.
  if (body.length < COMPRESSION_THRESHOLD_BYTES) {
    if (Buffer.byteLength(body) < COMPRESSION_THRESHOLD_BYTES) return null;
  }
  // A GET answered 304 (its ETag matched) sends no body to compress.
  if (request.fresh) return null;
  const chosen = new Negotiator(request).encoding(['br', 'gzip', 'deflate', 'identity'], {
    preferred: ['br', 'gzip'],
  });
  return chosen === 'br' || chosen === 'gzip' || chosen === 'deflate' ? chosen : null;
}
