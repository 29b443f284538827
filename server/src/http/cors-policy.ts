import type { CorsOptions } from 'cors';

import type { HttpConfig } from '../config/config';

/** Where Apollo's embedded Sandbox (PLAYGROUND=apollo-sandbox) sends its requests from. */
export const APOLLO_SANDBOX_ORIGIN = 'https://sandbox.embed.apollographql.com';

/** Response headers a page of another origin may read: when to retry, its budget, the id to quote. */
export const EXPOSED_HEADERS = [
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-Request-Id',
];

/**
 * Which browser origins may call /graphql: none but the API's own by default, the configured
 * list, or any with `*`. Tokens travel in the Authorization header, never in cookies, so a
 * foreign page cannot borrow a visitor's rights; CORS only keeps other sites from running
 * queries from their visitors' browsers unless they were allowed to.
 */
export function corsOptions(config: Pick<HttpConfig, 'corsOrigins' | 'playground'>): CorsOptions {
  if (config.corsOrigins.includes('*'))
    return { origin: '*', maxAge: 600, exposedHeaders: EXPOSED_HEADERS };
  const origins = [...config.corsOrigins];
  // The embedded Sandbox runs in a frame of Apollo's origin and calls the API from there.
  if (config.playground === 'apollo-sandbox') origins.push(APOLLO_SANDBOX_ORIGIN);
  return {
    origin: origins.length > 0 ? origins : false,
    maxAge: 600,
    exposedHeaders: EXPOSED_HEADERS,
  };
}
