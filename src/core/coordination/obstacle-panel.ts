// Obstacle degree on a panel (methods.md D2): for each entity-period, the share (%) of the gap to the best
// state that each indicator and each dimension accounts for, and the top-k obstacles.
//
// F_j = the indicator's global weight (flat weights from the chosen method, pooled by default), I = 1 − x′ on
// the unshifted min–max x′ (pooled scope by default), O_ij = F_j I_ij / Σ_j F_j I_ij × 100; dimension
// obstacle = Σ_{j∈d} O_ij. Rows (long form): one per entity-period and indicator (level 'indicator') and
// one per entity-period and dimension (level 'dimension'), with the rank of the obstacle within the unit.

import type { Result, Warning, MethodCard, Status } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import { UsageError } from '../errors.js';
import type { Panel } from '../panel/panel.js';
import type { Framework } from '../framework/types.js';
import { prepareIndicators, type PrepareOptions } from '../composite/prepare.js';
import { shiftText } from '../normalize/shift.js';

export interface ObstacleAnalysisOptions extends PrepareOptions {
  framework: Framework;
  /** how many top obstacles per unit (default 5) */
  top?: number;
  /** F·I without the row normalisation (mathmodels default) */
  unscaled?: boolean;
  /** only report these periods (weights and x′ still use every period in scope) */
  periods?: number[];
}

export interface ObstacleRow {
  id: string;
  period: number;
  level: 'indicator' | 'dimension';
  indicator?: string;
  dimension: string;
  obstacle: number | null;
  deviation?: number | null;
  rank: number | null;
  status: Status;
  reason?: string;
}

