/**
 * The browser side of the playground, bundled by `scripts/build-playground.mjs` into
 * `dist/playground/assets/graphiql.{js,css}` so the page needs no other host.
 */
import 'graphiql/graphiql.css';
import './playground-page.css';

import { createGraphiQLFetcher, createLocalStorage } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import type { PlaygroundSettings } from '../playground.settings';

function readSettings(): PlaygroundSettings {
  const element = document.getElementById('playground-settings');
  if (!element?.textContent) throw new Error('The page carries no #playground-settings');
  return JSON.parse(element.textContent) as PlaygroundSettings;
}

function mountGraphiQL(): void {
  const container = document.getElementById('graphiql');
  if (!container) throw new Error('The page has no #graphiql element');
  const settings = readSettings();
  const fetcher = createGraphiQLFetcher({ url: settings.endpoint });
  container.textContent = '';
  createRoot(container).render(
    <StrictMode>
      <GraphiQL
        fetcher={fetcher}
        defaultTabs={settings.tabs.length > 0 ? settings.tabs : undefined}
        storage={createLocalStorage({ namespace: settings.storageNamespace })}
        // Open on the Headers tab, where the banner says to paste a token.
        defaultEditorToolsVisibility="headers"
        isHeadersEditorEnabled
        // A token must not outlive the page in localStorage.
        shouldPersistHeaders={false}
        showPersistHeadersSettings={false}
      >
        <GraphiQL.Logo>PoleGraph</GraphiQL.Logo>
      </GraphiQL>
    </StrictMode>,
  );
}

mountGraphiQL();
