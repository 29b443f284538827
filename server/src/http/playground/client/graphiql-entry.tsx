/**
 * The browser side of the playground, bundled by `scripts/build-playground.mjs` into
 * `dist/playground/assets/graphiql.{js,css}` so the page needs no other host.
 *
 * Around GraphiQL: one token for the whole page (every tab sends it) with a "signed in as"
 * indicator from the `viewer` query; the explorer plugin; an example catalogue grouped by
 * audience; the cost of an operation before it runs (a dry run) and after; and "copy as curl" /
 * "copy as SDK code".
 */
import 'graphiql/graphiql.css';
import '@graphiql/plugin-explorer/dist/style.css';
import './playground-page.css';

import { explorerPlugin } from '@graphiql/plugin-explorer';
import { type GraphiQLPlugin, ToolbarButton, useEditorContext } from '@graphiql/react';
import { createGraphiQLFetcher, createLocalStorage } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { Kind, parse } from 'graphql';
import { createClient as createWebSocketClient } from 'graphql-ws';
import { type FormEvent, StrictMode, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';

import type { PlaygroundSettings } from '../playground.settings';

type Example = PlaygroundSettings['examples'][number];

function readSettings(): PlaygroundSettings {
  const element = document.getElementById('playground-settings');
  if (!element?.textContent) throw new Error('The page carries no #playground-settings');
  return JSON.parse(element.textContent) as PlaygroundSettings;
}

/** A value the page's components share, re-rendering those that read it when it changes. */
function createStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function useStore<T>(store: ReturnType<typeof createStore<T>>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}

interface Viewer {
  role: string;
  tokenName: string | null;
  scope: { kind: string; code: string; name: string } | null;
}

interface CostFigures {
  requestedQueryCost?: number;
  actualQueryCost?: number;
  currentlyAvailable?: number;
  maximumAvailable?: number;
}

/** The page's token: kept in memory only, sent by every tab. */
const tokenStore = createStore('');
const viewerStore = createStore<{ viewer?: Viewer; error?: string }>({});
const costStore = createStore<{
  estimate?: CostFigures;
  estimateError?: string;
  last?: CostFigures;
}>({});
const snippetStore = createStore<{ label: string; text: string; copied: boolean } | null>(null);

function authorizationHeaders(): Record<string, string> {
  const token = tokenStore.get();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Sends a GraphQL body to the endpoint with the page's token; resolves with the JSON answer. */
async function postGraphQL(endpoint: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...authorizationHeaders(),
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

function firstErrorMessage(answer: Record<string, unknown>): string | undefined {
  const errors = answer.errors as { message: string }[] | undefined;
  return errors?.[0]?.message;
}

async function refreshViewer(endpoint: string): Promise<void> {
  try {
    const answer = await postGraphQL(endpoint, {
      query: 'query PlaygroundViewer { viewer { role tokenName scope { kind code name } } }',
    });
    const viewer = (answer.data as { viewer?: Viewer } | null)?.viewer;
    viewerStore.set(viewer ? { viewer } : { error: firstErrorMessage(answer) ?? 'No answer' });
  } catch (error) {
    viewerStore.set({ error: (error as Error).message });
  }
}

/** "signed in as REGION_OFFICER, region 84 Auvergne-Rhône-Alpes" */
function describeViewer(viewer: Viewer): string {
  if (viewer.role === 'ANONYMOUS') return 'Anonymous: public data only';
  const scope = viewer.scope
    ? `, ${viewer.scope.kind.toLowerCase()} ${viewer.scope.code} ${viewer.scope.name}`
    : '';
  return `Signed in as ${viewer.role}${scope}${viewer.tokenName ? ` (token “${viewer.tokenName}”)` : ''}`;
}

function SessionBar({ endpoint }: { endpoint: string }) {
  const [draft, setDraft] = useState('');
  const token = useStore(tokenStore);
  const { viewer, error } = useStore(viewerStore);
  const { estimate, estimateError, last } = useStore(costStore);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    tokenStore.set(draft.trim());
    setDraft('');
    void refreshViewer(endpoint);
  };
  const signOut = () => {
    tokenStore.set('');
    void refreshViewer(endpoint);
  };
  return (
    <div className="playground-session">
      <form onSubmit={submit} className="playground-token-form">
        <label>
          Token{' '}
          <input
            type="password"
            name="token"
            autoComplete="off"
            placeholder="pg_…"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </label>
        <button type="submit">Use for every tab</button>
        {token ? (
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        ) : null}
      </form>
      <span className="playground-viewer" role="status" data-role={viewer?.role ?? ''}>
        {error ? `Token refused: ${error}` : viewer ? describeViewer(viewer) : 'Checking…'}
      </span>
      <span className="playground-cost" role="status">
        {estimateError
          ? `Cost estimate failed: ${estimateError}`
          : estimate?.requestedQueryCost !== undefined
            ? `Estimated cost: ${estimate.requestedQueryCost} points`
            : null}
        {last?.requestedQueryCost !== undefined
          ? ` · Last run: ${last.actualQueryCost ?? last.requestedQueryCost} points, ${last.currentlyAvailable ?? '?'}/${last.maximumAvailable ?? '?'} left`
          : null}
      </span>
    </div>
  );
}

/** The current tab's operation, as the toolbar buttons send or copy it. */
function useCurrentOperation() {
  const { queryEditor, variableEditor } = useEditorContext({ nonNull: true });
  return () => {
    const query = queryEditor?.getValue() ?? '';
    const variablesText = variableEditor?.getValue()?.trim() ?? '';
    let variables: Record<string, unknown> | undefined;
    try {
      variables = variablesText
        ? (JSON.parse(variablesText) as Record<string, unknown>)
        : undefined;
    } catch {
      variables = undefined;
    }
    const operationName = operationNameFor(query, queryEditor?.operationName ?? undefined);
    return { query, variables, operationName };
  };
}

/**
 * The operation to send: the editor's choice while the document still holds it, otherwise the
 * document's only operation. GraphiQL updates its choice some time after the text changes (an
 * example opened, a new tab), and a request naming an operation the document lacks is refused.
 */
function operationNameFor(query: string, chosen: string | undefined): string | undefined {
  let names: (string | undefined)[];
  try {
    names = parse(query)
      .definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
      .map((definition) => definition.name?.value);
  } catch {
    // Not a document yet: the server says what is wrong with it.
    return chosen;
  }
  if (chosen && names.includes(chosen)) return chosen;
  return names.length === 1 ? names[0] : chosen;
}

function curlCommand(endpoint: string, body: Record<string, unknown>): string {
  const url = new URL(endpoint, window.location.href).href;
  const json = JSON.stringify(body).replace(/'/g, "'\\''");
  return [
    `curl '${url}'`,
    `  -H 'content-type: application/json'`,
    ...(tokenStore.get() ? [`  -H "authorization: Bearer $POLEGRAPH_TOKEN"`] : []),
    `  --data-raw '${json}'`,
  ].join(' \\\n');
}

function sdkCode(endpoint: string, operation: ReturnType<ReturnType<typeof useCurrentOperation>>) {
  const url = new URL(endpoint, window.location.href).href;
  const name = operation.operationName ?? 'Operation';
  const variables = operation.variables ? `, ${JSON.stringify(operation.variables, null, 2)}` : '';
  return `import { createClient, graphql } from '@polegraph/client';

const client = createClient({ url: '${url}', token: process.env.POLEGRAPH_TOKEN });

const ${name} = graphql(\`
${operation.query.trim().replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}
\`);

const data = await client.request(${name}${variables});
console.log(data);
`;
}

async function copy(label: string, text: string) {
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    // No clipboard permission (an insecure page, a headless browser): the text is shown below.
  }
  snippetStore.set({ label, text, copied });
}

function createToolbar(endpoint: string) {
  return function PlaygroundToolbar() {
    const currentOperation = useCurrentOperation();
    const estimate = async () => {
      const operation = currentOperation();
      try {
        const answer = await postGraphQL(endpoint, { ...operation, extensions: { dryRun: true } });
        const cost = (answer.extensions as { cost?: CostFigures } | undefined)?.cost;
        costStore.set({
          ...costStore.get(),
          estimate: cost,
          estimateError: cost ? undefined : (firstErrorMessage(answer) ?? 'no cost in the answer'),
        });
      } catch (error) {
        costStore.set({ ...costStore.get(), estimateError: (error as Error).message });
      }
    };
    return (
      <>
        <ToolbarButton label="Estimate the cost (dry run)" onClick={() => void estimate()}>
          <span className="playground-toolbar-text">Cost</span>
        </ToolbarButton>
        <ToolbarButton
          label="Copy as curl"
          onClick={() => void copy('curl', curlCommand(endpoint, currentOperation()))}
        >
          <span className="playground-toolbar-text">curl</span>
        </ToolbarButton>
        <ToolbarButton
          label="Copy as SDK code"
          onClick={() => void copy('SDK code', sdkCode(endpoint, currentOperation()))}
        >
          <span className="playground-toolbar-text">SDK</span>
        </ToolbarButton>
      </>
    );
  };
}

function SnippetPanel() {
  const snippet = useStore(snippetStore);
  if (!snippet) return null;
  return (
    <section className="playground-snippet" aria-label="Copied snippet">
      <header>
        {snippet.copied ? `Copied as ${snippet.label}` : `${snippet.label} (select and copy)`}
        <button type="button" onClick={() => snippetStore.set(null)}>
          Close
        </button>
      </header>
      <pre>{snippet.text}</pre>
    </section>
  );
}

/** The example catalogue: every example, grouped by audience, with its description. */
function examplesPlugin(examples: Example[]): GraphiQLPlugin {
  const audiences = [...new Set(examples.map((example) => example.audience))];
  function ExamplesPanel() {
    const { addTab, queryEditor } = useEditorContext({ nonNull: true });
    const open = (example: Example) => {
      addTab();
      // The new tab takes over the one query editor on the next render.
      setTimeout(() => queryEditor?.setValue(example.query), 0);
    };
    return (
      <div className="playground-examples">
        <div className="graphiql-doc-explorer-title">Examples</div>
        {audiences.map((audience) => (
          <section key={audience} aria-label={audience}>
            <h3>{audience}</h3>
            <ul>
              {examples
                .filter((example) => example.audience === audience)
                .map((example) => (
                  <li key={example.title}>
                    <button type="button" onClick={() => open(example)}>
                      {example.title}
                    </button>
                    <p>{example.description}</p>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    );
  }
  return {
    title: 'Examples',
    icon: () => (
      <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">
        <path fill="currentColor" d="M4 4h16v2H4zm0 5h16v2H4zm0 5h10v2H4zm0 5h10v2H4z" />
      </svg>
    ),
    content: ExamplesPanel,
  };
}

function mountPlayground(): void {
  const container = document.getElementById('graphiql');
  if (!container) throw new Error('The page has no #graphiql element');
  const settings = readSettings();
  const fetcher = createGraphiQLFetcher({
    url: settings.endpoint,
    // Subscriptions go over graphql-ws on the same path, with the page's token at connection.
    wsClient: createWebSocketClient({
      url: new URL(settings.endpoint, window.location.href).href.replace(/^http/, 'ws'),
      lazy: true,
      connectionParams: () => {
        const token = tokenStore.get();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    }),
    // Every tab's request carries the page's token (a tab's own Authorization header wins),
    // and the cost the server reports after running it is shown.
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      const token = tokenStore.get();
      if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
      const response = await fetch(input, { ...init, headers });
      void response
        .clone()
        .json()
        .then((answer: { extensions?: { cost?: CostFigures } }) => {
          if (answer?.extensions?.cost && !String(init?.body ?? '').includes('IntrospectionQuery'))
            costStore.set({ ...costStore.get(), last: answer.extensions.cost });
        })
        .catch(() => undefined);
      return response;
    },
  });
  const examples = examplesPlugin(settings.examples);
  const explorer = explorerPlugin({ showAttribution: false });
  const Toolbar = createToolbar(settings.endpoint);

  const session = document.getElementById('playground-session');
  if (session) createRoot(session).render(<SessionBar endpoint={settings.endpoint} />);
  void refreshViewer(settings.endpoint);

  // `?query=…&variables=…` (the dashboards' "voir la requête") opens that operation in a tab.
  const linked = new URLSearchParams(window.location.search);
  const linkedQuery = linked.get('query') ?? undefined;
  const linkedVariables = linked.get('variables') ?? undefined;

  container.textContent = '';
  createRoot(container).render(
    <StrictMode>
      <GraphiQL
        fetcher={fetcher}
        defaultTabs={settings.tabs.length > 0 ? settings.tabs : undefined}
        query={linkedQuery}
        variables={linkedVariables}
        storage={createLocalStorage({ namespace: settings.storageNamespace })}
        plugins={[examples, explorer]}
        visiblePlugin={examples}
        toolbar={{ additionalComponent: Toolbar }}
        defaultEditorToolsVisibility="variables"
        isHeadersEditorEnabled
        // Headers typed in a tab must not outlive the page in localStorage.
        shouldPersistHeaders={false}
        showPersistHeadersSettings={false}
      >
        <GraphiQL.Logo>PoleGraph</GraphiQL.Logo>
        <GraphiQL.Footer>
          <SnippetPanel />
        </GraphiQL.Footer>
      </GraphiQL>
    </StrictMode>,
  );
}

mountPlayground();
