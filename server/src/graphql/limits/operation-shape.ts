import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What the static limits look at, measured once per document and operation. */
export interface OperationShape {
  /** Deepest field nesting: `{ regions { code } }` is 2. */
  depth: number;
  /** Aliased fields, each fragment counted as often as it is spread. */
  aliases: number;
  /** Fields at the root, fragments expanded. */
  rootFields: number;
  /** Selections (fields, fragment spreads, inline fragments) once every fragment is expanded. */
  selections: number;
}

interface Measure {
  depth: number;
  aliases: number;
  fields: number;
  selections: number;
}

const EMPTY: Measure = { depth: 0, aliases: 0, fields: 0, selections: 0 };

/**
 * Measures `operation` of `document`. Each named fragment is measured once, however often it is
 * spread, so a fragment spread twice per level over thirty levels costs thirty steps, not 2^30.
 *
 * Introspection fields (`__schema`, `__type`) count one level: what lies under them is bounded by
 * graphql-js's own MaxIntrospectionDepthRule, and GraphiQL's introspection query nests `ofType`
 * deeper than any data query should.
 */
export function measureOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, Measure>();
  const measuring = new Set<string>();

  /** Depth, aliases, selections and the number of fields at this level, fragments expanded. */
  const measure = (selectionSet: SelectionSetNode): Measure => {
    let depth = 0;
    let aliases = 0;
    let fields = 0;
    let selections = 0;
    for (const selection of selectionSet.selections) {
      selections += 1;
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        fields += 1;
        if (selection.alias) aliases += 1;
        const introspection = selection.name.value.startsWith('__');
        const below = selection.selectionSet ? measure(selection.selectionSet) : EMPTY;
        aliases += below.aliases;
        selections += below.selections;
        depth = Math.max(depth, 1 + (introspection ? 0 : below.depth));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Unknown or cyclic fragments are refused by validation, which runs before this.
        if (!fragment || measuring.has(name)) continue;
        let known = measured.get(name);
        if (!known) {
          measuring.add(name);
          known = measure(fragment.selectionSet);
          measuring.delete(name);
          measured.set(name, known);
        }
        inner = known;
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      fields += inner.fields;
      selections += inner.selections;
    }
    return { depth, aliases, fields, selections };
  };

  const root = measure(operation.selectionSet);
  return {
    depth: root.depth,
    aliases: root.aliases,
    rootFields: root.fields,
    selections: root.selections,
  };
}
