/**
 * The one builder of the dashboards' ECharts options: every bar and line chart of the pages is
 * categories against one or two value axes, so the tooltip, legend, grid and axes are decided
 * here once, from what the chart holds (how many series, labels on the bars, a second axis),
 * and a page only says what it draws.
 */
import type { ChartOption } from './chart-panel';

/** One value of a series: a number, a gap (null: never drawn as a zero), or a styled point. */
export type SeriesValue = number | null | { value: number; itemStyle: { color: string } };

export interface SeriesSpec {
  type: 'bar' | 'line';
  /** Shown in the legend and tooltip; a chart of one unnamed series has no legend. */
  name?: string;
  data: SeriesValue[];
  color: string;
  /** Drawn against the second value axis. */
  secondAxis?: boolean;
  /** Series with the same stack are piled up. */
  stack?: string;
  /** Values written on the bars: with this format, or ECharts' own when `true`. */
  labels?: true | ((item: { value: number | null; dataIndex: number }) => string);
  /** Reference lines: a value (`{ value: 0.5, label: '50 %' }`) or a category (`at: '2019'`). */
  marks?: { value?: number; at?: string; label: string }[];
}

export interface ValueAxisSpec {
  format?: (value: number) => string;
  name?: string;
  min?: number;
  max?: number;
}

export interface CategoryChartSpec {
  /** `columns`: categories along the bottom; `bars`: categories down the side, read top first. */
  orientation: 'columns' | 'bars';
  categories: string[];
  series: SeriesSpec[];
  /** The value axis, and a second one for charts of two measures. */
  valueAxes?: [ValueAxisSpec] | [ValueAxisSpec, ValueAxisSpec];
  /** A long legend (many series) needs more room above the drawing. */
  legendRows?: 1 | 2;
}

export function categoryChartOption(spec: CategoryChartSpec): ChartOption {
  const legend = spec.series.length > 1 || spec.series.some((series) => series.name);
  const labelled = spec.series.some((series) => series.labels);
  const columns = spec.orientation === 'columns';
  const categoryAxis = columns
    ? { type: 'category', data: spec.categories }
    : { type: 'category', data: spec.categories, inverse: true };
  const valueAxes = (spec.valueAxes ?? [{}]).map((axis) => ({
    type: 'value',
    ...(axis.name === undefined ? {} : { name: axis.name }),
    ...(axis.min === undefined ? {} : { min: axis.min }),
    ...(axis.max === undefined ? {} : { max: axis.max }),
    ...(axis.format ? { axisLabel: { formatter: axis.format } } : {}),
  }));
  const valueAxis = valueAxes.length === 1 ? valueAxes[0] : valueAxes;
  return {
    tooltip: legend ? { trigger: 'axis' } : {},
    ...(legend ? { legend: { top: 0 } } : {}),
    grid: {
      left: 8,
      right: !columns && labelled ? 48 : columns ? 16 : 24,
      top: legend ? (spec.legendRows === 2 ? 56 : 40) : columns && labelled ? 24 : 16,
      bottom: 8,
      containLabel: true,
    },
    xAxis: columns ? categoryAxis : valueAxis,
    yAxis: columns ? valueAxis : categoryAxis,
    series: spec.series.map((series) => seriesOption(series, columns)),
  };
}

function seriesOption(series: SeriesSpec, columns: boolean): Record<string, unknown> {
  const option: Record<string, unknown> = {
    type: series.type,
    data: series.data,
    itemStyle: { color: series.color },
  };
  if (series.name !== undefined) option.name = series.name;
  if (series.secondAxis) option.yAxisIndex = 1;
  if (series.stack) option.stack = series.stack;
  if (series.labels) {
    const format = series.labels;
    option.label = {
      show: true,
      position: columns ? 'top' : 'right',
      ...(format === true
        ? {}
        : {
            formatter: (item: { value: number | null; dataIndex: number }) =>
              item.value === null ? '—' : format(item),
          }),
    };
  }
  if (series.marks?.length) {
    option.markLine = {
      symbol: 'none',
      lineStyle: { type: 'dashed', color: '#333' },
      data: series.marks.map((mark) =>
        mark.at === undefined
          ? { yAxis: mark.value, label: { formatter: mark.label } }
          : { xAxis: mark.at, label: { formatter: mark.label, position: 'insideEndTop' } },
      ),
    };
  }
  return option;
}

/** Horizontal bars of one series, each labelled with its value. */
export function barOption(
  labels: string[],
  values: (number | null)[],
  format: (value: number) => string,
  color: string,
): ChartOption {
  return categoryChartOption({
    orientation: 'bars',
    categories: labels,
    valueAxes: [{ format }],
    series: [{ type: 'bar', data: values, color, labels: (item) => format(item.value!) }],
  });
}