export function obstacleAnalysis(panel: Panel, options: ObstacleAnalysisOptions): Result<ObstacleRow> {
  const fw = options.framework;
  if ((options.normalize ?? 'minmax') !== 'minmax') throw new UsageError('obstacle-needs-minmax', 'obstacle degrees use the deviation 1 − x′ of min–max values', 'use --normalize minmax');
  const prep = prepareIndicators(panel, fw, options);
  const { mat, nm } = prep;
  const warnings: Warning[] = [...prep.warnings];
  const k = options.top ?? 5;
  const m = mat.keys.length;
  const nDim = mat.dimensionKeys.length;
  const cols = mat.keys.map((_, j) => nm.column(j));
  const T = panel.periods.length;
  const wanted = options.periods ? new Set(options.periods) : null;
  if (wanted) for (const p of wanted) if (!panel.periods.includes(p)) throw new UsageError('bad-period', `period ${p} is not in the data`);
  const missing = new Map(mat.incomplete.map((x) => [x.cell, x.missing]));
  const rows: ObstacleRow[] = [];
  const top: { id: string; period: number; obstacles: { indicator: string; obstacle: number }[] }[] = [];
  let undefinedCount = 0;
  const O = new Float64Array(m);
  const dimO = new Float64Array(nDim);
  for (const cell of mat.outputCells) {
    const id = panel.ids[Math.floor(cell / T)];
    const period = panel.periods[cell % T];
    if (wanted && !wanted.has(period)) continue;
    const r = mat.rowOfCell[cell];
    const w = r < 0 ? null : prep.weightsOfRow(r);
    if (r < 0 || !w) {
      const reason = r < 0 ? `missing or non-finite: ${missing.get(cell)?.join(', ')}` : 'the only complete entity of its period: per-period scope needs at least 2';
      mat.keys.forEach((key, j) => rows.push({ id, period, level: 'indicator', indicator: key, dimension: mat.dimensionKeys[mat.dimensionOf[j]], obstacle: null, deviation: null, rank: null, status: 'insufficient_data', reason }));
      mat.dimensionKeys.forEach((d) => rows.push({ id, period, level: 'dimension', dimension: d, obstacle: null, rank: null, status: 'insufficient_data', reason }));
      continue;
    }
    let s = 0;
    for (let j = 0; j < m; j++) { O[j] = w[j] * (1 - cols[j][r]); s += O[j]; }
    const ok = options.unscaled || s > 0;
    if (!options.unscaled) for (let j = 0; j < m; j++) O[j] = s > 0 ? (O[j] / s) * 100 : NaN;
    dimO.fill(0);
    for (let j = 0; j < m; j++) dimO[mat.dimensionOf[j]] += O[j];
    const order = rankDesc(O);
    const dorder = rankDesc(dimO);
    if (!ok) undefinedCount++;
    const status: Status = ok ? 'ok' : 'undefined';
    const reason = ok ? undefined : 'Σ F·I = 0: the unit is at the best value of every indicator';
    mat.keys.forEach((key, j) => rows.push({ id, period, level: 'indicator', indicator: key, dimension: mat.dimensionKeys[mat.dimensionOf[j]], obstacle: ok ? O[j] : null, deviation: 1 - cols[j][r], rank: ok ? order[j] : null, status, ...(reason ? { reason } : {}) }));
    mat.dimensionKeys.forEach((d, q) => rows.push({ id, period, level: 'dimension', dimension: d, obstacle: ok ? dimO[q] : null, rank: ok ? dorder[q] : null, status, ...(reason ? { reason } : {}) }));
    if (ok) {
      const idx = mat.keys.map((_, j) => j).sort((a, b) => O[b] - O[a] || a - b).slice(0, k);
      top.push({ id, period, obstacles: idx.map((j) => ({ indicator: mat.keys[j], obstacle: O[j] })) });
    }
  }
  if (undefinedCount) warnings.push({ code: 'obstacle-undefined', message: `${undefinedCount} unit(s) are at the best value everywhere: obstacle degrees undefined`, count: undefinedCount });
  const card: MethodCard = {
    method: 'obstacle',
    title: { en: 'Obstacle degree', zh: '障碍度' },
    conventions: {
      factorContribution: 'F_j = global indicator weight',
      weights: prep.weightOptions.method ?? 'entropy',
      weightScope: prep.pooled ? 'pooled' : 'per period',
      entropyShift: shiftText(prep.shift),
      deviation: "I_ij = 1 − x′_ij (unshifted min–max, scope " + nm.scope + ')',
      obstacle: options.unscaled ? 'O_ij = F_j I_ij (unscaled)' : 'O_ij = F_j I_ij / Σ_j F_j I_ij × 100 (rows sum to 100)',
      dimension: 'dimension obstacle = Σ_{j∈d} O_ij',
      top: k,
      ties: 'stable: equal obstacles keep indicator order',
      missing: 'entity-periods with any missing indicator: status insufficient_data',
    },
    formulas: ['O_{ij} = \\frac{F_j I_{ij}}{\\sum_j F_j I_{ij}} \\times 100'],
    citations: [{ text: 'Obstacle degree model (障碍度模型), as used in the Chinese regional-development literature; no single primary source.' }],
    software: SOFTWARE,
    statusCounts: countStatuses(rows),
  };
  return {
    method: 'obstacle',
    params: { framework: fw.key, normalize: 'minmax', scope: nm.scope, weights: prep.weightOptions.method ?? 'entropy', shift: shiftText(prep.shift), top: k, unscaled: !!options.unscaled, periods: options.periods },
    rows,
    summary: {
      weights: prep.pooled ? mat.keys.map((key, j) => ({ indicator: key, dimension: mat.dimensionKeys[mat.dimensionOf[j]], weight: prep.pooled!.weights[j] })) : prep.byPeriod.flatMap((o, t) => (o ? mat.keys.map((key, j) => ({ indicator: key, dimension: mat.dimensionKeys[mat.dimensionOf[j]], weight: o.weights[j], period: panel.periods[t] })) : [])),
      top,
    },
    warnings,
    card,
  };
}

/** Ranks 1 = largest, ties in index order (stable). */
function rankDesc(v: Float64Array): Int32Array {
  const idx = Array.from(v, (_, j) => j).sort((a, b) => v[b] - v[a] || a - b);
  const out = new Int32Array(v.length);
  idx.forEach((j, k) => { out[j] = k + 1; });
  return out;
}
