// Generic ECharts option builders used by the section views. Data arrive already read through a Reader (so
// traceable); these only lay out axes, legends and palettes. Category axes use the labels themselves in the data
// (never positional indices), so every number in a series' data is a value from results.json.

import { OKABE_ITO, VIRIDIS, baseOption, fixedFormat } from './palette.js';

export interface LineSeries { name: string; data: (number | null)[]; dashed?: boolean; area?: boolean; color?: string }

export function lineOption(categories: (string | number)[], series: LineSeries[], opts: { yName?: string; xName?: string; yMin?: number | 'dataMin' } = {}): Record<string, unknown> {
  return baseOption({
    tooltip: { trigger: 'axis', confine: true },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 60, right: 30, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: categories.map(String), name: opts.xName, nameLocation: 'middle', nameGap: 26, boundaryGap: false },
    yAxis: { type: 'value', name: opts.yName, scale: opts.yMin === 'dataMin', min: typeof opts.yMin === 'number' ? opts.yMin : undefined },
    series: series.map((s, k) => ({
      type: 'line',
      name: s.name,
      data: s.data,
      showSymbol: categories.length <= 30,
      symbolSize: 5,
      connectNulls: false,
      lineStyle: { width: 2, type: s.dashed ? 'dashed' : k >= OKABE_ITO.length - 1 ? 'dotted' : 'solid', ...(s.color ? { color: s.color } : {}) },
      ...(s.color ? { itemStyle: { color: s.color } } : {}),
      areaStyle: s.area ? { opacity: 0.25 } : undefined,
    })),
  });
}

export function stackedBarOption(categories: (string | number)[], series: { name: string; data: (number | null)[] }[], opts: { yName?: string } = {}): Record<string, unknown> {
  return baseOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0 },
    grid: { left: 60, right: 30, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: categories.map(String) },
    yAxis: { type: 'value', name: opts.yName },
    series: series.map((s) => ({ type: 'bar', name: s.name, stack: 'total', data: s.data, barMaxWidth: 28, emphasis: { focus: 'series' } })),
  });
}

/** Horizontal bars, first item on top. */
export function hbarOption(labels: string[], values: (number | null)[], opts: { name?: string; color?: string } = {}): Record<string, unknown> {
  return baseOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 10, right: 40, top: 10, bottom: 30, containLabel: true },
    xAxis: { type: 'value', name: opts.name, scale: false },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { interval: 0 } },
    series: [{ type: 'bar', name: opts.name ?? '', data: values, itemStyle: { color: opts.color ?? OKABE_ITO[0] }, barMaxWidth: 18, label: { show: labels.length <= 20, position: 'right', fontSize: 10, formatter: fixedFormat(3) } }],
  });
}

export function heatmapOption(xCats: string[], yCats: string[], data: [string, string, number | null][], opts: { min?: number; max?: number; name?: string } = {}): Record<string, unknown> {
  const vals = data.map((d) => d[2]).filter((v): v is number => v !== null);
  return baseOption({
    tooltip: { position: 'top', confine: true },
    grid: { left: 10, right: 20, top: 10, bottom: 70, containLabel: true },
    xAxis: { type: 'category', data: xCats, splitArea: { show: true }, axisLabel: { rotate: xCats.length > 8 ? 40 : 0, interval: 0 } },
    yAxis: { type: 'category', data: yCats, splitArea: { show: true }, axisLabel: { interval: 0 } },
    visualMap: {
      min: opts.min ?? (vals.length ? Math.min(...vals) : 0),
      max: opts.max ?? (vals.length ? Math.max(...vals) : 1),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: VIRIDIS },
      precision: 3,
      text: [opts.name ?? '', ''],
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: xCats.length * yCats.length <= 80, fontSize: 10, color: '#fff', textBorderColor: '#000', textBorderWidth: 2, formatter: fixedFormat(3, 2) },
        tooltip: { formatter: undefined, valueFormatter: fixedFormat(4) },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  });
}

