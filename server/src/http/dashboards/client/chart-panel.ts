/**
 * One chart of a page, always with its three companions: "voir la requête" (the operation in
 * the playground), "télécharger les données (CSV)" (the chart's rows) and an accessible data
 * table with the same rows. A chart whose data is confidential to the caller shows a notice
 * instead of a drawing of zeros.
 *
 * ECharts through `echarts/core` with only the charts and components used (tree-shaken) and
 * its SVG renderer: the drawing is part of the DOM, scales cleanly on phones, and its `aria`
 * component adds a description on top of ours.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

import { type Cell, csvText, downloadCsv, rawCell } from './csv';
import type { I18n } from './i18n';

echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export interface Column {
  label: string;
  /** How the table shows a raw cell (the CSV keeps the raw value). */
  format?: (cell: Cell) => string;
}

export interface OperationRef {
  /** The operation's file text (what the SDK sends). */
  document: string;
  variables?: Record<string, unknown>;
}

export interface ChartSpec {
  /** Stable id: the CSV file name and the test's handle. */
  id: string;
  title: string;
  /** The text alternative: what the chart shows. */
  description: string;
  operation: OperationRef;
  columns: Column[];
  rows: Cell[][];
  /** Null when there is nothing to draw (no rows, or a notice). */
  option: ChartOption | null;
  /** Drawing height in pixels. */
  height?: number;
  /** Shown instead of the chart: e.g. the data is confidential for the caller. */
  notice?: string;
  /** Notes under the chart. */
  notes?: string[];
  /** A click on a data point (e.g. a pole → its profile). */
  onClick?: (params: {
    dataIndex: number;
    seriesIndex?: number;
    name?: string;
    value?: unknown;
  }) => void;
  /** A drawing of our own (the region tiles) instead of ECharts. */
  custom?: HTMLElement;
  /** Links per table row (first column), so everything a click does is also a keyboard link. */
  rowLinks?: (string | null)[];
}

export interface PanelContext {
  i18n: I18n;
  playgroundUrl: string | null;
  /** Charts of the current page, disposed before the next one renders. */
  charts: echarts.ECharts[];
  /** Drawings to make once the page is in the document (`drawPending`). */
  pendingDrawings: (() => void)[];
}

export function drawPending(context: PanelContext): void {
  for (const draw of context.pendingDrawings.splice(0)) draw();
}

let panelCount = 0;

export function renderPanel(context: PanelContext, spec: ChartSpec): HTMLElement {
  const { i18n } = context;
  panelCount += 1;
  const headingId = `chart-title-${panelCount}`;
  const section = element('section', { class: 'panel', 'data-chart': spec.id });
  section.setAttribute('aria-labelledby', headingId);
  section.append(element('h2', { id: headingId }, spec.title));

  const actions = element('div', { class: 'panel-actions' });
  actions.append(queryLink(context, spec.operation));
  const csvButton = element('button', { type: 'button', class: 'csv' }, i18n.t('downloadCsv'));
  csvButton.addEventListener('click', () =>
    downloadCsv(
      `${spec.id}.csv`,
      csvText(
        spec.columns.map((column) => column.label),
        spec.rows,
        i18n.lang,
      ),
    ),
  );
  actions.append(csvButton);
  section.append(actions);

  if (spec.notice) {
    section.append(element('p', { class: 'notice', role: 'note' }, spec.notice));
  }
  if (spec.custom) {
    section.append(spec.custom);
  } else if (spec.option && !spec.notice) {
    const drawing = element('div', {
      class: 'chart',
      role: 'img',
      'aria-label': `${spec.title}. ${spec.description}`,
    });
    drawing.style.height = `${spec.height ?? 320}px`;
    section.append(drawing);
    // Drawn once the page is in the document, so ECharts measures its real width.
    context.pendingDrawings.push(() => {
      const chart = echarts.init(drawing, null, { renderer: 'svg' });
      chart.setOption({
        aria: { enabled: true, label: { description: `${spec.title}. ${spec.description}` } },
        animation: false,
        textStyle: { fontFamily: 'system-ui, sans-serif' },
        ...spec.option,
        xAxis: withoutOverlap(spec.option?.xAxis),
        yAxis: withoutOverlap(spec.option?.yAxis),
      });
      if (spec.onClick) chart.on('click', (params) => spec.onClick?.(params as never));
      context.charts.push(chart);
    });
  }
  for (const note of spec.notes ?? []) section.append(element('p', { class: 'note' }, note));
  section.append(dataTable(context, spec));
  return section;
}

