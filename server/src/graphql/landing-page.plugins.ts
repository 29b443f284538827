import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';

import type { HttpConfig } from '../config/config';

/**
 * Apollo's landing page for the configured playground. Apollo serves its own page, loaded from
 * Apollo's CDN, unless told otherwise: disabled here for our offline GraphiQL and for `off`.
 */
export function playgroundApolloPlugins(
  config: Pick<HttpConfig, 'playground'>,
): ApolloServerPlugin[] {
  switch (config.playground) {
    case 'apollo-sandbox':
      // The embedded Sandbox queries this server from the page, with no Apollo account needed.
      return [ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false })];
    case 'graphiql':
    case 'off':
      return [ApolloServerPluginLandingPageDisabled()];
  }
}
