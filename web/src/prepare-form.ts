// Preparation steps of the workbench beyond gap filling and derived indicators: deflation to constant prices
// (methods.md A3, core panel/deflate.ts) and the perpetual-inventory capital stock (A5, core panel/capital-stock.ts,
// CLI `xinzhi capital`). The pure part maps the form's choices to evaluation-spec `prepare` steps (used by
// spec-build.ts, tested in test/web/tfp-form.test.ts); the DOM part draws the controls with plain-words notes.
//
// Defaults are the spec's and the CLI's: deflate type level, suffix _real; capital δ = 0.096 (Zhang, Wu & Zhang
// 2004), base steady (K₀ = I₀/(g+δ), g = mean growth of real investment over the first 5 years), deflator type
// level, column name "capital". A step enters the spec only when complete (columns, deflator and base year; an
// investment column); the form says so beside an incomplete step.
// Columns the steps make (x_real, capital) are listed with a role (input, output, undesirable output, indicator)
// so the DEA, Malmquist and growth-accounting selectors and the custom framework can use them.

import type { PrepareStep } from '../../src/core/evaluation/spec.js';
import type { Choices } from './spec-build.js';
import { t, type Lang } from './i18n.js';
import { h, put, field, numberField, textField, columnChecks, noteP, type Opt } from './form-kit.js';

export interface DeflateChoice {
  columns: string[];
  deflator: string;
  /** Base year (prices of this year); the step is left out until it is set. */
  base?: number;
  type: 'level' | 'chain' | 'real';
  /** New column = column + suffix; "" replaces the column. */
  suffix: string;
}

export interface CapitalChoice {
  investment: string;
  /** Investment price index; empty when investment is already in constant prices. */
  deflator: string;
  type: 'level' | 'chain';
  delta: number;
  base: 'steady' | 'ratio';
  name: string;
}

/** Roles a column made by a preparation step can take downstream. */
export type PreparedRole = 'ignore' | 'input' | 'output' | 'undesirable' | 'indicator';

export const DEFLATE_DEFAULTS = { type: 'level', suffix: '_real' } as const;
export const CAPITAL_DEFAULTS = { type: 'level', delta: 0.096, base: 'steady', name: 'capital' } as const;

export function newDeflate(base?: number): DeflateChoice {
  return { columns: [], deflator: '', base, type: DEFLATE_DEFAULTS.type, suffix: DEFLATE_DEFAULTS.suffix };
}

export function newCapital(existing: CapitalChoice[]): CapitalChoice {
  const names = new Set(existing.map((k) => k.name));
  let name: string = CAPITAL_DEFAULTS.name;
  for (let k = 2; names.has(name); k++) name = `${CAPITAL_DEFAULTS.name}${k}`;
  return { investment: '', deflator: '', type: CAPITAL_DEFAULTS.type, delta: CAPITAL_DEFAULTS.delta, base: CAPITAL_DEFAULTS.base, name };
}

export function deflateComplete(d: DeflateChoice): boolean {
  return d.columns.length > 0 && d.deflator !== '' && d.base !== undefined && Number.isInteger(d.base);
}

export function capitalComplete(k: CapitalChoice): boolean {
  return k.investment !== '' && k.name.trim() !== '' && k.delta > 0 && k.delta <= 1;
}

/** The spec steps for the complete deflation and capital steps, deflation first (capital may use a deflated column). */
export function prepareTail(c: Choices): PrepareStep[] {
  const out: PrepareStep[] = [];
  for (const d of c.deflate ?? []) {
    if (!deflateComplete(d)) continue;
    out.push({ deflate: { columns: [...d.columns], deflator: d.deflator, base: d.base!, type: d.type, suffix: d.suffix } });
  }
  for (const k of c.capital ?? []) {
    if (!capitalComplete(k)) continue;
    out.push({ capital: { name: k.name.trim(), investment: k.investment, ...(k.deflator ? { deflator: k.deflator, type: k.type } : {}), delta: k.delta, base: k.base } });
  }
  return out;
}

