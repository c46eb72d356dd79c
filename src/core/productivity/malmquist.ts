// Productivity indices on panels: Malmquist, Malmquist–Luenberger, global (GML) and Luenberger (methods.md F1–F9).
//
// Malmquist: Färe, Grosskopf, Norris & Zhang (1994), AER 84(1):66–83, eqs. (6)–(7):
//   M = √[E^t(t+1)/E^t(t) · E^{t+1}(t+1)/E^{t+1}(t)] = EC·TC, EC = E^{t+1}(t+1)/E^t(t), with Farrell E (θ or 1/φ).
//   `distanceRts: crs` (FGNZ, DEAP, R productivity, deaR tc_vrs=FALSE): CRS distances; rts vrs splits EC = PECH·SECH.
//   `distanceRts: vrs` (R Benchmarking `malmq`): all four distances VRS. `decomposition: rd` is Ray & Desli (1997),
//   AER 87(5):1033–1039: M = PECH·TC_v·SCH.
// Malmquist–Luenberger: Chung, Färe & Grosskopf (1997), J. Env. Mgmt 51(3):229–240, from directional distances β:
//   ML = √{[(1+D^t(t))/(1+D^t(t+1))]·[(1+D^{t+1}(t))/(1+D^{t+1}(t+1))]}, MLEC = (1+D^t(t))/(1+D^{t+1}(t+1)).
// Global: Pastor & Lovell (2005), Econ Lett 88(2):266–271: M^G = E^G(t+1)/E^G(t); GML: Oh (2010), JPA 34(3):183–197:
//   GML = (1+D^G(t))/(1+D^G(t+1)); EC contemporaneous; TC (best-practice gap change) = index/EC.
// Biennial: Pastor, Asmild & Lovell (2011): frontier pools t and t+1; EC contemporaneous; TC = index/EC.
// `bias` (radial Malmquist, CRS distances, adjacent-period frontiers): TECHCH = MATECH·OBTECH·IBTECH (Färe,
//   Grifell-Tatjé, Grosskopf & Lovell 1997; malmquist-bias.ts), from two more distances per unit and pair at the
//   mixed point (x^{t+1}, y^t): E^t(x^{t+1}, y^t) and E^{t+1}(x^{t+1}, y^t).
// Luenberger: Chambers, Färe & Grosskopf (1996), Pacific Econ Rev 1(3):181–190; additive, radial DDF or NDDF
//   (Zhou, Ang & Wang 2012; Mahlberg & Sahoo 2011): L = ½[(D^{t+1}(t) − D^{t+1}(t+1)) + (D^t(t) − D^t(t+1))].
// Frontiers per F1 (frontiers.ts); sequential and window frontiers play the role of T^t in the adjacent-period
// formulas. Unbalanced panels (F8): a unit is scored for (t, t+1) when it has complete data in both; T^t uses every
// complete observation of its periods (`sameReference`: only units scored for that pair). An infeasible or unbounded
// LP nulls only the components that use it, with the LP's status. Data are scaled by variable means (E0), which
// leaves θ, φ and β (proportional or rescaled custom directions) unchanged.
// Cost: one kernel call per distinct reference set (≤ 2T), each evaluating its periods' points; reference sets are
// reduced to extreme-efficient frames first (frontiers.ts), so LPs have O(|frame|) columns. 5,000 × 10 sequential:
// 140,000 LPs, ~10 s CPU (bench/malmquist).

import { DataError, UsageError } from '../errors.js';
import type { DistanceSpec, DistancesFn, Rts, Technology } from '../frontier/types.js';
import { LP_STATUS_NAMES } from '../frontier/types.js';
import { distances as deaDistances } from '../frontier/distance.js';
import type { Panel } from '../panel/panel.js';
import { countStatuses, type Citation, type Result, type Status, type Warning } from '../result.js';
import { SOFTWARE } from '../version.js';
import { compareIds } from './chain.js';
import { frameCells, frontierName, gatherTechnology, ownFrontierRange, parseFrontier, rangeCells, type FrontierType, type PanelData } from './frontiers.js';
import { cumulativeIndex, summariseIndex, type IndexRowLike } from './summaries.js';
import { techBias } from './malmquist-bias.js';

export type ProductivityIndexKind = 'malmquist' | 'ml' | 'gml' | 'luenberger';
export type DirectionOption = 'green' | 'graph' | 'input' | 'output' | { x: number[]; y: number[]; b?: number[] };

export interface MalmquistOptions {
  inputs: string[];
  outputs: string[];
  undesirable?: string[];
  /** malmquist (default) | ml (Malmquist–Luenberger) | gml (global ML) | luenberger. */
  index?: ProductivityIndexKind;
  /** contemporaneous (default) | sequential | global | biennial | window:b. */
  frontier?: string | FrontierType;
  /** Radial Malmquist orientation (default in). */
  orientation?: 'in' | 'out';
  /** Technology RTS. Malmquist: vrs adds PECH·SECH (FGNZ). DDF indices: the RTS of every distance. Default crs. */
  rts?: 'crs' | 'vrs';
  /** Malmquist: RTS of the four distances; crs (FGNZ/DEAP/productivity, default) or vrs (Benchmarking). */
  distanceRts?: 'crs' | 'vrs';
  /** Malmquist with rts vrs: fgnz (EC = PECH·SECH, default) or rd (Ray–Desli: M = PECH·TC_v·SCH). */
  decomposition?: 'fgnz' | 'rd';
  /** DDF direction for ml/gml/luenberger: green (0, y, b; default with bads), graph (x, y, b; default without),
   * input, output, or a constant vector in data units. */
  direction?: DirectionOption;
  /** luenberger: radial DDF (default) or non-radial DDF (Σ w·β). */
  measure?: 'radial' | 'nddf';
  /** NDDF weights: normalised (default: equal shares to the active groups, split within) | gtfpch (1 each active) | explicit. */
  weights?: 'normalised' | 'gtfpch' | { x: number[]; y: number[]; b?: number[] };
  /** Bad outputs: weak disposability (=, default) or free (≤). */
  badDisposability?: 'weak' | 'free';
  /** Reference sets of a pair use only the units scored for that pair (Benchmarking SAMEREF). */
  sameReference?: boolean;
  /** Refuse unbalanced panels (as R productivity does). */
  requireBalanced?: boolean;
  /** Cumulative indices: a null link nulls the rest (break, default) or is skipped and flagged (skip). */
  carry?: 'break' | 'skip';
  /** Label column for group summaries. */
  group?: string;
  /** Field names: xinzhi (tfpch, effch, techch) or gtfpch (TFPCH, TECH, TECCH, Pdwise). */
  convention?: 'xinzhi' | 'gtfpch';
  /** Scale variables by their pooled means before the LPs (default) or not. */
  scale?: 'mean' | 'none';
  /** Radial Malmquist: split techch = matech·obtech·ibtech (Färe, Grifell-Tatjé, Grosskopf & Lovell 1997; R
   * productivity `malm`). CRS distances (distanceRts crs), adjacent-period frontiers. Default false. */
  bias?: boolean;
  /** Add the distances used to each row (`distances`). */
  detail?: boolean;
  /** Reduce reference sets to their extreme-efficient frames before the LPs (exact; default true). */
  reduce?: boolean;
  /** The DEA distance kernel (default: frontier/distance.ts). */
  distances?: DistancesFn;
}

