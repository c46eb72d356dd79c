// Coupling coordination of subsystems on a panel (methods.md D1): subsystem scores U_g from their indicators,
// then C, T, D and grades per entity-period.
//
//   U_g = Σ_{j∈g} (w_j / Σ_{k∈g} w_k) x′_ij — indicator weights (entropy by default, pooled over all
//   entity-periods) renormalised within each subsystem; x′ the unshifted pooled min–max values.
//   With `subsystemWeights: 'separate'` the weight method runs on each subsystem's indicators alone (the same
//   as renormalising for entropy, CV, SD; different for CRITIC and PCA).
// Then couplingDegree (coupling.ts): standard C by default; wang and fan variants; T weights α; D = √(CT).
// Warns when more than 80% of rows have C > 0.95 (the standard C bunches near 1: consider `wang`).

import type { Result, Warning, MethodCard, Status } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import { DataError } from '../errors.js';
import type { Panel } from '../panel/panel.js';
import type { Framework } from '../framework/types.js';
import { prepareIndicators, type PrepareOptions } from '../composite/prepare.js';
import { computeWeights } from '../composite/weighting.js';
import { shiftText } from '../normalize/shift.js';
import { couplingDegree, dGrade, cGrade, type CouplingVariant } from './coupling.js';

export interface CouplingCoordinationOptions extends PrepareOptions {
  /** the subsystems are the framework's top dimensions */
  systems: Framework;
  subsystemWeights?: 'renormalize' | 'separate';
  variant?: CouplingVariant;
  /** T weights by subsystem key or in order; default equal */
  alpha?: Record<string, number> | number[];
  allowOutOfRange?: boolean;
  lang?: 'zh' | 'en';
}

export interface CouplingRow {
  id: string;
  period: number;
  U: Record<string, number | null>;
  C: number | null;
  T: number | null;
  D: number | null;
  grade: string | null;
  couplingGrade: string | null;
  status: Status;
  reason?: string;
}

