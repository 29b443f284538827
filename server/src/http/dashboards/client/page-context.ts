import type { Answers } from './api';
import type { PanelContext } from './chart-panel';
import { element } from './chart-panel';

export type PageName = 'selection' | 'regions' | 'tendances' | 'pole' | 'membres';

export interface PageContext extends PanelContext {
  /** The dashboards' operations, each answered once per session and variables. */
  answers: Answers;
  /** The page's filters, from the query string. */
  params: URLSearchParams;
  main: HTMLElement;
  /** A link to a page with these filters (the language is kept). */
  href(page: PageName, params?: Record<string, string | null | undefined>): string;
  /** Changes this page's filters: a new URL (history entry) and a new rendering. */
  setParams(changes: Record<string, string | null>): void;
  /** Goes to a link made by `href`. */
  go(url: string): void;
}

/** A labelled <select> of a filter; choosing an option changes the URL. */
export function filterSelect(
  context: PageContext,
  name: string,
  label: string,
  options: { value: string; label: string }[],
  selected: string,
): HTMLElement {
  const wrapper = element('label', { class: 'filter' });
  wrapper.append(element('span', {}, label));
  const select = element('select', { name });
  for (const option of options) {
    const node = element('option', { value: option.value }, option.label);
    if (option.value === selected) node.selected = true;
    select.append(node);
  }
  select.addEventListener('change', () => context.setParams({ [name]: select.value || null }));
  wrapper.append(select);
  return wrapper;
}

export function filterBar(context: PageContext, ...filters: HTMLElement[]): HTMLElement {
  const form = element('form', { class: 'filters', role: 'search' });
  form.setAttribute('aria-label', context.i18n.t('filters'));
  form.addEventListener('submit', (event) => event.preventDefault());
  form.append(...filters);
  return form;
}

export function heading(text: string): HTMLElement {
  return element('h1', { id: 'page-title', tabindex: '-1' }, text);
}
