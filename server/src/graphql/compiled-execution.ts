import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  printSchema,
  type SelectionSetNode,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

import type { Logger } from '../observability/logger';
import { CompilationPolicy, NOT_COMPILABLE } from './compilation-policy';
import { JitCompatibility } from './jit-compatibility';

export interface CompiledExecutionOptions {
  schema: GraphQLSchema;
  /** `GRAPHQL_JIT`: off, every operation runs with graphql-js `execute`. */
  enabled: boolean;
  /** `GRAPHQL_JIT_CACHE_SIZE`: compiled documents kept (and documents remembered as seen once). */
  cacheSize: number;
  logger: Logger;
}

/** How operations were executed since the server started (tests and diagnostics read it). */
export interface ExecutionCounts {
  /** Runs through graphql-js `execute`. */
  interpreted: number;
  /** Runs of a query compiled by graphql-jit. */
  compiled: number;
  /** Documents compiled. */
  compilations: number;
  /** Documents graphql-jit could not compile (they run with graphql-js). */
  notCompilable: number;
}

/**
 * Runs queries compiled by graphql-jit, which completes fields several times faster than
 * graphql-js on large answers (issue 13). Apollo Server 5 has no `executor` option: its gateway
 * interface is the one seam where a server decides how a parsed and validated document runs,
 * so this is a "gateway" over our own schema. Everything before execution (parsing, validation,
 * the plugins' hooks, `executionDidStart`/`executionDidEnd`) and after it (error formatting,
 * BAD_USER_INPUT, status codes) stays Apollo's.
 *
 * graphql-js still runs: every document's first run (compiling costs more than one run), mutations
 * (run once each, root fields in series), introspection, documents graphql-jit cannot run
 * correctly (see jit-compatibility.ts: variables of our recursive filter types, `node(id:)`) or
 * fails to compile, and requests whose variables do not coerce (their errors are graphql-js's).
 */
export class CompiledExecution implements GatewayInterface {
  private readonly policy: CompilationPolicy<CompiledQuery>;
  private readonly compatibility: JitCompatibility;
  private readonly logger: Logger;
  private readonly executionCounts: ExecutionCounts = {
    interpreted: 0,
    compiled: 0,
    compilations: 0,
    notCompilable: 0,
  };

  constructor(private readonly options: CompiledExecutionOptions) {
    this.policy = new CompilationPolicy(options.cacheSize);
    this.compatibility = new JitCompatibility(options.schema);
    this.logger = options.logger.child({ component: 'graphql-jit' });
  }

  get counts(): Readonly<ExecutionCounts> {
    return { ...this.executionCounts };
  }

