import {
  type DocumentNode,
  getNamedType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  isAbstractType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * Most input fields graphql-jit may generate coercion code for, over all of a document's
 * variables. It writes that code inline, field by field (twice under a list: one branch for a list,
 * one for a lone value), so the code grows with every path through the input types.
 */
export const MAX_COMPILED_VARIABLE_FIELDS = 1000;

/**
 * What graphql-jit gets wrong on our schema, found on the document before compiling it; such
 * documents run with graphql-js.
 *
 * - A variable whose input type is recursive (our filters: `and`/`or`/`not`, relation filters
 *   that lead back) makes `compileQuery` expand it forever until the process runs out of memory
 *   (graphql-jit issue #81, open since 2020; graphql-mesh turns JIT off for such inputs). Any
 *   caller could send one twice, so this is refused before compiling, with a bound on finite
 *   but large expansions too.
 * - graphql-jit calls `resolveType` without awaiting it, and type-graphql wraps every custom
 *   `resolveType` (our `Node`'s) in an async function: `node(id:)` would answer null + an error.
 */
export class JitCompatibility {
  /** Input fields the coercion code of each input object type expands to (Infinity: recursive). */
  private readonly expansion = new Map<GraphQLInputObjectType, number>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** Why graphql-jit must not compile `document`, or null when it may. */
  reasonNotToCompile(document: DocumentNode): string | null {
    let variableFields = 0;
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const variable of definition.variableDefinitions ?? []) {
        const type = typeFromAST(this.schema, variable.type) as GraphQLInputType | undefined;
        if (!type) continue;
        variableFields += this.fieldsOf(type);
        if (variableFields > MAX_COMPILED_VARIABLE_FIELDS) {
          return Number.isFinite(variableFields)
            ? `its variables expand to more than ${MAX_COMPILED_VARIABLE_FIELDS} input fields`
            : `variable $${variable.variable.name.value} has a recursive input type (${getNamedType(type).name})`;
        }
      }
    }
    const abstractType = this.abstractTypeResolvedAsynchronously(document);
    return abstractType
      ? `it reaches ${abstractType}, whose runtime type is resolved asynchronously`
      : null;
  }

  private fieldsOf(type: GraphQLInputType, visiting = new Set<GraphQLInputObjectType>()): number {
    if (isNonNullType(type)) return this.fieldsOf(type.ofType, visiting);
    if (isListType(type)) return 2 * this.fieldsOf(type.ofType, visiting);
    if (!isInputObjectType(type)) return 1;
    const known = this.expansion.get(type);
    if (known !== undefined) return known;
    if (visiting.has(type)) return Infinity;
    visiting.add(type);
    let fields = 1;
    for (const field of Object.values(type.getFields())) {
      fields += this.fieldsOf(field.type, visiting);
    }
    visiting.delete(type);
    this.expansion.set(type, fields);
    return fields;
  }

  private abstractTypeResolvedAsynchronously(document: DocumentNode): string | null {
    const typeInfo = new TypeInfo(this.schema);
    let found: string | null = null;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field() {
          const type = getNamedType(typeInfo.getType());
          if (
            found === null &&
            type &&
            isAbstractType(type) &&
            type.resolveType?.constructor.name === 'AsyncFunction'
          ) {
            found = type.name;
          }
        },
      }),
    );
    return found;
  }
}
