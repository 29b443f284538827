import { GraphQLEnumType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type BuildSchemaOptions, getMetadataStorage } from 'type-graphql';

import { ERROR_CODES } from '../core/error-codes';
import { type CollectionRegistry, guardConfidentialFields } from './auth-checker';
import { connectionOf, filterInputType, listArgsType, orderInputType } from './collection-types';
import { installDirectResolvers } from './direct-resolvers';
import { createNodeResolver } from './relay/node.resolver';

const UNUSED_PUB_SUB: NonNullable<BuildSchemaOptions['pubSub']> = {
  publish: () => {
    throw new Error('Subscriptions publish through the live event bus');
  },
  subscribe: () => {
    throw new Error('Subscriptions subscribe through the live event bus');
  },
};

/** What the schema is built from: the registry of features.ts. */
export interface SchemaFeatures {
  collections: CollectionRegistry;
  resolvers: readonly BuildSchemaOptions['resolvers'][number][];
}

/**
 * Builds the executable schema. Validation is off globally: type-graphql would otherwise run
 * class-validator on every query argument (measurably slow); mutation inputs opt in one by one.
 */
export async function buildPoleGraphSchema({
  collections,
  resolvers,
}: SchemaFeatures): Promise<GraphQLSchema> {
  // The generated collection types must exist before type-graphql reads its metadata.
  for (const spec of collections.values()) {
    filterInputType(spec);
    orderInputType(spec);
    connectionOf(spec);
    listArgsType(spec);
  }
  const options: BuildSchemaOptions = {
    resolvers: [createNodeResolver(collections), ...resolvers],
    validate: false,
    // type-graphql asks for a PubSub as soon as there are subscriptions; ours bring their own
    // `subscribe` (graphql/subscriptions/live-stream.ts), so this one is never used.
    pubSub: UNUSED_PUB_SUB,
  };
  readPlainFieldsDirectly(options);
  const built = await buildSchema(options);
  sortResolverParametersOnce();
  // No field returns an error code, so the enum is added as an orphan type: it is in the SDL,
  // the playground's docs and the SDK's generated `ServerErrorCode`.
  const config = built.toConfig();
  const schema = new GraphQLSchema({ ...config, types: [...config.types, errorCodeEnum()] });
  // The resolvers our field decorators make are called without type-graphql's wrapper.
  installDirectResolvers(schema);
  // Confidential fields answer null + FORBIDDEN to callers without the record's detail right.
  guardConfidentialFields(schema, collections);
  // type-graphql offers no way to describe the root types; the playground shows this first.
  Object.assign(schema.getQueryType()!, {
    description:
      'Entry points of the PoleGraph API: the pôles de compétitivité, their members, projects, ' +
      'selection data and statistics. Lists are Relay connections with `filter`, `orderBy`, ' +
      '`first`/`after` and `last`/`before`.',
  });
  Object.assign(schema.getSubscriptionType() ?? {}, {
    description:
      'Live updates over WebSocket (graphql-ws, same URL as queries): each event is sent after ' +
      'its change is committed, to the subscribers who could read its record at that moment.',
  });
  Object.assign(schema.getMutationType() ?? {}, {
    description:
      'Writes. Each mutation is one transaction, recorded in the audit log, and returns a payload ' +
      'with the changed record and `userErrors`: when these are not empty, nothing was written.',
  });
  return schema;
}

/** `enum ErrorCode`: the values of `extensions.code`, from core/error-codes.ts. */
function errorCodeEnum(): GraphQLEnumType {
  return new GraphQLEnumType({
    name: 'ErrorCode',
    description:
      'The codes the server puts in `extensions.code` of an error (not a field’s type: a ' +
      'reference for clients, which generate their error codes from it). Mutations report ' +
      'refused input as `userErrors` with a `UserErrorCode` instead.',
    values: Object.fromEntries(
      Object.entries(ERROR_CODES).map(([code, description]) => [code, { description }]),
    ),
  });
}

/** The SDL committed as schema/schema.graphql: sorted, so the file only changes with the schema. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/**
 * type-graphql gives every field of an object type a resolver that runs the field's middlewares
 * and authorization, then reads the property; graphql-jit must then call it like any resolver,
 * with a resolve info object made for the call (and graphql-js with its own), for every scalar of
 * every row. Our fields have neither middlewares nor `@Authorized` (authorization is the access
 * scope's, confidential fields are guarded after the build): they are marked `simple`,
 * type-graphql's own option for a field read as it is, so graphql-jit reads them inline. A field
 * whose class has a middleware or an authorization, or whose GraphQL name differs from its
 * property, keeps type-graphql's resolver (the default resolver reads the GraphQL name).
 * Methods decorated with `@Field` are resolvers either way.
 */
function readPlainFieldsDirectly(options: BuildSchemaOptions): void {
  // Simple fields skip global middlewares and the auth checker too: refuse rather than skip them.
  if (options.globalMiddlewares?.length || options.authChecker) {
    throw new Error('Plain fields are read directly: global middlewares would not run on them');
  }
  const storage = getMetadataStorage();
  const guarded = new Set<unknown>(
    [...storage.middlewares, ...storage.authorizedFields].map(({ target }) => target),
  );
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.name !== field.schemaName) continue;
    if (guarded.has(field.target)) continue;
    field.simple = true;
  }
}

/**
 * type-graphql sorts a resolver's parameter list by position on every call (`getParams`), and
 * V8's `Array.prototype.sort` allocates a work area each time it sorts two elements or more:
 * 96 KB of the 920 KB a pole-directory request allocated (heap sampling), for ~110 field
 * resolver calls. The lists are sorted here, once, after `buildSchema` gave each resolver its
 * list, and their `sort` returns them as they are. Should type-graphql stop reading the list
 * per call, this does nothing (the order stays right either way).
 */
function sortResolverParametersOnce(): void {
  const storage = getMetadataStorage();
  const resolvers = [
    ...storage.queries,
    ...storage.mutations,
    ...storage.subscriptions,
    ...storage.fieldResolvers,
  ];
  for (const resolver of resolvers) {
    const { params } = resolver;
    if (!params || params.length < 2 || Object.hasOwn(params, 'sort')) continue;
    const sorted = [...params].sort((a, b) => a.index - b.index);
    Object.defineProperty(sorted, 'sort', { value: () => sorted });
    resolver.params = sorted;
  }
}