  // The schema never changes while the process runs: Apollo is told of it once, at once (it must
  // know it before `load` resolves).
  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    callback({
      apiSchema: this.options.schema,
      coreSupergraphSdl: printSchema(this.options.schema),
    });
    return () => {};
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    return { executor: (request) => this.execute(request) };
  }

  async stop(): Promise<void> {}

  private async execute(request: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const { document, operation, queryHash } = request;
    const operationName = request.request.operationName;
    // No operation: the name sent is not in the document. graphql-js answers that, in the
    // words Apollo turns into a 400.
    if (
      !this.options.enabled ||
      !operation ||
      operation.operation !== 'query' ||
      asksForIntrospection(operation.selectionSet, document)
    ) {
      return this.interpret(request);
    }
    const key = `${queryHash}:${operationName ?? ''}`;
    const plan = this.policy.plan(key);
    let query: CompiledQuery;
    if (plan.kind === 'compiled') {
      query = plan.query;
    } else if (plan.kind === 'compile') {
      const compiled = this.compile(key, document, operationName);
      if (!compiled) return this.interpret(request);
      query = compiled;
    } else {
      return this.interpret(request);
    }

    const variables = request.request.variables ?? {};
    // graphql-jit coerces variables with its own code and messages, on errors that carry no
    // nodes (Apollo would no longer recognise them as BAD_USER_INPUT): graphql-js answers
    // requests with bad variables, as it did before.
    if (operation.variableDefinitions?.length) {
      const coerced = getVariableValues(
        this.options.schema,
        operation.variableDefinitions,
        variables,
      );
      if (coerced.errors) return this.interpret(request);
    }
    const result = await query.query(undefined, request.context, variables);
    // Nothing ran (graphql-jit refused variables graphql-js accepted): graphql-js decides.
    if (result.data === undefined && result.errors?.length) return this.interpret(request);
    this.executionCounts.compiled++;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  }

  private interpret(request: GatewayGraphQLRequestContext): Promise<ExecutionResult> {
    this.executionCounts.interpreted++;
    // What Apollo runs without a gateway (graphql 16 has no incremental delivery).
    return Promise.resolve(
      execute({
        schema: this.options.schema,
        document: request.document,
        contextValue: request.context,
        variableValues: request.request.variables,
        operationName: request.request.operationName,
      }),
    );
  }

  private compile(
    key: string,
    document: DocumentNode,
    operationName: string | undefined,
  ): CompiledQuery | null {
    const incompatibility = this.compatibility.reasonNotToCompile(document);
    let compiled: CompiledQuery | ExecutionResult | null = null;
    let failure: unknown = null;
    if (!incompatibility) {
      try {
        // Leaves serialised by the schema's scalars, the answer serialised by Apollo: the same
        // JSON as graphql-js (graphql-jit's own serializer would bypass Apollo's).
        compiled = compileQuery(this.options.schema, document, operationName);
      } catch (error) {
        failure = error;
      }
    }
    if (compiled && isCompiledQuery(compiled)) {
      this.executionCounts.compilations++;
      this.policy.remember(key, compiled);
      this.logger.debug({ operation: operationName ?? null }, 'compiled a document');
      return compiled;
    }
    this.executionCounts.notCompilable++;
    this.policy.remember(key, NOT_COMPILABLE);
    // Logged once per document (it is remembered); a known limit of graphql-jit only at debug.
    if (incompatibility) {
      this.logger.debug(
        { operation: operationName ?? null, reason: incompatibility },
        'graphql-jit is not used for a document; it runs with graphql-js',
      );
    } else {
      const reason =
        failure !== null
          ? String(failure instanceof Error ? failure.message : failure)
          : (compiled?.errors ?? []).map((error) => error.message).join('; ');
      this.logger.warn(
        { operation: operationName ?? null, reason },
        'graphql-jit cannot compile a document; it runs with graphql-js',
      );
    }
    return null;
  }
}

/**
 * The error graphql-js `execute` would have returned for a graphql-jit error: graphql-jit builds
 * its errors without nodes, and with no `extensions` when the thrown error had none, which
 * Apollo's error formatting cannot read.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (error.constructor === GraphQLError) return error;
  const original = error.originalError ?? undefined;
  // graphql-js keeps an error a resolver threw that already knows its path (`locatedError`).
  if (original instanceof GraphQLError && original.path !== undefined) return original;
  const normalised = new GraphQLError(error.message, { path: error.path, originalError: original });
  // Same positions as graphql-js gives from the nodes it keeps.
  return Object.assign(normalised, { locations: error.locations });
}

/** Whether the operation reads `__schema` or `__type` at its root (through fragments). */
function asksForIntrospection(selectionSet: SelectionSetNode, document: DocumentNode): boolean {
  const seen = new Set<string>();
  const search = (selections: SelectionSetNode): boolean =>
    selections.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        return selection.name.value === '__schema' || selection.name.value === '__type';
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return search(selection.selectionSet);
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (definition) =>
          definition.kind === Kind.FRAGMENT_DEFINITION &&
          definition.name.value === selection.name.value,
      );
      return fragment?.kind === Kind.FRAGMENT_DEFINITION && search(fragment.selectionSet);
    });
  return search(selectionSet);
}
