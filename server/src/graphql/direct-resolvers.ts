import type { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import { Ctx, FieldResolver, getMetadataStorage, Info, Root } from 'type-graphql';

import type { GraphQLContext } from './context';

/** A field resolver our own decorators made, whose parameters need no conversion. */
interface DirectResolver {
  target: object;
  property: string;
  resolve: GraphQLFieldResolver<object, GraphQLContext>;
}

const DIRECT_RESOLVERS: DirectResolver[] = [];

/**
 * Declares that the field resolver `property` of the resolver class `target` is exactly
 * `resolve`, called with the parent, the context and the info (no arguments, no middlewares):
 * `installDirectResolvers` then gives it to the schema as it is.
 */
function registerDirectResolver(
  target: object,
  property: string,
  resolve: GraphQLFieldResolver<object, GraphQLContext>,
): void {
  DIRECT_RESOLVERS.push({ target, property, resolve });
}

/**
 * Declares on the resolver class's prototype the field resolver `property`, which is
 * `resolve(parent, context, info)`: for type-graphql (`@FieldResolver` with `@Root`, `@Ctx`,
 * `@Info`), which puts it in the schema, and for `installDirectResolvers`, which then lets the
 * schema call it directly. What our field decorators (`@RelatedList`, `@RelatedRecord`) share.
 */
export function defineParentFieldResolver<TParent extends object, TResult>(
  prototype: object,
  property: string,
  resolve: (parent: TParent, context: GraphQLContext, info: GraphQLResolveInfo) => TResult,
  returnType: NonNullable<Parameters<typeof FieldResolver>[0]>,
  options: Parameters<typeof FieldResolver>[1],
): void {
  const descriptor = { value: resolve, writable: true, configurable: true };
  Object.defineProperty(prototype, property, descriptor);
  registerDirectResolver(prototype.constructor, property, (parent, _args, context, info) =>
    resolve(parent as TParent, context, info),
  );
  Root()(prototype, property, 0);
  Ctx()(prototype, property, 1);
  Info()(prototype, property, 2);
  FieldResolver(returnType, options)(prototype, property, descriptor);
}

/**
 * type-graphql calls a resolver class's field resolver through a wrapper that, on every call,
 * makes a resolver-data object, asks its container for the class instance, builds the
 * middleware chain and the parameter list, and converts the parent to the class of `@Root()`:
 * for a related record, on every row of every list (3.3 of the 20 MB the national overview
 * allocated per request, heap sampling). The resolvers our decorators make need none of it
 * (no arguments, no middlewares, no instance): the built schema calls them directly.
 */
export function installDirectResolvers(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const { target, property, resolve } of DIRECT_RESOLVERS) {
    const resolver = storage.fieldResolvers.find(
      (candidate) => candidate.target === target && candidate.methodName === property,
    );
    const objectClass = resolver?.getObjectType?.();
    const typeName = storage.objectTypes.find((type) => type.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[resolver!.schemaName] : undefined;
    if (!field) throw new Error(`${property}: no field for a direct resolver`);
    if (resolver!.middlewares?.length || resolver!.roles) {
      throw new Error(`${typeName}.${property}: a direct resolver cannot have middlewares`);
    }
    field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  }
}
