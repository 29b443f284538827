/**
 * A heat map drawn as an HTML grid (WAI-ARIA grid pattern): one row per item, one column per
 * measure, each cell coloured and marked with a symbol (colour is never the only signal).
 * One cell is in the tab order at a time (roving tabindex): the arrow keys move between cells,
 * Home/End to the row's ends, Ctrl+Home/End to the grid's corners, Page Up/Down by ten rows,
 * and Enter or Space opens the row's link (a pole's profile); a click does the same. A screen
 * reader reads each cell's value, threshold and state.
 */
import { element } from './chart-panel';
import type { PageContext } from './page-context';

export type HeatValue = 'met' | 'unmet' | 'missing' | 'confidential';

export interface HeatCell {
  state: HeatValue;
  /** What the cell says in words (its value against the threshold, and its state). */
  label: string;
}

export interface HeatTableSpec {
  /** The grid's accessible name. */
  label: string;
  columns: { short: string; name: string }[];
  rows: { name: string; detail: string; href: string; cells: HeatCell[] }[];
}

const SYMBOLS: Record<HeatValue, string> = {
  met: '✓',
  unmet: '✗',
  missing: '–',
  confidential: '⊘',
};

const PAGE_ROWS = 10;

export function heatTable(context: PageContext, spec: HeatTableSpec): HTMLElement {
  const { i18n } = context;
  const wrapper = element('div', { class: 'heat' });
  const scroll = element('div', { class: 'heat-scroll' });
  const table = element('table', { role: 'grid', class: 'heat-grid' });
  table.setAttribute('aria-label', spec.label);
  table.setAttribute('aria-rowcount', String(spec.rows.length + 1));
  const head = element('thead');
  const headRow = element('tr');
  headRow.append(element('th', { scope: 'col', class: 'heat-pole' }, i18n.t('pole')));
  for (const column of spec.columns) {
    const th = element('th', { scope: 'col', title: column.name }, column.short);
    th.setAttribute('aria-label', `${column.short}${i18n.t('colon')}${column.name}`);
    headRow.append(th);
  }
  head.append(headRow);
  table.append(head);

  const body = element('tbody');
  const grid: HTMLElement[][] = [];
  spec.rows.forEach((row, y) => {
    const tr = element('tr');
    const rowHeader = element('th', {
      scope: 'row',
      class: 'heat-pole',
      tabindex: '-1',
      title: `${row.name} · ${row.detail}`,
    });
    rowHeader.append(
      element('span', { class: 'heat-name' }, row.name),
      element('span', { class: 'visually-hidden' }, ` · ${row.detail}`),
    );
    const cells: HTMLElement[] = [rowHeader];
    tr.append(rowHeader);
    row.cells.forEach((cell, x) => {
      const column = spec.columns[x];
      const td = element('td', {
        class: `heat-cell heat-${cell.state}`,
        tabindex: '-1',
        title: `${row.name} · ${column?.short ?? ''} ${cell.label}`,
      });
      td.append(
        element('span', { 'aria-hidden': 'true' }, SYMBOLS[cell.state]),
        element('span', { class: 'visually-hidden' }, `${column?.short ?? ''} ${cell.label}`),
      );
      cells.push(td);
      tr.append(td);
    });
    grid.push(cells);
    tr.dataset.href = row.href;
    tr.dataset.y = String(y);
    body.append(tr);
  });
  table.append(body);
  grid[0]?.[1]?.setAttribute('tabindex', '0');

  let current: [number, number] = [0, 1];
  const moveTo = (y: number, x: number, focus = true) => {
    const row = grid[Math.max(0, Math.min(grid.length - 1, y))];
    if (!row) return;
    const target = row[Math.max(0, Math.min(row.length - 1, x))];
    if (!target) return;
    grid[current[0]]?.[current[1]]?.setAttribute('tabindex', '-1');
    target.setAttribute('tabindex', '0');
    current = [grid.indexOf(row), row.indexOf(target)];
    if (focus) target.focus();
  };
  const open = (y: number) => {
    const href = spec.rows[y]?.href;
    if (href) context.go(href);
  };
  table.addEventListener('keydown', (event) => {
    const [y, x] = current;
    const last = (grid[y]?.length ?? 1) - 1;
    const moves: Record<string, () => void> = {
      ArrowRight: () => moveTo(y, x + 1),
      ArrowLeft: () => moveTo(y, x - 1),
      ArrowDown: () => moveTo(y + 1, x),
      ArrowUp: () => moveTo(y - 1, x),
      PageDown: () => moveTo(y + PAGE_ROWS, x),
      PageUp: () => moveTo(y - PAGE_ROWS, x),
      Home: () => (event.ctrlKey ? moveTo(0, 0) : moveTo(y, 0)),
      End: () => (event.ctrlKey ? moveTo(grid.length - 1, last) : moveTo(y, last)),
      Enter: () => open(y),
      ' ': () => open(y),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  });
  table.addEventListener('click', (event) => {
    const cell = (event.target as Element).closest('td, th[scope="row"]');
    const row = cell?.closest('tr');
    if (!cell || !row?.dataset.y) return;
    const y = Number(row.dataset.y);
    moveTo(y, grid[y]?.indexOf(cell as HTMLElement) ?? 0, false);
    open(y);
  });
  // A cell focused by a click or by the tab order becomes the current one.
  table.addEventListener('focusin', (event) => {
    const cell = event.target as HTMLElement;
    const y = Number(cell.closest('tr')?.dataset.y ?? NaN);
    if (Number.isNaN(y)) return;
    const x = grid[y]?.indexOf(cell) ?? -1;
    if (x >= 0) moveTo(y, x, false);
  });

  scroll.append(table);
  wrapper.append(scroll);
  const legend = element('ul', { class: 'heat-legend' });
  legend.setAttribute('aria-label', i18n.t('heat.legend'));
  for (const state of ['met', 'unmet', 'missing', 'confidential'] as const) {
    const item = element('li');
    item.append(
      element(
        'span',
        { class: `heat-swatch heat-${state}`, 'aria-hidden': 'true' },
        SYMBOLS[state],
      ),
      document.createTextNode(i18n.t(`heat.${state}`)),
    );
    legend.append(item);
  }
  wrapper.append(legend);
  return wrapper;
}