export function couplingCoordination(panel: Panel, options: CouplingCoordinationOptions): Result<CouplingRow> {
  const fw = options.systems;
  const lang = options.lang ?? 'en';
  const variant = options.variant ?? 'standard';
  const prep = prepareIndicators(panel, fw, options);
  const { mat, nm } = prep;
  const warnings: Warning[] = [...prep.warnings];
  const G = mat.dimensionKeys.length;
  if (G < 2) throw new DataError('too-few-subsystems', `coupling needs at least 2 subsystems (got ${G}: ${mat.dimensionKeys.join(', ')})`, {}, 'give --systems "a=col1,col2;b=col3"');
  const N = mat.cells.length;
  const U = Array.from({ length: G }, () => new Float64Array(N));
  const groupWeights: Record<string, { indicator: string; weight: number; period?: number }[]> = {};
  const members = mat.dimensionKeys.map((_, g) => mat.keys.map((_, j) => j).filter((j) => mat.dimensionOf[j] === g));
  const separate = options.subsystemWeights === 'separate';
  const localWeights = (w: Float64Array, rows: Int32Array | null, period?: number): Float64Array[] =>
    members.map((js, g) => {
      let lw: Float64Array;
      if (separate && js.length > 1) {
        const pick = <T,>(a: readonly T[]) => js.map((j) => a[j]);
        const cols = js.map((j) => { const c = nm.column(j); return rows ? Float64Array.from(rows, (r) => c[r]) : c; });
        const raws = js.map((j) => (rows ? Float64Array.from(rows, (r) => mat.raw[j][r]) : mat.raw[j]));
        lw = computeWeights(prep.weightOptions, { normalized: cols, raw: raws, directions: pick(mat.directions), keys: pick(mat.keys), shift: prep.shift, exclude: js.map(() => false), framework: fw }).weights;
      } else {
        const s = js.reduce((a, j) => a + w[j], 0);
        lw = Float64Array.from(js, (j) => (s > 0 ? w[j] / s : 1 / js.length));
      }
      (groupWeights[mat.dimensionKeys[g]] ??= []).push(...js.map((j, k) => ({ indicator: mat.keys[j], weight: lw[k], ...(period !== undefined ? { period } : {}) })));
      return lw;
    });
  const cols = mat.keys.map((_, j) => nm.column(j));
  const fill = (lw: Float64Array[], rows: ArrayLike<number>) => {
    members.forEach((js, g) => js.forEach((j, k) => { const c = cols[j]; const u = U[g]; for (let q = 0; q < rows.length; q++) { const r = rows[q]; u[r] += lw[g][k] * c[r]; } }));
  };
  if (prep.pooled) fill(localWeights(prep.pooled.weights, null), Int32Array.from({ length: N }, (_, r) => r));
  else {
    const byG: number[][] = prep.byPeriod.map(() => []);
    for (let r = 0; r < N; r++) byG[mat.groups.group[r]].push(r);
    byG.forEach((rows, t) => {
      const o = prep.byPeriod[t];
      if (rows.length && o) fill(localWeights(o.weights, Int32Array.from(rows), panel.periods[t]), rows);
      else for (const r of rows) for (const u of U) u[r] = NaN; // single complete entity in a per-period run
    });
  }
  const alpha = Array.isArray(options.alpha) ? options.alpha : options.alpha ? mat.dimensionKeys.map((k) => {
    const a = (options.alpha as Record<string, number>)[k];
    if (a === undefined) throw new DataError('missing-alpha', `no T weight for subsystem "${k}"`);
    return a;
  }) : undefined;
  const cc = couplingDegree(U, { variant, alpha, allowOutOfRange: options.allowOutOfRange, names: mat.dimensionKeys });
  if (cc.allZero) warnings.push({ code: 'all-zero', message: `${cc.allZero} row(s) have every subsystem score 0: C = 0`, messageZh: '部分样本各子系统得分均为 0', count: cc.allZero });
  if (variant.startsWith('legacy:')) {
    warnings.push({ code: 'legacy-coupling', message: `C by the legacy form "${variant}" is biased (maximum ${variant === 'legacy:noMean' ? `1/${G}` : '1/2'}); use it only to reproduce old papers`, messageZh: '该耦合度公式有误（上限小于 1），仅用于复现旧文献' });
  }
  let high = 0;
  for (let r = 0; r < N; r++) if (cc.C[r] > 0.95) high++;
  if (N > 0 && high / N > 0.8) {
    warnings.push({ code: 'ccd-bunching', message: `C > 0.95 in ${high} of ${N} rows: C saturates and hardly discriminates; consider the wang variant`, messageZh: `${high}/${N} 个样本耦合度 C > 0.95，区分度低，可考虑王淑佳等（2021）修正模型`, count: high });
  }
  const T = panel.periods.length;
  const missing = new Map(mat.incomplete.map((x) => [x.cell, x.missing]));
  const rows: CouplingRow[] = Array.from(mat.outputCells, (cell) => {
    const id = panel.ids[Math.floor(cell / T)];
    const period = panel.periods[cell % T];
    const r = mat.rowOfCell[cell];
    if (r < 0) {
      return { id, period, U: Object.fromEntries(mat.dimensionKeys.map((k) => [k, null])), C: null, T: null, D: null, grade: null, couplingGrade: null, status: 'insufficient_data' as Status, reason: `missing or non-finite: ${missing.get(cell)?.join(', ')}` };
    }
    if (Number.isNaN(cc.D[r])) {
      return { id, period, U: Object.fromEntries(mat.dimensionKeys.map((k) => [k, null])), C: null, T: null, D: null, grade: null, couplingGrade: null, status: 'insufficient_data' as Status, reason: 'the only complete entity of its period: per-period scope needs at least 2' };
    }
    return {
      id, period,
      U: Object.fromEntries(mat.dimensionKeys.map((k, g) => [k, U[g][r]])),
      C: cc.C[r], T: cc.T[r], D: cc.D[r],
      grade: dGrade(cc.D[r], lang),
      couplingGrade: cGrade(cc.C[r], lang),
      status: 'ok' as Status,
    };
  });
  const card: MethodCard = {
    method: 'coupling',
    title: { en: `Coupling coordination degree (${variant}, ${G} subsystems)`, zh: `耦合协调度（${variant}，${G} 个子系统）` },
    conventions: {
      subsystems: Object.fromEntries(mat.dimensionKeys.map((k, g) => [k, members[g].map((j) => mat.keys[j])])),
      normalization: `${nm.method}, scope ${nm.scope}`,
      weights: prep.weightOptions.method ?? 'entropy',
      weightScope: prep.pooled ? 'pooled over all complete entity-periods' : 'per period',
      entropyShift: shiftText(prep.shift),
      subsystemScore: separate ? 'U_g = Σ_{j∈g} w_{j|g} x′_ij with the weight method run within each subsystem' : 'U_g = Σ_{j∈g} (w_j/Σ_{k∈g} w_k) x′_ij (indicator weights renormalised within the subsystem; unshifted x′)',
      variant,
      C: variant === 'standard' ? 'C = n(ΠU)^{1/n}/ΣU (any U = 0 → C = 0)' : variant === 'wang' ? 'C = √{[1 − Σ_{i<j}|U_i−U_j|/(n(n−1)/2)]·[Π(U_i/maxU)]^{1/(n−1)}} (Wang et al. 2021)' : variant === 'fan' ? 'C = 1 − 2σ_pop(U)' : `legacy ${variant} (biased; not a default)`,
      clamp: 'C clamped to [0, 1]',
      T: `T = Σ α_g U_g, α = [${Array.from(cc.alpha).join(', ')}]`,
      D: 'D = √(C·T)',
      gradesD: 'ten left-closed bands of 0.1 (1.0 in the top band): 极度失调 … 优质协调',
      gradesC: '低水平耦合 [0,0.3), 拮抗 [0.3,0.5), 磨合 [0.5,0.8), 高水平耦合 [0.8,1] (left-closed; boundaries not pinned in the literature)',
      bunchingWarning: 'more than 80% of rows with C > 0.95',
      missing: 'entity-periods with any missing indicator: status insufficient_data, null values',
    },
    formulas: ['C = n\\,(\\prod_g U_g)^{1/n} / \\sum_g U_g', 'T = \\sum_g \\alpha_g U_g', 'D = \\sqrt{C\\,T}'],
    citations: [
      { text: 'Wang Shujia 王淑佳, Kong Wei 孔伟, Ren Liang 任亮, Zhi Dongdong 支冬冬 & Dai Bingtao 戴炳焘 (2021). 国内耦合协调度模型的误区及修正. 自然资源学报 36(3), 793–810.' },
      { text: 'Liu Chunlin 刘春林 (2017). 耦合度计算的常见错误及修正. 运筹与管理 26(1).' },
    ],
    software: SOFTWARE,
    statusCounts: countStatuses(rows),
  };
  return {
    method: 'coupling',
    params: { systems: Object.fromEntries(mat.dimensionKeys.map((k, g) => [k, members[g].map((j) => mat.keys[j])])), variant, alpha: Array.from(cc.alpha), normalize: nm.method, scope: nm.scope, weights: prep.weightOptions.method ?? 'entropy', shift: shiftText(prep.shift), subsystemWeights: separate ? 'separate' : 'renormalize' },
    rows,
    summary: {
      weights: mat.keys.map((k, j) => ({ indicator: k, dimension: mat.dimensionKeys[mat.dimensionOf[j]], weight: prep.pooled ? prep.pooled.weights[j] : null })).filter((w) => w.weight !== null),
      subsystemWeights: groupWeights,
      meanD: mean(cc.D), meanC: mean(cc.C), shareCAbove095: N ? high / N : 0,
    },
    warnings,
    card,
  };
}

function mean(x: Float64Array): number | null {
  let s = 0, n = 0;
  for (const v of x) if (Number.isFinite(v)) { s += v; n++; }
  return n ? s / n : null;
}