/** Names of the columns the complete deflation and capital steps add (in step order, without duplicates). */
export function preparedColumns(c: Choices): string[] {
  const out: string[] = [];
  const add = (n: string) => { if (!out.includes(n)) out.push(n); };
  for (const d of c.deflate ?? []) if (deflateComplete(d) && d.suffix !== '') for (const col of d.columns) add(col + d.suffix);
  for (const k of c.capital ?? []) if (capitalComplete(k)) add(k.name.trim());
  return out;
}

/** Prepared columns with the given downstream role. */
export function preparedWith(c: Choices, role: PreparedRole): string[] {
  return preparedColumns(c).filter((n) => (c.preparedRoles?.[n] ?? 'ignore') === role);
}

/** Data columns the deflation and capital steps read (to be gap-filled with the rest when interpolation is on);
 *  columns made by earlier steps are not data columns and are left out. */
export function prepareSources(c: Choices, made: Set<string>): string[] {
  const out: string[] = [];
  const add = (n: string) => { if (n && !made.has(n) && !out.includes(n)) out.push(n); };
  for (const d of c.deflate ?? []) if (deflateComplete(d)) { d.columns.forEach(add); add(d.deflator); }
  for (const k of c.capital ?? []) if (capitalComplete(k)) { add(k.investment); add(k.deflator); }
  return out;
}

// ---------------------------------------------------------------- notes (plain words, zh and en)

export const PREPARE_NOTES: Record<string, { zh: string; en: string }> = {
  deflate: {
    zh: '价格平减：实际值 = 名义值 ÷ (P_t / P_基期)，换算为基期价格；各省用自己的价格指数。新列名 = 原列名 + 后缀（后缀为空则替换原列）。缺少所需年份的指数会报错（可先勾选插补）。',
    en: 'Deflation: real = nominal ÷ (P_t / P_base), in prices of the base year; each unit uses its own index. New column = column + suffix (an empty suffix replaces the column). A missing index year is an error (tick gap filling first).',
  },
  level: { zh: 'level（默认）：任意基期的价格指数（如 1978 = 100），P_t 即指数本身。', en: 'level (default): a price index in any base (e.g. 1978 = 100); P_t is the index itself.' },
  chain: { zh: 'chain：上年 = 100 的环比指数，P_t = P_{t−1}·idx_t/100 向后连乘，向前相除；年份须连续。', en: 'chain: previous year = 100; P_t = P_{t−1}·idx_t/100 going forward, divided going back; years must be consecutive.' },
  real: { zh: 'real：实际（物量）指数 R，实际值 = 基期名义值 × R_t / R_基期。', en: 'real: a real (volume) index R; real = nominal in the base year × R_t / R_base.' },
  capital: {
    zh: '永续盘存法：K_t = (1−δ)K_{t−1} + I_t/P_t，P 为投资价格指数（首年 = 1，资本存量为首年不变价）；每个省从自己有投资的第一年起算。默认 δ = 9.6%（张军、吴桂英、张吉鹏 2004）。',
    en: 'Perpetual inventory: K_t = (1−δ)K_{t−1} + I_t/P_t, P the investment price index (= 1 in the first year, so K is in first-year prices); each unit starts at its own first year with investment. Default δ = 9.6% (Zhang, Wu & Zhang 2004).',
  },
  steady: { zh: 'steady（默认）：K₀ = I₀/(g+δ)，g 为前 5 年实际投资的平均几何增长率（Hall & Jones 1999 的稳态法）。', en: 'steady (default): K₀ = I₀/(g+δ), g the mean geometric growth of real investment over the first 5 years (Hall & Jones 1999 steady state).' },
  ratio: { zh: 'ratio：K₀ = I₀/10%（张军等 2004，沿用 Young 2000）。', en: 'ratio: K₀ = I₀/10% (Zhang et al. 2004, following Young 2000).' },
  roles: {
    zh: '准备步骤生成的列可用作投入、期望产出、非期望产出（DEA、Malmquist、增长核算）或指标（自定义指标体系）。原始名义列仍按“数据”页的角色使用；若用实际值替代，请把原列设为“不使用”。',
    en: 'Columns made by the preparation can be inputs, outputs or undesirable outputs (DEA, Malmquist, growth accounting) or indicators (custom framework). The nominal columns keep their roles from the Data tab; set them to “not used” when the real column replaces them.',
  },
};