export interface MalmquistRow {
  id: string;
  from: number;
  to: number;
  [field: string]: unknown;
  status: Status;
  reason?: string;
}

interface Job {
  lo: number;
  hi: number;
  tr: number;            // transition index for sameReference sets, −1 otherwise
  vrs: boolean;          // VRS variant (pech / rd) instead of the main spec
  mix: boolean;          // evaluated points are (x of cell+1, y of cell): the bias split's mixed points
  cells: number[];
  pos: Map<number, number>;
  value?: Float64Array;
  status?: Uint8Array;
}

interface Dist { v: number; st: number; label: string }

const RATIO_FIELDS = ['tfpch', 'effch', 'techch'] as const;

/** Productivity index between adjacent periods for every unit, with summaries and cumulative indices. */
export function malmquist(panel: Panel, options: MalmquistOptions): Result<MalmquistRow> {
  const distances = options.distances ?? deaDistances;
  const o = resolveOptions(panel, options);
  const { n, T } = { n: panel.ids.length, T: panel.periods.length };
  if (T < 2) {
    throw new DataError('too-few-periods', `a productivity index compares adjacent periods, and the data has ${T === 0 ? 'no period' : `one period (${panel.periods[0]})`}`, { file: panel.source }, 'use a panel with at least two periods (check the period column and any period range)');
  }
  const data = buildData(panel, o);
  const warnings: Warning[] = [];

  // Units scored per transition t → t+1.
  const scored: Uint8Array[] = [];
  for (let t = 0; t + 1 < T; t++) {
    const mask = new Uint8Array(n);
    for (let u = 0; u < n; u++) mask[u] = data.complete[u * T + t] && data.complete[u * T + t + 1] ? 1 : 0;
    scored.push(mask);
  }
  if (o.requireBalanced) {
    for (let c = 0; c < n * T; c++) {
      if (!data.complete[c]) {
        const u = Math.floor(c / T);
        throw new DataError('unbalanced', 'the panel is unbalanced or has missing values, and requireBalanced is set', {
          file: panel.source, id: panel.ids[u], period: panel.periods[c % T],
        }, 'fill the gap, drop the unit, or allow unbalanced panels (each pair then uses the units observed in both periods)');
      }
    }
  }

  // Plan the LP batches: one job per (frontier range, unit filter, spec variant), evaluated at many cells.
  const jobs = new Map<string, Job>();
  const need = (lo: number, hi: number, tr: number, vrs: boolean, cell: number, mix = false): Job => {
    const key = `${lo}:${hi}:${tr}:${vrs ? 'v' : 'm'}${mix ? 'x' : ''}`;
    let j = jobs.get(key);
    if (!j) { j = { lo, hi, tr, vrs, mix, cells: [], pos: new Map() }; jobs.set(key, j); }
    if (!j.pos.has(cell)) { j.pos.set(cell, j.cells.length); j.cells.push(cell); }
    return j;
  };
  const adjacent = o.frontier.type !== 'global' && o.frontier.type !== 'biennial';
  type Need = { job: Job; cell: number; label: string };
  const plan: { t: number; u: number; d: Record<string, Need> }[] = [];
  for (let t = 0; t + 1 < T; t++) {
    const tr = o.sameReference ? t : -1;
    const R0 = ownFrontierRange(o.frontier, t, T);
    const R1 = ownFrontierRange(o.frontier, t + 1, T);
    const p0 = panel.periods[t];
    const p1 = panel.periods[t + 1];
    for (let u = 0; u < n; u++) {
      if (!scored[t][u]) continue;
      const c0 = u * T + t;
      const c1 = c0 + 1;
      const d: Record<string, Need> = {};
      d.a = { job: need(R0[0], R0[1], tr, false, c0), cell: c0, label: `D^${p0}(${p0})` };
      d.b = { job: need(R1[0], R1[1], tr, false, c1), cell: c1, label: `D^${p1}(${p1})` };
      if (adjacent) {
        d.c = { job: need(R0[0], R0[1], tr, false, c1), cell: c1, label: `D^${p0}(${p1})` };
        d.d = { job: need(R1[0], R1[1], tr, false, c0), cell: c0, label: `D^${p1}(${p0})` };
        if (o.bias) {
          // Mixed point (x^{t+1}, y^t), keyed by the period-t cell.
          d.e = { job: need(R0[0], R0[1], tr, false, c0, true), cell: c0, label: `D^${p0}(x^${p1}, y^${p0})` };
          d.f = { job: need(R1[0], R1[1], tr, false, c0, true), cell: c0, label: `D^${p1}(x^${p1}, y^${p0})` };
        }
      } else {
        const [lo, hi] = o.frontier.type === 'global' ? [0, T - 1] : [t, t + 1];
        const tag = o.frontier.type === 'global' ? 'G' : 'B';
        d.g0 = { job: need(lo, hi, tr, false, c0), cell: c0, label: `D^${tag}(${p0})` };
        d.g1 = { job: need(lo, hi, tr, false, c1), cell: c1, label: `D^${tag}(${p1})` };
      }
      if (o.pech) {
        d.av = { job: need(R0[0], R0[1], tr, true, c0), cell: c0, label: `Dv^${p0}(${p0})` };
        d.bv = { job: need(R1[0], R1[1], tr, true, c1), cell: c1, label: `Dv^${p1}(${p1})` };
        if (o.decomposition === 'rd') {
          d.cv = { job: need(R0[0], R0[1], tr, true, c1), cell: c1, label: `Dv^${p0}(${p1})` };
          d.dv = { job: need(R1[0], R1[1], tr, true, c0), cell: c0, label: `Dv^${p1}(${p0})` };
        }
      }
      plan.push({ t, u, d });
    }
  }

  // Reference sets: per-period frames, and multi-period sets as the frame of the union of per-period frames.
  const badEquality = o.badDisposability === 'weak';
  const refCache = new Map<string, number[]>();
  const refCellsOf = (lo: number, hi: number, tr: number, rts: Rts): number[] => {
    const key = `${lo}:${hi}:${tr}:${rts}`;
    let cells = refCache.get(key);
    if (cells) return cells;
    const units = tr >= 0 ? scored[tr] : undefined;
    if (!o.reduce) cells = rangeCells(data, lo, hi, units);
    else if (lo === hi) cells = frameCells(data, rangeCells(data, lo, hi, units), rts, badEquality);
    else {
      const union: number[] = [];
      for (let t = lo; t <= hi; t++) union.push(...refCellsOf(t, t, tr, rts));
      cells = frameCells(data, union, rts, badEquality);
    }
    refCache.set(key, cells);
    return cells;
  };

  // Run the batches.
  let lpCount = 0;
  for (const job of [...jobs.values()]) {
    const jobRts: Rts = job.vrs ? 'vrs' : (o.distanceRts as Rts);
    const ref = gatherTechnology(data, refCellsOf(job.lo, job.hi, job.tr, jobRts));
    const ev = job.mix ? mixedTechnology(data, job.cells) : gatherTechnology(data, job.cells);
    const spec = job.vrs ? { kind: 'radial' as const, orientation: o.orientation, rts: 'vrs' as Rts } : o.specFor(job.cells);
    const res = distances(ref, ev, spec);
    job.value = res.value;
    job.status = res.status;
    lpCount += job.cells.length;
  }
  const get = (nd: Need): Dist => {
    const k = nd.job.pos.get(nd.cell)!;
    const st = nd.job.status![k];
    const v = nd.job.value![k];
    return { v: st === 0 && Number.isFinite(v) ? v : NaN, st: st === 0 && !Number.isFinite(v) ? 3 : st, label: nd.label };
  };

  // Assemble rows (also for units present in only one period of a pair: nulls + insufficient_data).
  const computed = new Map<string, Record<string, Dist>>();
  for (const p of plan) {
    const ds: Record<string, Dist> = {};
    for (const key of Object.keys(p.d)) ds[key] = get(p.d[key]);
    computed.set(`${p.u}:${p.t}`, ds);
  }
  const order = panel.ids.map((_, i) => i).sort((a, b) => compareIds(panel.ids[a], panel.ids[b]));
  const names = fieldNames(o);
  const rows: MalmquistRow[] = [];
  const canonical: IndexRowLike[] = [];
  for (let t = 0; t + 1 < T; t++) {
    for (const u of order) {
      const c0 = u * T + t;
      if (!panel.present[c0] && !panel.present[c0 + 1]) continue;
      const from = panel.periods[t];
      const to = panel.periods[t + 1];
      const ds = computed.get(`${u}:${t}`);
      const vals: Record<string, number | null> = {};
      let status: Status = 'ok';
      let reason: string | undefined;
      if (!ds) {
        for (const f of o.fields) vals[f] = null;
        status = 'insufficient_data';
        reason = describeMissing(panel, data, o, u, t);
      } else {
        const r = assemble(o, ds);
        // Ratio indices must be positive: 1+β ≤ 0 or a zero efficiency leaves them undefined.
        for (const f of o.fields) vals[f] = Number.isFinite(r[f]) && (o.additive || r[f] > 0) ? r[f] : null;
        const failed = Object.values(ds).filter((x) => !Number.isFinite(x.v));
        if (failed.length) {
          status = LP_STATUS_NAMES[failed[0].st] as Status;
          reason = failed.map((x) => `${x.label}: ${LP_STATUS_NAMES[x.st]}`).join('; ');
          if (o.fields.every((f) => vals[f] !== null)) reason += ' (not used by the reported components)';
        } else if (o.fields.some((f) => vals[f] === null)) {
          status = 'undefined';
          reason = `${o.fields.filter((f) => vals[f] === null).join(', ')}: undefined ratio (${o.ddf ? '1 + β ≤ 0' : 'zero efficiency'} in ${Object.values(ds).map((x) => `${x.label} = ${x.v}`).join(', ')})`;
        }
      }
      canonical.push({ id: panel.ids[u], from, to, ...vals });
      const row = { id: panel.ids[u], from, to } as MalmquistRow;
      if (o.convention === 'gtfpch') row.Pdwise = `${from}~${to}`;
      for (const f of o.fields) row[names[f]] = vals[f];
      row.status = status;
      if (reason) row.reason = reason;
      if (o.detail && ds) {
        const det: Record<string, number | null> = {};
        for (const x of Object.values(ds)) det[x.label] = Number.isFinite(x.v) ? x.v : null;
        row.distances = det;
      }
      rows.push(row);
    }
  }

  const groupCol = o.group ? panel.labels[o.group] : undefined;
  const idIndex = new Map(panel.ids.map((id, i) => [id, i]));
  const groupOf = groupCol
    ? (r: IndexRowLike) => {
        const u = idIndex.get(r.id)!;
        const t = panel.periods.indexOf(r.from);
        return groupCol[u * T + t] ?? groupCol[u * T + t + 1] ?? null;
      }
    : undefined;
  const sums = summariseIndex(canonical, o.fields, o.additive, groupOf);
  const cumulative = cumulativeIndex(canonical, o.fields, panel.periods, o.additive, o.carry);
  const rename = <E extends Record<string, unknown>>(e: E): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) out[(o.fields as readonly string[]).includes(k) ? names[k] : k] = v;
    return out;
  };
  const unbalanced = data.complete.some((x) => !x);
  if (unbalanced) {
    warnings.push({ code: 'unbalanced-panel', message: 'the panel is unbalanced or has missing values: pairs without complete data in both periods have null indices', count: rows.filter((r) => r.status === 'insufficient_data').length });
  }
  // Adjacent periods of the data are compared whatever their spacing; say so when a step is longer than the
  // shortest one (a year missing in between). The shortest step is the period length: two periods are never flagged.
  const steps = panel.periods.slice(1).map((t, k) => t - panel.periods[k]);
  const step = Math.min(...steps);
  const gaps = panel.periods.slice(1).map((t, k) => [panel.periods[k], t]).filter((_, k) => steps[k] > step);
  if (gaps.length) {
    const list = gaps.map(([a, b]) => `${a}→${b}`).join(', ');
    warnings.push({ code: 'period-gap', message: `the periods are not evenly spaced (${list}): each index compares adjacent periods of the data, so these changes span more than one step`, messageZh: `期间不等距（${list}）：指数比较数据中相邻的两期，这些变化跨越不止一期`, count: gaps.length });
  }
  const statusCounts = countStatuses(rows);
  return {
    method: 'malmquist',
    params: paramsOf(options),
    rows,
    summary: {
      index: o.index,
      frontier: frontierName(o.frontier),
      lps: lpCount,
      byPeriod: sums.byPeriod.map(rename),
      byId: sums.byId.map(rename),
      ...(sums.byGroup ? { byGroup: sums.byGroup.map(rename) } : {}),
      cumulative: cumulative.map(rename),
    },
    warnings,
    card: {
      method: 'malmquist',
      title: titleOf(o),
      conventions: conventionsOf(o, data),
      formulas: formulasOf(o),
      citations: citationsOf(o),
      software: SOFTWARE,
      statusCounts,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

interface Resolved {
  index: ProductivityIndexKind;
  frontier: FrontierType;
  orientation: 'in' | 'out';
  rts: 'crs' | 'vrs';
  distanceRts: 'crs' | 'vrs';
  decomposition: 'fgnz' | 'rd';
  pech: boolean;
  ddf: boolean;
  additive: boolean;
  measure: 'radial' | 'nddf';
  direction: DirectionOption;
  directionName: string;
  weights: { x: number[]; y: number[]; b: number[] } | null;
  weightsName: string;
  badDisposability: 'weak' | 'free';
  sameReference: boolean;
  requireBalanced: boolean;
  carry: 'break' | 'skip';
  group?: string;
  convention: 'xinzhi' | 'gtfpch';
  scale: 'mean' | 'none';
  detail: boolean;
  bias: boolean;
  reduce: boolean;
  inputs: string[];
  outputs: string[];
  undesirable: string[];
  fields: string[];
  scales: { x: number[]; y: number[]; b: number[] };
  specFor: (cells: number[]) => DistanceSpec;
}

function oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[], dflt: T): T {
  if (v === undefined || v === null) return dflt;
  if (!allowed.includes(v as T)) throw new UsageError('bad-option', `${name} must be ${allowed.join(', ')} (got "${String(v)}")`);
  return v as T;
}

function resolveOptions(panel: Panel, op: MalmquistOptions): Resolved {
  const index = oneOf('index', op.index, ['malmquist', 'ml', 'gml', 'luenberger'] as const, 'malmquist');
  let frontier = parseFrontier(op.frontier);
  if (index === 'gml') {
    if (op.frontier !== undefined && frontier.type !== 'global') {
      throw new UsageError('bad-option', `index gml is the global Malmquist–Luenberger index; frontier "${frontierName(frontier)}" contradicts it`, 'use --index ml with that frontier, or drop --frontier');
    }
    frontier = { type: 'global' };
  }
  const inputs = op.inputs ?? [];
  const outputs = op.outputs ?? [];
  const undesirable = op.undesirable ?? [];
  if (!inputs.length) throw new UsageError('missing-option', 'name at least one input', 'e.g. --inputs K,L');
  if (!outputs.length) throw new UsageError('missing-option', 'name at least one output', 'e.g. --outputs Y');
  for (const c of [...inputs, ...outputs, ...undesirable]) {
    if (!panel.columns[c]) {
      throw new DataError('unknown-column', `no numeric column "${c}"`, { file: panel.source, column: c }, `columns are: ${Object.keys(panel.columns).join(', ')}`);
    }
  }
  const dup = [...inputs, ...outputs, ...undesirable].find((c, i, a) => a.indexOf(c) !== i);
  if (dup) throw new UsageError('bad-option', `column "${dup}" is named twice among inputs, outputs and undesirable outputs`);
  const ddf = index !== 'malmquist';
  if (!ddf && undesirable.length) {
    throw new UsageError('bad-option', 'the radial Malmquist index has no undesirable outputs', 'use --index ml, gml or luenberger for bad outputs');
  }
  const orientation = oneOf('orientation', op.orientation, ['in', 'out'] as const, 'in');
  const rts = oneOf('rts', op.rts, ['crs', 'vrs'] as const, 'crs');
  const distanceRts = oneOf('distanceRts', op.distanceRts, ['crs', 'vrs'] as const, ddf ? rts : 'crs');
  if (!ddf && distanceRts === 'vrs' && rts === 'crs') throw new UsageError('bad-option', 'distanceRts vrs needs rts vrs');
  const decomposition = oneOf('decomposition', op.decomposition, ['fgnz', 'rd'] as const, 'fgnz');
  const pech = !ddf && rts === 'vrs' && distanceRts === 'crs';
  if (decomposition === 'rd') {
    if (!pech) throw new UsageError('bad-option', 'the Ray–Desli decomposition needs index malmquist, rts vrs and distanceRts crs');
    if (frontier.type === 'global' || frontier.type === 'biennial') throw new UsageError('bad-option', 'the Ray–Desli decomposition is defined for adjacent-period frontiers (contemporaneous, sequential, window)');
  }
  const measure = oneOf('measure', op.measure, ['radial', 'nddf'] as const, 'radial');
  if (measure === 'nddf' && index !== 'luenberger') throw new UsageError('bad-option', 'the non-radial DDF (measure nddf) is offered for the Luenberger indicator');
  const direction: DirectionOption = op.direction ?? (undesirable.length ? 'green' : 'graph');
  if (typeof direction === 'string' && !['green', 'graph', 'input', 'output'].includes(direction)) {
    throw new UsageError('bad-option', `direction must be green, graph, input, output or a vector (got "${direction}")`);
  }
  const badDisposability = oneOf('badDisposability', op.badDisposability, ['weak', 'free'] as const, 'weak');
  const m = inputs.length;
  const s = outputs.length;
  const h = undesirable.length;
  // Direction as a constant vector (custom) or per-point proportional (named).
  let custom: { x: number[]; y: number[]; b: number[] } | null = null;
  if (typeof direction !== 'string') {
    custom = { x: direction.x, y: direction.y, b: direction.b ?? [] };
    if (custom.x.length !== m || custom.y.length !== s || custom.b.length !== h) {
      throw new UsageError('bad-option', `direction vector needs ${m} input, ${s} output and ${h} undesirable entries`);
    }
    if ([...custom.x, ...custom.y, ...custom.b].every((v) => v === 0)) throw new UsageError('bad-option', 'the direction vector is zero');
    if ([...custom.x, ...custom.y, ...custom.b].some((v) => !(v >= 0))) throw new UsageError('bad-option', 'direction entries are magnitudes and must be ≥ 0 (inputs and bads are contracted, goods expanded)');
  }
  const active = activeGroups(direction, h);
  let weights: Resolved['weights'] = null;
  let weightsName = '';
  if (measure === 'nddf') {
    const w = op.weights ?? 'normalised';
    if (w === 'normalised' || w === 'gtfpch') {
      const groups = [active.x ? m : 0, active.y ? s : 0, active.b ? h : 0];
      const nAct = groups.filter((g) => g > 0).length;
      const per = (g: number) => (w === 'gtfpch' ? 1 : 1 / nAct / g);
      weights = {
        x: Array(m).fill(active.x ? per(m) : 0),
        y: Array(s).fill(active.y ? per(s) : 0),
        b: Array(h).fill(active.b ? per(h) : 0),
      };
      weightsName = w;
    } else {
      weights = { x: w.x, y: w.y, b: w.b ?? [] };
      if (weights.x.length !== m || weights.y.length !== s || weights.b.length !== h) throw new UsageError('bad-option', `NDDF weights need ${m}, ${s} and ${h} entries`);
      weightsName = 'explicit';
    }
  }
  const fields = index === 'luenberger' ? ['ltfp', 'lec', 'ltc'] : [...RATIO_FIELDS] as string[];
  if (pech && decomposition === 'fgnz') fields.push('pech', 'sech');
  if (pech && decomposition === 'rd') fields.push('pech', 'sch');
  const bias = !!op.bias;
  if (bias) {
    if (index !== 'malmquist') throw new UsageError('bad-option', `the bias split (matech·obtech·ibtech) is defined for the radial Malmquist index, not for index ${index}`, 'use index malmquist, or drop bias');
    if (distanceRts !== 'crs') throw new UsageError('bad-option', 'the bias split uses CRS distances (as R productivity malm does whatever its rts); distanceRts vrs is not supported', 'drop distanceRts vrs (rts vrs with CRS distances still adds pech·sech)');
    if (decomposition === 'rd') throw new UsageError('bad-option', 'the bias split decomposes the CRS techch; with the Ray–Desli decomposition techch is VRS technical change', 'use decomposition fgnz, or drop bias');
    if (frontier.type === 'global' || frontier.type === 'biennial') throw new UsageError('bad-option', `the bias split needs adjacent-period frontiers (contemporaneous, sequential, window); with the ${frontier.type} frontier techch is index/effch`, 'use frontier contemporaneous, sequential or window:B, or drop bias');
    fields.push('matech', 'obtech', 'ibtech');
  }

  const resolved: Resolved = {
    index, frontier, orientation, rts, distanceRts, decomposition, pech, ddf,
    additive: index === 'luenberger', measure, direction,
    directionName: typeof direction === 'string' ? direction : 'custom',
    weights, weightsName, badDisposability,
    sameReference: !!op.sameReference, requireBalanced: !!op.requireBalanced,
    carry: oneOf('carry', op.carry, ['break', 'skip'] as const, 'break'),
    group: op.group,
    convention: oneOf('convention', op.convention, ['xinzhi', 'gtfpch'] as const, 'xinzhi'),
    scale: oneOf('scale', op.scale, ['mean', 'none'] as const, 'mean'),
    detail: !!op.detail,
    bias,
    reduce: op.reduce ?? true,
    inputs, outputs, undesirable, fields,
    scales: { x: Array(m).fill(1), y: Array(s).fill(1), b: Array(h).fill(1) },
    specFor: () => { throw new Error('unreachable'); },
  };
  if (op.group !== undefined && !panel.labels[op.group]) {
    throw new DataError('unknown-column', `no label column "${op.group}" for groups`, { file: panel.source, column: op.group }, `label columns are: ${Object.keys(panel.labels).join(', ') || '(none)'}`);
  }
  resolved.specFor = (cells) => {
    if (!ddf) return { kind: 'radial', orientation, rts: distanceRts as Rts };
    const k = cells.length;
    const base = { rts: distanceRts as Rts, badDisposability } as const;
    let dir: { direction: 'green' | 'graph' | 'input' | 'output' | 'custom'; gx?: Float64Array; gy?: Float64Array; gb?: Float64Array };
    if (custom) {
      const sc = resolved.scales;
      const gx = new Float64Array(m * k);
      const gy = new Float64Array(s * k);
      const gb = new Float64Array(h * k);
      for (let i = 0; i < m; i++) gx.fill(custom.x[i] / sc.x[i], i * k, (i + 1) * k);
      for (let r = 0; r < s; r++) gy.fill(custom.y[r] / sc.y[r], r * k, (r + 1) * k);
      for (let q = 0; q < h; q++) gb.fill(custom.b[q] / sc.b[q], q * k, (q + 1) * k);
      dir = { direction: 'custom', gx, gy, gb };
    } else dir = { direction: direction as 'green' | 'graph' | 'input' | 'output' };
    if (measure === 'nddf') {
      return { kind: 'nddf', ...base, ...dir, weights: { wx: Float64Array.from(weights!.x), wy: Float64Array.from(weights!.y), wb: Float64Array.from(weights!.b) } };
    }
    return { kind: 'ddf', ...base, ...dir };
  };
  return resolved;
}

function activeGroups(d: DirectionOption, h: number): { x: boolean; y: boolean; b: boolean } {
  if (typeof d !== 'string') return { x: d.x.some((v) => v > 0), y: d.y.some((v) => v > 0), b: (d.b ?? []).some((v) => v > 0) };
  switch (d) {
    case 'green': return { x: false, y: true, b: h > 0 };
    case 'graph': return { x: true, y: true, b: h > 0 };
    case 'input': return { x: true, y: false, b: false };
    case 'output': return { x: false, y: true, b: false };
  }
}

/** Variable-major cell data, scaled by pooled means of complete observations (E0), with negative data rejected. */
function buildData(panel: Panel, o: Resolved): PanelData {
  const n = panel.ids.length;
  const T = panel.periods.length;
  const N = n * T;
  const m = o.inputs.length;
  const s = o.outputs.length;
  const h = o.undesirable.length;
  const all = [...o.inputs, ...o.outputs, ...o.undesirable];
  const complete = new Uint8Array(N);
  for (let c = 0; c < N; c++) {
    let ok = panel.present[c] === 1;
    for (const v of all) {
      const x = panel.columns[v][c];
      if (!Number.isFinite(x)) { ok = false; continue; }
      if (panel.present[c] && x < 0) {
        throw new DataError('negative-value', `${v} is negative; DEA-based indices need non-negative data`, {
          file: panel.source, row: panel.sourceRow?.[c] || undefined, column: v, id: panel.ids[Math.floor(c / T)], period: panel.periods[c % T], text: String(x),
        }, 'check the sign or the units of this variable');
      }
    }
    complete[c] = ok ? 1 : 0;
  }
  const X = new Float64Array(m * N);
  const Y = new Float64Array(s * N);
  const B = new Float64Array(h * N);
  const fill = (dst: Float64Array, names: string[], sc: number[]) => {
    names.forEach((v, i) => {
      const col = panel.columns[v];
      let sum = 0;
      let cnt = 0;
      for (let c = 0; c < N; c++) if (complete[c]) { sum += col[c]; cnt++; }
      const mean = cnt ? sum / cnt : 0;
      if (cnt && mean === 0) {
        throw new DataError('all-zero', `${v} is zero for every observation`, { file: panel.source, column: v }, 'drop this variable');
      }
      const f = o.scale === 'mean' && mean > 0 ? mean : 1;
      sc[i] = f;
      for (let c = 0; c < N; c++) dst[i * N + c] = complete[c] ? col[c] / f : NaN;
    });
  };
  fill(X, o.inputs, o.scales.x);
  fill(Y, o.outputs, o.scales.y);
  fill(B, o.undesirable, o.scales.b);
  return { n, T, m, s, h, X, Y, B, complete };
}

/** Evaluated points (x^{t+1}, y^t) of the bias split, one per period-t cell c (inputs of cell c+1, outputs of c). */
function mixedTechnology(d: PanelData, cells: readonly number[]): Technology {
  const N = d.n * d.T;
  const k = cells.length;
  const X = new Float64Array(d.m * k);
  const Y = new Float64Array(d.s * k);
  for (let j = 0; j < k; j++) {
    const c = cells[j];
    for (let i = 0; i < d.m; i++) X[i * k + j] = d.X[i * N + c + 1];
    for (let r = 0; r < d.s; r++) Y[r * k + j] = d.Y[r * N + c];
  }
  return { m: d.m, s: d.s, h: 0, n: k, X, Y };
}

/** Components from the distances of one unit and pair. NaN where a used distance is missing. */
function assemble(o: Resolved, d: Record<string, Dist>): Record<string, number> {
  const out: Record<string, number> = {};
  const a = d.a.v;
  const b = d.b.v;
  if (o.index === 'luenberger') {
    out.lec = a - b;
    if (d.c) {
      const c = d.c.v;
      const dd = d.d.v;
      out.ltfp = 0.5 * ((dd - b) + (a - c));
      out.ltc = 0.5 * ((b - c) + (dd - a));
    } else {
      out.ltfp = d.g0.v - d.g1.v;
      out.ltc = out.ltfp - out.lec;
    }
    return out;
  }
  // Ratio indices on Farrell efficiencies E (Malmquist) or on 1/(1+β) (ML: gtfpch's DD = 1/(1+β)).
  const E = o.ddf ? (x: number) => 1 / (1 + x) : (x: number) => x;
  const ea = E(a);
  const eb = E(b);
  out.effch = eb / ea;
  if (d.c) {
    const ec = E(d.c.v);
    const ed = E(d.d.v);
    out.tfpch = Math.sqrt((ec / ea) * (eb / ed));
    out.techch = Math.sqrt((ec / eb) * (ea / ed));
    if (d.e) Object.assign(out, techBias(ea, eb, ec, ed, E(d.e.v), E(d.f.v)));
  } else {
    out.tfpch = E(d.g1.v) / E(d.g0.v);
    out.techch = out.tfpch / out.effch;
  }
  if (o.pech) {
    const av = d.av.v;
    const bv = d.bv.v;
    out.pech = bv / av;
    if (o.decomposition === 'fgnz') out.sech = out.effch / out.pech;
    else {
      const cv = d.cv.v;
      const dv = d.dv.v;
      // Ray–Desli: TC_v from VRS distances, SCH from scale efficiencies SE = E_c/E_v.
      out.techch = Math.sqrt((cv / bv) * (av / dv));
      const se = (c: number, v: number) => c / v;
      out.sch = Math.sqrt((se(E(d.c.v), cv) / se(ea, av)) * (se(eb, bv) / se(E(d.d.v), dv)));
      out.effch = out.pech;
    }
  }
  return out;
}

function describeMissing(panel: Panel, data: PanelData, o: Resolved, u: number, t: number): string {
  const T = panel.periods.length;
  const parts: string[] = [];
  for (const tt of [t, t + 1]) {
    const c = u * T + tt;
    if (!panel.present[c]) parts.push(`not observed in ${panel.periods[tt]}`);
    else if (!data.complete[c]) {
      const miss = [...o.inputs, ...o.outputs, ...o.undesirable].filter((v) => !Number.isFinite(panel.columns[v][c]));
      parts.push(`missing ${miss.join(', ')} in ${panel.periods[tt]}`);
    }
  }
  return `needs complete data in both periods: ${parts.join('; ')}`;
}

function fieldNames(o: Resolved): Record<string, string> {
  const id = (f: string) => f;
  const names: Record<string, string> = {};
  for (const f of o.fields) names[f] = id(f);
  if (o.convention === 'gtfpch') {
    if (o.additive) Object.assign(names, { ltfp: 'TFPCH', lec: 'TECH', ltc: 'TECCH' });
    else Object.assign(names, { tfpch: 'TFPCH', effch: 'TECH', techch: 'TECCH', pech: 'PECH', sech: 'SECH', sch: 'SCH', matech: 'MATECH', obtech: 'OBTECH', ibtech: 'IBTECH' });
  }
  return names;
}

function paramsOf(op: MalmquistOptions): Record<string, unknown> {
  const { distances: _d, ...rest } = op;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

function titleOf(o: Resolved): { en: string; zh: string } {
  const f = frontierName(o.frontier);
  switch (o.index) {
    case 'malmquist': return { en: `Malmquist productivity index (${f} frontier)`, zh: `Malmquist 生产率指数（${f} 前沿）` };
    case 'ml': return { en: `Malmquist–Luenberger productivity index (${f} frontier)`, zh: `Malmquist–Luenberger 生产率指数（${f} 前沿）` };
    case 'gml': return { en: 'Global Malmquist–Luenberger productivity index', zh: '全局 Malmquist–Luenberger 生产率指数（GML）' };
    case 'luenberger': return { en: `Luenberger productivity indicator (${f} frontier)`, zh: `Luenberger 生产率指标（${f} 前沿）` };
  }
}

function conventionsOf(o: Resolved, d: PanelData): Record<string, unknown> {
  const c: Record<string, unknown> = {
    index: o.index,
    frontier: frontierName(o.frontier),
    inputs: o.inputs,
    outputs: o.outputs,
    undesirable: o.undesirable,
    rts: o.rts,
  };
  if (!o.ddf) {
    c.orientation = o.orientation;
    c.distance = 'radial Farrell efficiency (θ input, 1/φ output)';
    c.distanceRts = o.distanceRts;
    c.convention = o.distanceRts === 'crs' ? 'FGNZ/DEAP/productivity: CRS distances for the index and TECHCH' : 'Benchmarking malmq: all four distances VRS';
    if (o.pech) c.decomposition = o.decomposition === 'fgnz' ? 'fgnz: EFFCH = PECH·SECH (same-period VRS)' : 'rd: Ray–Desli, TFPCH = PECH·TECHCH_vrs·SCH';
    if (o.bias) c.bias = 'TECHCH = MATECH·OBTECH·IBTECH (Färe, Grifell-Tatjé, Grosskopf & Lovell 1997; R productivity malm): CRS distances incl. the mixed point (x^{t+1}, y^t) against T^t and T^{t+1}; output bias compares y^t and y^{t+1} at x^{t+1}, input bias x^t and x^{t+1} at y^t; > 1 means progress; with one input and one output both bias terms are 1';
  } else {
    c.distance = o.measure === 'nddf' ? 'non-radial directional distance Σw·β (β ≥ 0)' : 'directional distance β (free sign)';
    c.direction = typeof o.direction === 'string'
      ? { green: '(0, y, b): expand goods, contract bads', graph: '(x, y, b): contract inputs and bads, expand goods', input: '(x, 0, 0)', output: '(0, y, 0)' }[o.direction]
      : { custom: o.direction };
    c.badDisposability = o.undesirable.length ? o.badDisposability : undefined;
    if (o.weights) c.weights = { kind: o.weightsName, ...o.weights };
    if (!o.additive) c.ratioFrom = 'DD = 1/(1+β) (gtfpch); index > 1 means growth';
  }
  c.efficiencyChange = o.frontier.type === 'global' || o.frontier.type === 'biennial' ? 'contemporaneous frontiers; TECHCH = index/EFFCH (best-practice gap change)' : 'own-period frontiers of the chosen type; geometric-mean TECHCH';
  c.unbalanced = o.sameReference ? 'sameReference: a pair\'s reference sets hold only the units scored for that pair' : 'each frontier uses every complete observation in its periods; a unit is scored when complete in both periods';
  c.referenceSets = o.reduce ? 'reduced to extreme-efficient frames (exact: same technology)' : 'every complete observation';
  c.scale = o.scale === 'mean' ? 'variables divided by pooled means before the LPs (results invariant)' : 'none';
  c.summaries = o.additive ? 'arithmetic means, nulls excluded and counted' : 'geometric means, nulls excluded and counted';
  c.cumulative = `${o.additive ? 'running sums' : 'chained products'} from each unit's first period; carry: ${o.carry}`;
  c.fieldNames = o.convention;
  c.periods = d.T;
  for (const k of Object.keys(c)) if (c[k] === undefined) delete c[k];
  return c;
}

function formulasOf(o: Resolved): string[] {
  if (o.index === 'luenberger') {
    return o.frontier.type === 'global' || o.frontier.type === 'biennial'
      ? ['L = D^G(t) - D^G(t+1)', 'LEC = D^t(t) - D^{t+1}(t+1)', 'LTC = L - LEC']
      : ['L = \\tfrac12[(D^{t+1}(t) - D^{t+1}(t+1)) + (D^t(t) - D^t(t+1))]', 'LEC = D^t(t) - D^{t+1}(t+1)', 'LTC = \\tfrac12[(D^{t+1}(t+1) - D^t(t+1)) + (D^{t+1}(t) - D^t(t))]'];
  }
  const E = o.ddf ? 'DD = 1/(1+\\beta)' : 'E = \\theta \\text{ or } 1/\\varphi';
  const body = o.frontier.type === 'global' || o.frontier.type === 'biennial'
    ? ['TFPCH = E^G(t+1)/E^G(t)', 'EFFCH = E^{t+1}(t+1)/E^t(t)', 'TECHCH = TFPCH/EFFCH']
    : ['TFPCH = \\sqrt{\\frac{E^t(t+1)}{E^t(t)}\\frac{E^{t+1}(t+1)}{E^{t+1}(t)}}', 'EFFCH = E^{t+1}(t+1)/E^t(t)', 'TECHCH = \\sqrt{\\frac{E^t(t+1)}{E^{t+1}(t+1)}\\frac{E^t(t)}{E^{t+1}(t)}}'];
  const bias = o.bias
    ? [
        'E^a(x^b, y^c): \\text{technology } a,\\ \\text{inputs of } b,\\ \\text{outputs of } c',
        'MATECH = E^t(x^t, y^t)/E^{t+1}(x^t, y^t)',
        'OBTECH = \\sqrt{\\frac{E^t(x^{t+1}, y^{t+1})}{E^{t+1}(x^{t+1}, y^{t+1})}\\frac{E^{t+1}(x^{t+1}, y^t)}{E^t(x^{t+1}, y^t)}}',
        'IBTECH = \\sqrt{\\frac{E^{t+1}(x^t, y^t)}{E^t(x^t, y^t)}\\frac{E^t(x^{t+1}, y^t)}{E^{t+1}(x^{t+1}, y^t)}}',
        'TECHCH = MATECH \\cdot OBTECH \\cdot IBTECH',
      ]
    : [];
  return [E, ...body, ...(o.pech ? ['PECH = E_v^{t+1}(t+1)/E_v^t(t)', o.decomposition === 'fgnz' ? 'SECH = EFFCH/PECH' : 'SCH = \\sqrt{\\frac{SE^t(t+1)}{SE^t(t)}\\frac{SE^{t+1}(t+1)}{SE^{t+1}(t)}}'] : []), ...bias];
}

function citationsOf(o: Resolved): Citation[] {
  const c: Citation[] = [];
  if (o.index === 'malmquist') c.push({ text: 'Färe, R., Grosskopf, S., Norris, M. & Zhang, Z. (1994). Productivity growth, technical progress, and efficiency change in industrialized countries. American Economic Review 84(1), 66–83.' });
  if (o.index === 'ml' || o.index === 'gml') c.push({ text: 'Chung, Y. H., Färe, R. & Grosskopf, S. (1997). Productivity and undesirable outputs: a directional distance function approach. Journal of Environmental Management 51(3), 229–240.', doi: '10.1006/jema.1997.0146' });
  if (o.index === 'gml') c.push({ text: 'Oh, D. (2010). A global Malmquist–Luenberger productivity index. Journal of Productivity Analysis 34(3), 183–197.', doi: '10.1007/s11123-010-0178-y' });
  if (o.index === 'luenberger') c.push({ text: 'Chambers, R. G., Färe, R. & Grosskopf, S. (1996). Productivity growth in APEC countries. Pacific Economic Review 1(3), 181–190.' });
  if (o.measure === 'nddf') c.push({ text: 'Zhou, P., Ang, B. W. & Wang, H. (2012). Energy and CO2 emission performance in electricity generation: a non-radial directional distance function approach. EJOR 221(3), 625–635.', doi: '10.1016/j.ejor.2012.04.022' });
  if (o.frontier.type === 'global' && o.index === 'malmquist') c.push({ text: 'Pastor, J. T. & Lovell, C. A. K. (2005). A global Malmquist productivity index. Economics Letters 88(2), 266–271.', doi: '10.1016/j.econlet.2005.02.013' });
  if (o.frontier.type === 'sequential') c.push({ text: 'Shestalova, V. (2003). Sequential Malmquist indices of productivity growth: an application to OECD industrial activities. Journal of Productivity Analysis 19, 211–226.' });
  if (o.frontier.type === 'biennial') c.push({ text: 'Pastor, J. T., Asmild, M. & Lovell, C. A. K. (2011). The biennial Malmquist productivity change index. Socio-Economic Planning Sciences 45(1), 10–15.' });
  if (o.bias) c.push({ text: 'Färe, R., Grifell-Tatjé, E., Grosskopf, S. & Lovell, C. A. K. (1997). Biased technical change and the Malmquist productivity index. Scandinavian Journal of Economics 99(1), 119–127.' });
  if (o.bias) c.push({ text: 'Dakpo, K. H., Desjeux, Y. & Latruffe, L. productivity: Indices of Productivity Using Data Envelopment Analysis (DEA). R package, function malm (obtech, ibtech, matech).' });
  if (o.decomposition === 'rd') c.push({ text: 'Ray, S. C. & Desli, E. (1997). Productivity growth, technical progress, and efficiency change in industrialized countries: comment. American Economic Review 87(5), 1033–1039.' });
  return c;
}