function queryLink(context: PanelContext, operation: OperationRef): HTMLElement {
  const { i18n } = context;
  if (context.playgroundUrl) {
    const url = new URL(context.playgroundUrl, window.location.href);
    url.searchParams.set('query', operation.document);
    if (operation.variables)
      url.searchParams.set('variables', JSON.stringify(operation.variables, null, 2));
    return element(
      'a',
      { href: url.pathname + url.search, class: 'query-link' },
      i18n.t('showQuery'),
    );
  }
  // Without the playground (PLAYGROUND=off), the operation's text is shown in place.
  const details = element('details', { class: 'query-text' });
  details.append(element('summary', {}, i18n.t('showQuery')));
  const text = operation.variables
    ? `${operation.document}\n# variables: ${JSON.stringify(operation.variables)}`
    : operation.document;
  details.append(element('pre', {}, text));
  return details;
}

/**
 * The chart's data table, closed under its summary and built when first opened: the Sélection
 * page's table has 880 rows, and building every page's tables up front delayed the charts.
 */
function dataTable(context: PanelContext, spec: ChartSpec): HTMLElement {
  const { i18n } = context;
  const details = element('details', { class: 'data-table' });
  details.append(element('summary', {}, `${i18n.t('dataTable')} (${spec.rows.length})`));
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(tableOf(context, spec));
  });
  return details;
}

function tableOf(context: PanelContext, spec: ChartSpec): HTMLElement {
  const { i18n } = context;
  const wrapper = element('div', { class: 'table-scroll', tabindex: '0' });
  wrapper.setAttribute('aria-label', `${i18n.t('dataTable')}${i18n.t('colon')}${spec.title}`);
  const table = element('table');
  table.append(element('caption', {}, spec.title));
  const head = element('thead');
  const headRow = element('tr');
  for (const column of spec.columns) headRow.append(element('th', { scope: 'col' }, column.label));
  head.append(headRow);
  table.append(head);
  const body = element('tbody');
  spec.rows.forEach((row, rowIndex) => {
    const tr = element('tr');
    row.forEach((cell, columnIndex) => {
      const shown =
        spec.columns[columnIndex]?.format?.(cell) ?? (cell === null ? '—' : String(cell));
      const td = element(columnIndex === 0 ? 'th' : 'td', { 'data-raw': rawCell(cell, i18n.lang) });
      if (columnIndex === 0) td.setAttribute('scope', 'row');
      const link = columnIndex === 0 ? spec.rowLinks?.[rowIndex] : null;
      if (link) td.append(element('a', { href: link }, shown));
      else td.textContent = shown;
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(body);
  wrapper.append(table);
  return wrapper;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function disposeCharts(context: PanelContext): void {
  for (const chart of context.charts.splice(0)) chart.dispose();
}

export function resizeCharts(context: PanelContext): void {
  for (const chart of context.charts) chart.resize();
}

/** An accessible palette (Okabe–Ito), distinguishable with the common colour blindnesses. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  '#999999',
];

/** Text for ECharts' HTML tooltips: the API's names are data, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Axis labels that would overlap (a phone's narrow charts) are left out rather than piled up. */
function withoutOverlap(axis: unknown): unknown {
  if (Array.isArray(axis)) return axis.map(withoutOverlap);
  if (!axis || typeof axis !== 'object') return axis;
  const labels = (axis as { axisLabel?: object }).axisLabel ?? {};
  return { ...axis, axisLabel: { hideOverlap: true, ...labels } };
}