export function radarOption(indicators: { name: string; max: number }[], series: { name: string; value: (number | null)[] }[]): Record<string, unknown> {
  return baseOption({
    tooltip: { trigger: 'item', confine: true },
    legend: { type: 'scroll', bottom: 0 },
    radar: { indicator: indicators, radius: '62%', center: ['50%', '48%'], axisName: { color: '#333' } },
    series: [{ type: 'radar', data: series.map((s) => ({ name: s.name, value: s.value })), symbolSize: 4, lineStyle: { width: 2 } }],
  });
}

export function scatterOption(groups: { name: string; color: string; data: [number | null, number | null, string][] }[], opts: { xName: string; yName: string }): Record<string, unknown> {
  return baseOption({
    tooltip: { trigger: 'item', confine: true, formatter: '{a}: {c}' },
    legend: { top: 0 },
    grid: { left: 60, right: 30, top: 40, bottom: 50 },
    xAxis: { type: 'value', name: opts.xName, nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: { type: 'value', name: opts.yName, nameLocation: 'middle', nameGap: 44, scale: true },
    series: groups.map((g) => ({ type: 'scatter', name: g.name, data: g.data, symbolSize: 8, itemStyle: { color: g.color, borderColor: '#333', borderWidth: 0.5 } })),
  });
}

/** Choropleth of a numeric value (viridis). `nameProperty` is the GeoJSON property that carries the unit id. */
export function choroplethOption(map: string, nameProperty: string, data: { name: string; value: number | null }[], opts: { name?: string; zoom?: number } & MapExtras = {}): Record<string, unknown> {
  const vals = data.map((d) => d.value).filter((v): v is number => v !== null);
  return baseOption({
    tooltip: { trigger: 'item', confine: true },
    visualMap: {
      min: vals.length ? Math.min(...vals) : 0,
      max: vals.length ? Math.max(...vals) : 1,
      calculable: true,
      left: 10,
      bottom: 10,
      inRange: { color: VIRIDIS },
      precision: 3,
      text: [opts.name ?? '', ''],
    },
    series: [{ type: 'map', map, nameProperty, roam: false, zoom: opts.zoom ?? 1, data, itemStyle: { areaColor: '#eeeeee', borderColor: '#999', borderWidth: 0.4 }, emphasis: { label: { show: false } }, ...mapExtras(opts) }],
  });
}

/** Feature renaming and per-region styles of a base map (see report/base-map.ts). */
export interface MapExtras { nameMap?: Record<string, string>; regions?: Record<string, unknown>[] }

function mapExtras(x: MapExtras): MapExtras {
  return { ...(x.nameMap ? { nameMap: x.nameMap } : {}), ...(x.regions ? { regions: x.regions } : {}) };
}

/** Choropleth of categories (colour per item, legend drawn as a graphic). */
export function categoryMapOption(map: string, nameProperty: string, data: { name: string; value: number | null; color: string }[], legend: { label: string; color: string }[], extras: MapExtras = {}): Record<string, unknown> {
  return baseOption({
    tooltip: { trigger: 'item', confine: true },
    graphic: legend.map((l, k) => ({
      type: 'group',
      left: 10,
      bottom: 10 + (legend.length - 1 - k) * 18,
      children: [
        { type: 'rect', shape: { width: 14, height: 12 }, style: { fill: l.color, stroke: '#333', lineWidth: 0.5 } },
        { type: 'text', left: 20, top: -1, style: { text: l.label, fontSize: 11, fill: '#222' } },
      ],
    })),
    series: [{ type: 'map', map, nameProperty, roam: false, data: data.map((d) => ({ name: d.name, value: d.value, itemStyle: { areaColor: d.color } })), itemStyle: { areaColor: '#f4f4f4', borderColor: '#999', borderWidth: 0.4 }, ...mapExtras(extras) }],
  });
}
