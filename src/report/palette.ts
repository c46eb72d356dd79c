// Colour-blind-safe palettes and the option defaults every chart shares (no animation: deterministic, printable).

/** Okabe & Ito (2008) colour-blind-safe qualitative palette; yellow last (it is faint as a line on white). */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#000000', '#F0E442'];
/** Viridis, 9 stops, for sequential scales (perceptually uniform, prints in grey). */
export const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

/** A number format revived in the page (html.ts INIT): the value, or value[index], with `digits` decimals. */
export function fixedFormat(digits: number, index?: number): Record<string, unknown> {
  return index === undefined ? { $fmt: 'fixed', digits } : { $fmt: 'fixed', digits, index };
}

export function baseOption(extra: Record<string, unknown>): Record<string, unknown> {
  const tooltip = { trigger: 'item', confine: true, valueFormatter: fixedFormat(4), ...((extra.tooltip as object) ?? {}) };
  return {
    animation: false,
    color: OKABE_ITO,
    textStyle: { fontFamily: 'Noto Sans, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif', fontSize: 12 },
    ...extra,
    tooltip,
  };
}