// ---------------------------------------------------------------- DOM

export interface FormEnv {
  c: Choices;
  lang: Lang;
  /** Numeric data columns, in table order. */
  numeric: string[];
  /** A first-year guess for the base year of a new deflation step. */
  firstYear?: number;
  /** Regenerate the spec and re-render. */
  change: () => void;
}

/** Controls for the deflation and capital steps, appended to the Preparation fieldset. */
export function prepareControls(env: FormEnv): HTMLElement {
  const { c, lang, change } = env;
  const L = (k: Parameters<typeof t>[1]) => t(lang, k);
  c.deflate ??= [];
  c.capital ??= [];
  const root = h('div', { class: 'prep-steps', id: 'prep-steps' });
  const colOpts = (cols: string[], none?: string): Opt[] => [...(none !== undefined ? [['', none] as Opt] : [['', '—'] as Opt]), ...cols.map((n) => [n, n] as Opt)];

  c.deflate.forEach((d, k) => {
    const id = `deflate-${k}`;
    const box = h('div', { class: 'step', id, role: 'group', 'aria-label': `${L('p_deflate')} ${k + 1}` },
      h('h4', {}, `${L('p_deflate')} ${k + 1}`),
      columnChecks(`${id}-col`, L('p_deflateCols'), env.numeric.filter((n) => n !== d.deflator), d.columns, (v) => { d.columns = v; change(); }),
      h('div', { class: 'frow' },
        field(`${id}-deflator`, L('p_deflator'), d.deflator, colOpts(env.numeric.filter((n) => !d.columns.includes(n))), (v) => { d.deflator = v; change(); }),
        numberField(`${id}-base`, L('p_baseYear'), d.base, (v) => { d.base = v === undefined ? undefined : Math.round(v); change(); }, { min: 1000, max: 9999, step: 1 }),
        field(`${id}-type`, L('p_indexType'), d.type, [['level', L('p_t_level')], ['chain', L('p_t_chain')], ['real', L('p_t_real')]], (v) => { d.type = v as DeflateChoice['type']; change(); }),
        textField(`${id}-suffix`, L('p_suffix'), d.suffix, (v) => { d.suffix = v.trim(); change(); }, { size: 6 }),
      ),
      noteP(PREPARE_NOTES.deflate, lang), noteP(PREPARE_NOTES[d.type], lang),
      deflateComplete(d) ? h('p', { class: 'note' }, `→ ${d.suffix === '' ? d.columns.join(', ') : d.columns.map((x) => x + d.suffix).join(', ')}`) : h('p', { class: 'note warn', role: 'status' }, L('p_incomplete')),
      h('button', { type: 'button', id: `${id}-remove`, onclick: () => { c.deflate!.splice(k, 1); change(); } }, L('p_remove')));
    put(root, box);
  });

  const madeBefore = (k: number) => [...preparedColumns({ ...c, capital: c.capital!.slice(0, k) })];
  c.capital.forEach((cap, k) => {
    const id = `capital-${k}`;
    const pool = [...env.numeric, ...madeBefore(k).filter((n) => !env.numeric.includes(n))];
    const box = h('div', { class: 'step', id, role: 'group', 'aria-label': `${L('p_capital')} ${k + 1}` },
      h('h4', {}, `${L('p_capital')} ${k + 1}`),
      h('div', { class: 'frow' },
        field(`${id}-investment`, L('p_investment'), cap.investment, colOpts(pool), (v) => { cap.investment = v; change(); }),
        field(`${id}-deflator`, L('p_capDeflator'), cap.deflator, colOpts(pool.filter((n) => n !== cap.investment), L('p_noneReal')), (v) => { cap.deflator = v; change(); }),
        field(`${id}-type`, L('p_indexType'), cap.type, [['level', L('p_t_level')], ['chain', L('p_t_chain')]], (v) => { cap.type = v as CapitalChoice['type']; change(); }, !cap.deflator),
      ),
      h('div', { class: 'frow' },
        numberField(`${id}-delta`, L('p_delta'), cap.delta, (v) => { cap.delta = v ?? CAPITAL_DEFAULTS.delta; change(); }, { min: 0.001, max: 1, step: 0.001 }),
        field(`${id}-base`, L('p_k0'), cap.base, [['steady', L('p_k_steady')], ['ratio', L('p_k_ratio')]], (v) => { cap.base = v as CapitalChoice['base']; change(); }),
        textField(`${id}-name`, L('p_name'), cap.name, (v) => { cap.name = v.trim(); change(); }, { size: 8 }),
      ),
      noteP(PREPARE_NOTES.capital, lang), noteP(PREPARE_NOTES[cap.base], lang),
      capitalComplete(cap) ? null : h('p', { class: 'note warn', role: 'status' }, L('p_incomplete')),
      h('button', { type: 'button', id: `${id}-remove`, onclick: () => { c.capital!.splice(k, 1); change(); } }, L('p_remove')));
    put(root, box);
  });

  put(root, h('p', { class: 'step-add' },
    h('button', { type: 'button', id: 'add-deflate', onclick: () => { c.deflate!.push(newDeflate(env.firstYear)); change(); } }, L('p_addDeflate')), ' ',
    h('button', { type: 'button', id: 'add-capital', onclick: () => { c.capital!.push(newCapital(c.capital!)); change(); } }, L('p_addCapital'))));

  const made = preparedColumns(c);
  if (made.length) {
    c.preparedRoles ??= {};
    const roles: PreparedRole[] = ['ignore', 'input', 'output', 'undesirable', 'indicator'];
    const tbl = h('table', { class: 'prep-roles', id: 'prepared-roles' },
      h('thead', {}, h('tr', {}, h('th', {}, L('column')), h('th', {}, L('role')))),
      h('tbody', {}, ...made.map((n) => h('tr', {}, h('th', { scope: 'row' }, n), h('td', {},
        (() => {
          const s = h('select', { 'aria-label': `${L('role')}: ${n}`, 'data-col': n, class: 'prepared-role', onchange: (e: Event) => { c.preparedRoles![n] = (e.target as HTMLSelectElement).value as PreparedRole; change(); } },
            ...roles.map((r) => h('option', { value: r, selected: (c.preparedRoles![n] ?? 'ignore') === r }, L(`r_${r}`))));
          s.value = c.preparedRoles![n] ?? 'ignore';
          return s;
        })())))));
    put(root, h('h4', {}, L('p_madeCols')), tbl, noteP(PREPARE_NOTES.roles, lang));
  }
  return root;
}

/** The form environment from the loaded table: numeric columns, and the smallest period in the preview rows as
 *  the base-year guess of a new deflation step. */
export function formEnv(c: Choices, lang: Lang, table: { header: string[]; preview: (string | number | null)[][]; columns: { name: string; type: string }[] } | undefined, change: () => void): FormEnv {
  const numeric = (table?.columns ?? []).filter((x) => x.type === 'numeric' && !['id', 'period', 'name', 'group'].includes(c.roles[x.name] ?? '')).map((x) => x.name);
  const period = Object.keys(c.roles).find((k) => c.roles[k] === 'period');
  const j = period && table ? table.header.indexOf(period) : -1;
  let firstYear: number | undefined;
  if (j >= 0) for (const r of table!.preview) { const v = Number(r[j]); if (Number.isInteger(v) && (firstYear === undefined || v < firstYear)) firstYear = v; }
  return { c, lang, numeric, firstYear, change };
}
