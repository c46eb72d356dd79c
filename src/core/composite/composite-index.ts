// Composite index of a panel (methods.md B–C): framework → indicator matrix → normalisation → weights →
// aggregation → ranks, with dimension scores, an optional weight-sensitivity analysis and a method card.
//
//   compositeIndex(panel, { framework, normalize, scope, shift, weights, hierarchy, aggregate, … }) → Result
//
// Defaults (methods.md): pooled min–max over all complete entity-periods (years comparable); entropy weights
// pooled with k = 1/ln N, no shift (0·ln0 := 0); weighted sum on the UNSHIFTED x′; flat hierarchy
// (dimension score S_d = Σ_{j∈d} w_j x′_j, total Σ_d S_d); ranks within each period, 1 = best.
// Entity-periods with a missing or non-finite indicator are not scored: their rows carry status
// `insufficient_data`, a reason naming the missing indicators, and null score/rank (never dropped).
// Cost: O(N·m) for entropy/weighted/TOPSIS/GRA/VIKOR, O(N·m²) CRITIC/PCA, O(m·N log N) RSR.

import { DataError, UsageError } from '../errors.js';
import type { Result, Warning, MethodCard, Status } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import type { Panel } from '../panel/panel.js';
import type { Framework } from '../framework/types.js';
import type { ColumnSource, MatrixInput, RowGroups } from '../normalize/matrix.js';
import { selectMatrixRows, groupRowMembers } from '../normalize/matrix.js';
import { prepareIndicators } from './prepare.js';
import { normalizeMatrix, type NormalizeMethod, type NormalizeScope, type ConstantPolicy, type NormalizedMatrix } from '../normalize/normalize.js';
import { directionText } from '../normalize/direction.js';
import { toShiftSpec, shiftedSource, shiftText, type ShiftSpec } from '../normalize/shift.js';
import type { IndicatorMatrix } from './indicator-matrix.js';
import { computeWeights, type WeightOptions, type WeightOutcome } from './weighting.js';
import { weightedSum } from '../aggregate/weighted-sum.js';
import { topsis } from '../aggregate/topsis.js';
import { greyRelational, graPreprocess } from '../aggregate/gra.js';
import { vikor, type VikorConditions } from '../aggregate/vikor.js';
import { rankSumRatio, rsrGrading } from '../aggregate/rsr.js';
import { pcaCompositeScore } from '../weights/pca.js';
import { rankWithinGroups } from '../aggregate/rank.js';
import { weightSensitivity } from '../aggregate/sensitivity.js';
import { ahpWeights } from '../weights/ahp.js';
import { quantileSorted } from '../math/stats.js';

export type AggregateMethod = 'weighted' | 'topsis' | 'gra' | 'vikor' | 'rsr';

export interface TopsisIndexOptions {
  normalization?: 'vector' | 'minmax';
  /** scope of the TOPSIS normalisation (default: the index scope) */
  normalizationScope?: 'pooled' | 'period';
  /** ideal points over all rows (pooled, default) or per period */
  idealScope?: 'pooled' | 'period';
  weighting?: 'matrix' | 'distance';
  directions?: 'idealSelection' | 'forward';
  absoluteIdeal?: boolean;
}

export interface CompositeIndexOptions {
  framework: Framework;
  normalize?: NormalizeMethod;
  scope?: NormalizeScope;
  basePeriod?: number;
  constantPolicy?: ConstantPolicy;
  zscorePopulation?: boolean;
  /** entropy shift: a constant A (x″ = x′ + A) or a ShiftSpec; default none (0·ln0 := 0) */
  shift?: number | ShiftSpec;
  /** weighted sum on x″ instead of x′ */
  shiftInScores?: boolean;
  /** multiply scores by this (e.g. 100) */
  scale?: number;
  weights?: WeightMethod | WeightOptions;
  hierarchy?: 'flat' | 'nested';
  dimensionWeights?: 'sum' | 'rerun' | 'equal' | 'user' | 'ahp';
  aggregate?: AggregateMethod;
  topsis?: TopsisIndexOptions;
  /** GRA: rho, scope, and preprocessing (minmax = the pipeline's x′, default; mean/initial/none on raw data) */
  gra?: { rho?: number; scope?: 'pooled' | 'period'; preprocess?: 'minmax' | 'mean' | 'initial' | 'none' };
  vikor?: { v?: number; scope?: 'pooled' | 'period' };
  /** RSR: non-integer ranks; probit grading within each period (rows gain probit, rsrFitted, grade) */
  rsr?: { nonInteger?: boolean; grade?: boolean; regression?: 'distinct' | 'rows'; frequency?: 'cumulative' | 'averageRank' };
  sensitivity?: { draws?: number; concentration?: number; seed?: number } | false;
}

type WeightMethod = NonNullable<WeightOptions['method']>;

export interface IndexRow {
  id: string;
  period: number;
  score: number | null;
  rank: number | null;
  dimensions: Record<string, number | null>;
  status: Status;
  reason?: string;
  dPlus?: number | null;
  dMinus?: number | null;
  S?: number | null;
  R?: number | null;
  rankMedian?: number | null;
  rankP05?: number | null;
  rankP95?: number | null;
  probit?: number | null;
  rsrFitted?: number | null;
  grade?: number | null;
}

export interface IndexWeight { indicator: string; dimension: string; weight: number; period?: number }

const CITATIONS = {
  entropy: { text: 'Entropy weight method: Shannon (1948); Zeleny, M. (1982). Multiple Criteria Decision Making. McGraw-Hill.' },
  critic: { text: 'Diakoulaki, D., Mavrotas, G., & Papayannakis, L. (1995). Determining objective weights in multiple criteria problems: The CRITIC method. Computers & Operations Research 22(7), 763–770.', doi: '10.1016/0305-0548(94)00059-H' },
  ahp: { text: 'Saaty, T. L. (1977). A scaling method for priorities in hierarchical structures. Journal of Mathematical Psychology 15(3), 234–281.', doi: '10.1016/0022-2496(77)90033-5' },
  topsis: { text: 'Hwang, C.-L., & Yoon, K. (1981). Multiple Attribute Decision Making. Lecture Notes in Economics and Mathematical Systems 186. Springer.' },
  gra: { text: 'Deng, J.-L. (1982). Control problems of grey systems. Systems & Control Letters 1(5), 288–294.', doi: '10.1016/S0167-6911(82)80025-X' },
  vikor: { text: 'Opricovic, S., & Tzeng, G.-H. (2004). Compromise solution by MCDM methods. European Journal of Operational Research 156(2), 445–455.', doi: '10.1016/S0377-2217(03)00020-1' },
  rsr: { text: 'Tian Fengtiao 田凤调 (1988). 秩和比法及其应用. 中国卫生统计.' },
};

function weightOptions(w: CompositeIndexOptions['weights']): WeightOptions {
  if (w === undefined) return { method: 'entropy' };
  if (typeof w === 'string') return { method: w };
  return w;
}

export function compositeIndex(panel: Panel, options: CompositeIndexOptions): Result<IndexRow> {
  const fw = options.framework;
  const normalize = options.normalize ?? 'minmax';
  const scope = options.scope ?? 'pooled';
  const aggregate = options.aggregate ?? 'weighted';
  const hierarchy = options.hierarchy ?? 'flat';
  const shift = toShiftSpec(options.shift);
  const wopt = weightOptions(options.weights);
  const policy = options.constantPolicy ?? 'error';
  const scale = options.scale ?? 1;
  const warnings: Warning[] = [];

  if (normalize === 'vector' && aggregate !== 'topsis' && fw.indicators.some((i) => i.direction !== '+')) {
    throw new UsageError('vector-needs-benefit', 'vector normalisation leaves cost and interval indicators as they are, so a weighted sum would reward them', 'use --normalize minmax or zscore, or --aggregate topsis');
  }
  const perPeriodWeights = scope === 'period';
  const pcaScore = wopt.method === 'pca' && wopt.pca?.variant === 'compositeScore';
  if (pcaScore && aggregate !== 'weighted') throw new UsageError('pca-score-aggregate', 'the PCA composite score (Stata workflow) is its own aggregation', 'use --aggregate weighted with --pca-variant compositeScore');
  if (pcaScore && hierarchy === 'nested') throw new UsageError('pca-score-nested', 'the PCA composite score has no nested hierarchy', 'use --hierarchy flat');
  if ((options.gra?.preprocess ?? 'minmax') !== 'minmax' && aggregate === 'gra' && fw.indicators.some((i) => i.direction !== '+')) {
    throw new UsageError('gra-preprocess-benefit', `GRA preprocessing "${options.gra?.preprocess}" works on the raw data, so every indicator must be a benefit (+) indicator`, 'use --gra-preprocess minmax for cost or interval indicators');
  }
  const prep = prepareIndicators(panel, fw, { normalize, scope, basePeriod: options.basePeriod, constantPolicy: policy, zscorePopulation: options.zscorePopulation, shift, weights: wopt });
  const { mat, nm, exclude, baseGroup } = prep;
  const N = mat.cells.length;
  warnings.push(...prep.warnings);
  const members = groupRowMembers(mat.groups);
  let pooled = prep.pooled;
  const byPeriod = prep.byPeriod;
  // nested hierarchy: within-dimension weights and dimension weights W_d
  // (per-period scope: within-dimension weights and W_d both per period, from that period's rows)
  let dimWeights: Float64Array | null = null;
  const dimWeightsByPeriod: (Float64Array | null)[] = [];
  if (hierarchy === 'nested' && perPeriodWeights) {
    members.forEach((rowsG, g) => {
      const o = byPeriod[g];
      if (!o || !rowsG.length) { dimWeightsByPeriod.push(null); return; }
      const r = nestedWeights(o, wopt, nm, mat, fw, shift, exclude, options.dimensionWeights ?? 'sum', rowsG);
      byPeriod[g] = { ...o, weights: r.global, details: { ...o.details, nested: r.details } };
      dimWeightsByPeriod.push(r.W);
    });
  } else if (hierarchy === 'nested') {
    const r = nestedWeights(pooled!, wopt, nm, mat, fw, shift, exclude, options.dimensionWeights ?? 'sum');
    pooled = { ...pooled!, weights: r.global, details: { ...pooled!.details, nested: r.details } };
    dimWeights = r.W;
  }
  const weightStatus = [pooled, ...byPeriod].some((o) => o?.status === 'inconsistent') ? 'inconsistent' : 'ok';

  // ---- scores
  const nDim = mat.dimensionKeys.length;
  const xScore: ColumnSource = options.shiftInScores ? shiftedSource(nm, shift, mat.raw, mat.directions) : nm;
  const score = new Float64Array(N);
  const dims = Array.from({ length: nDim }, () => new Float64Array(N));
  const extra: Record<string, Float64Array> = {};
  const aggDetails: Record<string, unknown> = {};
  const runScores = (weights: Float64Array, rows: Int32Array | null, target: Float64Array, saveExtra: boolean): void => {
    const x: MatrixInput = rows ? selectMatrixRows(xScore, rows) : xScore;
    const put = (v: Float64Array, name?: string) => {
      const dest = name ? (extra[name] ??= new Float64Array(N).fill(NaN)) : target;
      if (rows) rows.forEach((r, k) => { dest[r] = v[k]; }); else dest.set(v);
    };
    if (aggregate === 'weighted') {
      const ws = weightedSum(x, weights);
      put(scale === 1 ? ws.score : ws.score.map((v) => v * scale));
    } else if (aggregate === 'topsis') {
      const t = options.topsis ?? {};
      const { matrix, benefit } = topsisMatrix(mat, nm, t, scope, rows);
      const idealGroups = (t.idealScope ?? 'pooled') === 'period' || rows ? sub(mat.groups, rows) : undefined;
      const res = topsis(matrix, weights, { benefit, weighting: t.weighting, groups: idealGroups, absoluteIdeal: t.absoluteIdeal });
      put(res.closeness);
      if (saveExtra) {
        put(res.dPlus, 'dPlus'); put(res.dMinus, 'dMinus');
        if (!rows) aggDetails.ideal = (t.idealScope ?? 'pooled') === 'period' ? Object.fromEntries(res.ideal.map((v, g) => [panel.periods[g], Array.from(v)])) : Array.from(res.ideal[0]);
        if (!rows) aggDetails.antiIdeal = (t.idealScope ?? 'pooled') === 'period' ? Object.fromEntries(res.antiIdeal.map((v, g) => [panel.periods[g], Array.from(v)])) : Array.from(res.antiIdeal[0]);
      }
    } else if (aggregate === 'gra') {
      const gs = (options.gra?.scope ?? 'pooled') === 'period' || rows ? sub(mat.groups, rows) : undefined;
      const pre = options.gra?.preprocess ?? 'minmax';
      const xr: MatrixInput = rows ? selectMatrixRows(mat.raw, rows) : mat.raw;
      const xg: MatrixInput = pre === 'minmax' ? x : pre === 'none' ? xr : graPreprocess(xr, pre, gs, mat.keys);
      const res = greyRelational(xg, weights, { rho: options.gra?.rho, groups: gs });
      put(res.grade);
      if (saveExtra && !rows) { aggDetails.deltaMin = Array.from(res.deltaMin); aggDetails.deltaMax = Array.from(res.deltaMax); aggDetails.rho = res.rho; }
    } else if (aggregate === 'vikor') {
      const vs = (options.vikor?.scope ?? 'pooled') === 'period' || rows ? sub(mat.groups, rows) : undefined;
      const res = vikor(x, weights, { v: options.vikor?.v, groups: vs });
      put(res.Q);
      if (saveExtra) {
        put(res.S, 'S'); put(res.R, 'R');
        const cells = (q: number) => { const r = rows ? rows[q] : q; const c = mat.cells[r]; return { id: panel.ids[Math.floor(c / panel.periods.length)], period: panel.periods[c % panel.periods.length] }; };
        const conds = res.conditions.filter((c) => c.best >= 0).map((c: VikorConditions) => ({ best: cells(c.best), acceptableAdvantage: c.advantage, acceptableStability: c.stability, compromiseSet: c.compromiseSet.map(cells) }));
        aggDetails.conditions = [...((aggDetails.conditions as unknown[] | undefined) ?? []), ...conds];
        if (res.zeroRanges) aggDetails.zeroRanges = ((aggDetails.zeroRanges as number | undefined) ?? 0) + res.zeroRanges;
      }
    } else {
      put(rankSumRatio(x, weights, { groups: sub(mat.groups, rows), nonInteger: options.rsr?.nonInteger }));
    }
  };
  const weightsOfDims = (weights: Float64Array, rows: Int32Array | null, W: Float64Array | null) => {
    const x: MatrixInput = rows ? selectMatrixRows(nm, rows) : nm;
    const ws = weightedSum(x, weights, mat.dimensionOf, nDim);
    ws.dimensions.forEach((d, k) => {
      const f = (W ? 1 / W[k] : 1) * scale;
      if (rows) rows.forEach((r, q) => { dims[k][r] = d[q] * f; }); else for (let q = 0; q < N; q++) dims[k][q] = d[q] * f;
    });
  };
  if (perPeriodWeights) {
    score.fill(NaN);
    for (const d of dims) d.fill(NaN);
    members.forEach((rows, g) => { const o = byPeriod[g]; if (rows.length && o) { runScores(o.weights, rows, score, true); weightsOfDims(o.weights, rows, dimWeightsByPeriod[g] ?? null); } });
  } else {
    runScores(pooled!.weights, null, score, true);
    weightsOfDims(pooled!.weights, null, dimWeights);
  }
  if (pcaScore) {
    // Stata pca workflow: F = Σ_k (λ_k/Σλ) F_k on the rows in scope (pooled, or each period)
    const fill = (rowsSel: Int32Array | null) => {
      const raw: MatrixInput = rowsSel ? selectMatrixRows(mat.raw, rowsSel) : mat.raw;
      const r = pcaCompositeScore(raw, mat.directions, { retain: wopt.pca?.retain });
      const v = scale === 1 ? r.score : r.score.map((u) => u * scale);
      if (rowsSel) rowsSel.forEach((q, k) => { score[q] = v[k]; }); else score.set(v);
      return { retained: r.retained, share: Array.from(r.share), coefficients: Array.from(r.coefficients) };
    };
    if (perPeriodWeights) aggDetails.pcaScore = Object.fromEntries(members.map((rowsSel, g) => [panel.periods[g], rowsSel.length >= 3 ? fill(rowsSel) : (rowsSel.forEach((q) => { score[q] = NaN; }), null)]));
    else aggDetails.pcaScore = fill(null);
  }
  if (aggregate === 'rsr' && options.rsr?.grade) {
    const g = rsrGrading(score, { groups: mat.groups, regression: options.rsr.regression, frequency: options.rsr.frequency });
    extra.probit = g.probit; extra.rsrFitted = g.fitted; extra.grade = g.grade;
    aggDetails.grading = g.fit.map((f, t) => ({ period: panel.periods[t], ...f }));
  }
  if (aggregate === 'vikor' && aggDetails.zeroRanges) warnings.push({ code: 'vikor-zero-range', message: `VIKOR met ${aggDetails.zeroRanges} zero range(s); those terms were set to 0`, messageZh: 'VIKOR 存在零极差项，已按 0 处理' });
  const ascending = aggregate === 'vikor';
  const rank = rankWithinGroups(score, mat.groups, ascending);

  // ---- sensitivity
  let sens: ReturnType<typeof weightSensitivity> | null = null;
  if (options.sensitivity && !perPeriodWeights) {
    const s = options.sensitivity;
    sens = weightSensitivity((w) => { const out = new Float64Array(N); runScores(w, null, out, false); return out; }, pooled!.weights, { draws: s.draws, concentration: s.concentration, seed: s.seed, groups: mat.groups, ascending });
  } else if (options.sensitivity && perPeriodWeights) {
    // per-period weights: Dirichlet(c·w_t) around each period's own weights, period t (t-th period) on seed + t;
    // rank bands per row, Spearman ρ of draw d = mean over periods of that period's ρ_d
    const s = options.sensitivity;
    const rankMedian = new Float64Array(N).fill(NaN), rankP05 = new Float64Array(N).fill(NaN), rankP95 = new Float64Array(N).fill(NaN);
    let rho: Float64Array | null = null;
    let cnt = 0;
    let first: ReturnType<typeof weightSensitivity> | null = null;
    members.forEach((rowsG, g) => {
      const o = byPeriod[g];
      if (!o || !rowsG.length) return;
      const out = new Float64Array(N);
      const r = weightSensitivity((w) => { runScores(w, rowsG, out, false); return Float64Array.from(rowsG, (q) => out[q]); }, o.weights, { draws: s.draws, concentration: s.concentration, seed: (s.seed ?? 12345) + g, ascending });
      first ??= r;
      rowsG.forEach((q, k) => { rankMedian[q] = r.rankMedian[k]; rankP05[q] = r.rankP05[k]; rankP95[q] = r.rankP95[k]; });
      if (rowsG.length > 1) { rho ??= new Float64Array(r.draws); r.spearman.forEach((v, d) => { rho![d] += v; }); cnt++; }
    });
    if (first) {
      const f = first as ReturnType<typeof weightSensitivity>;
      const spear = rho ? Float64Array.from(rho as Float64Array, (v) => v / cnt) : new Float64Array(f.draws).fill(1);
      const sr = Float64Array.from(spear).sort();
      sens = { draws: f.draws, concentration: f.concentration, seed: s.seed ?? 12345, rankMedian, rankP05, rankP95, spearman: spear, spearmanSummary: { median: quantileSorted(sr, 0.5), p05: quantileSorted(sr, 0.05), p95: quantileSorted(sr, 0.95), min: sr[0] } };
    }
  }

  // ---- rows
  const T = panel.periods.length;
  const missing = new Map(mat.incomplete.map((x) => [x.cell, x.missing]));
  let undefinedCount = 0;
  const extraEntries = Object.entries(extra);
  const dimensionValues = (r: number): Record<string, number | null> => {
    const o: Record<string, number | null> = {};
    for (let d = 0; d < nDim; d++) { const v = dims[d][r]; o[mat.dimensionKeys[d]] = Number.isFinite(v) ? v : null; }
    return o;
  };
  const rows: IndexRow[] = Array.from(mat.outputCells, (cell) => {
    const id = panel.ids[Math.floor(cell / T)];
    const period = panel.periods[cell % T];
    const r = mat.rowOfCell[cell];
    if (r < 0) {
      return { id, period, score: null, rank: null, dimensions: Object.fromEntries(mat.dimensionKeys.map((k) => [k, null])), status: 'insufficient_data' as Status, reason: `missing or non-finite: ${missing.get(cell)?.join(', ')}` };
    }
    const sc = score[r];
    const ok = Number.isFinite(sc);
    if (!ok) undefinedCount++;
    const row: IndexRow = {
      id, period,
      score: ok ? sc : null,
      rank: ok ? rank[r] : null,
      dimensions: dimensionValues(r),
      status: ok ? (weightStatus === 'inconsistent' ? 'inconsistent' : 'ok') : 'undefined',
    };
    if (!ok && perPeriodWeights && !byPeriod[mat.groups.group[r]]) {
      row.status = 'insufficient_data';
      row.reason = 'the only complete entity of its period: per-period scope needs at least 2';
    } else if (!ok) row.reason = aggregate === 'topsis' ? 'D⁺ + D⁻ = 0 (the row equals both ideal points)' : 'score undefined';
    for (const [k, v] of extraEntries) (row as unknown as Record<string, unknown>)[k] = Number.isFinite(v[r]) ? v[r] : null;
    if (sens) { const f = (v: number) => (Number.isFinite(v) ? v : null); row.rankMedian = f(sens.rankMedian[r]); row.rankP05 = f(sens.rankP05[r]); row.rankP95 = f(sens.rankP95[r]); }
    return row;
  });
  if (undefinedCount && rows.some((r) => r.status === 'undefined')) warnings.push({ code: 'undefined-score', message: `${undefinedCount} score(s) undefined (null, status undefined)`, count: undefinedCount });

  // ---- summary and card
  const dimOf = (j: number) => mat.dimensionKeys[mat.dimensionOf[j]];
  const weightList: IndexWeight[] = perPeriodWeights
    ? byPeriod.flatMap((o, g) => (o ? mat.keys.map((k, j) => ({ indicator: k, dimension: dimOf(j), weight: o.weights[j], period: panel.periods[g] })) : []))
    : mat.keys.map((k, j) => ({ indicator: k, dimension: dimOf(j), weight: pooled!.weights[j] }));
  const method = weightMethodName(wopt);
  const normParams = mat.keys.map((k, j) => ({ indicator: k, direction: directionText(mat.directions[j]), ...(nm.params[j].length === 1 ? pick(nm.params[j][0], normalize) : { byPeriod: nm.params[j].map((p) => pick(p, normalize)) }) }));
  const summary: Record<string, unknown> = {
    weights: weightList,
    weightMethod: method,
    weightDetails: perPeriodWeights ? Object.fromEntries(byPeriod.map((o, g) => [panel.periods[g], o?.details ?? null])) : pooled!.details,
    // W_d: the nested dimension weights, or (flat) the sum of the dimension's indicator weights; per period
    // weights have one W_d per period, readable from `weights`
    dimensionWeights: dimWeights
      ? mat.dimensionKeys.map((k, d) => ({ dimension: k, weight: dimWeights![d] }))
      : dimWeightsByPeriod.length ? dimWeightsByPeriod.flatMap((W, g) => (W ? mat.dimensionKeys.map((k, d) => ({ dimension: k, weight: W[d], period: panel.periods[g] })) : []))
      : perPeriodWeights ? [] : mat.dimensionKeys.map((k) => ({ dimension: k, weight: weightList.filter((w) => w.dimension === k).reduce((a, w) => a + w.weight, 0) })),
    normalization: normParams,
    rowsScored: N,
    rowsInsufficient: mat.incomplete.length,
    aggregate: aggDetails,
  };
  if (sens) summary.sensitivity = { draws: sens.draws, concentration: sens.concentration, seed: sens.seed, spearman: sens.spearmanSummary };
  const conventions: Record<string, unknown> = {
    framework: fw.key,
    frameworkSource: fw.source,
    indicators: mat.keys.length,
    normalization: normalize,
    normalizationScope: scope,
    basePeriod: scope === 'basePeriod' ? panel.periods[baseGroup!] : undefined,
    minmax: normalize === 'minmax' ? 'benefit (x−m)/(M−m); cost (M−x)/(M−m); interval [q1,q2]: 1 − distance/D, D = max(q1−m, M−q2)' : undefined,
    zscore: normalize === 'zscore' ? `(x − mean)/sd, sd ${options.zscorePopulation ? 'population (÷n)' : 'sample (÷(n−1))'}; cost −z` : undefined,
    constantPolicy: policy,
    weights: method,
    weightScope: perPeriodWeights ? 'period (one vector per period; k = 1/ln n_t)' : 'pooled (one vector; entropy k = 1/ln N over all complete entity-periods)',
    entropyShift: shiftText(shift),
    shiftInScores: !!options.shiftInScores,
    scoresOn: options.shiftInScores ? 'shifted x″' : 'unshifted x′',
    scale,
    hierarchy: hierarchy === 'flat' ? 'flat: dimension score S_d = Σ_{j∈d} w_j x′_j; total Σ_d S_d' : `nested: S_d = Σ_{j∈d} w_{j|d} x′_j ∈ [0,1]; W_d by ${options.dimensionWeights ?? 'sum'}; total Σ W_d S_d${perPeriodWeights ? '; w_{j|d} and W_d computed separately for each period from its rows' : ''}`,
    aggregate,
    topsis: aggregate === 'topsis' ? { normalization: options.topsis?.normalization ?? 'vector', normalizationScope: options.topsis?.normalizationScope ?? (scope === 'period' ? 'period' : 'pooled'), idealScope: perPeriodWeights ? 'period' : options.topsis?.idealScope ?? 'pooled', weighting: options.topsis?.weighting ?? 'matrix', directions: options.topsis?.directions ?? 'idealSelection', absoluteIdeal: !!options.topsis?.absoluteIdeal, closeness: 'C = D⁻/(D⁺ + D⁻)', note: 'rank reversal is inherent to TOPSIS' } : undefined,
    gra: aggregate === 'gra' ? { rho: options.gra?.rho ?? 0.5, preprocess: { minmax: 'x′ of the pipeline (forwarded min–max)', mean: '均值化 raw x/x̄_j within the GRA scope', initial: '初值化 raw x/x_1j, x_1j on the first entity of the GRA scope', none: 'raw data as given' }[options.gra?.preprocess ?? 'minmax'], reference: 'column max of the preprocessed data', deltaScope: 'global Δmin, Δmax over all rows and indicators in scope', scope: perPeriodWeights ? 'period' : options.gra?.scope ?? 'pooled', grade: 'Σ w ξ / Σ w' } : undefined,
    vikor: aggregate === 'vikor' ? { v: options.vikor?.v ?? 0.5, scope: perPeriodWeights ? 'period' : options.vikor?.scope ?? 'pooled', score: 'Q (lower is better; ranks ascending)', zeroRange: 'term set to 0' } : undefined,
    rsr: aggregate === 'rsr' ? { ranks: 'within period among entities; benefit: largest = n; ties averaged', nonInteger: !!options.rsr?.nonInteger, score: 'RSR = Σ w_j R_ij / n', grading: options.rsr?.grade ? { frequency: `${options.rsr.frequency === 'averageRank' ? 'R̄/n, R̄ the mean rank position of each tie group' : 'cumulative frequency #{RSR ≤ v}/n'} of the sorted distinct RSR values within the period (ties within 1e-12), last f = 1 − 1/(4n)`, probit: '5 + Φ⁻¹(f)', regression: `OLS RSR = a + b·Probit over ${options.rsr.regression === 'rows' ? 'all rows' : 'the distinct values'}`, grades: '1: RSR̂ < a+4b; 2: a+4b ≤ RSR̂ < a+6b; 3: RSR̂ ≥ a+6b (Probit cut-offs 4 and 6)' } : undefined } : undefined,
    ranks: `within each period, 1 = best (${ascending ? 'ascending Q' : 'descending score'}); ties (|a−b| ≤ 1e-12·max(1,|a|)) share the lowest rank`,
    missing: 'entity-periods with any missing/non-finite indicator are excluded from normalisation, weights and scores and reported with status insufficient_data',
    dimensionScores: aggregate === 'weighted' ? 'weighted sums of x′ (see hierarchy)' : 'weighted sums of x′ (see hierarchy), independent of the aggregator',
    sensitivity: sens ? { distribution: perPeriodWeights ? 'Dirichlet(c·w_t) around each period\'s weights; the t-th period (0-based) uses seed + t' : 'Dirichlet(c·w) around the estimated weights', concentration: sens.concentration, draws: sens.draws, seed: sens.seed, prng: 'xoshiro128** stream (seed, draw)', bands: 'type-7 quantiles 5%, 50%, 95% of the rank', spearman: 'Spearman ρ with the base ranking, mean over periods' } : undefined,
    ahp: (method.includes('ahp')) ? { method: wopt.ahp?.method ?? 'eigen', ri: wopt.ahp?.ri ?? 'saaty', crThreshold: 0.1, forced: !!wopt.ahp?.force } : undefined,
    critic: method.includes('critic') ? { sigma: wopt.critic?.sigmaOnRaw ? 'sample sd of raw data' : wopt.critic?.entropyConflict ? '1 − e_j' : 'sample sd (n − 1) of x′', correlation: wopt.critic?.absCorrelation ? '1 − |r|' : '1 − r (Pearson)' } : undefined,
    cv: method.includes('cv') ? { data: wopt.cv?.onNormalised ? 'x′' : 'raw data, direction ignored', sd: 'sample (n − 1)' } : undefined,
    pca: method.includes('pca') ? { data: 'cost indicators flipped, correlation matrix', retain: wopt.pca?.retain ?? { kind: 'kaiser' }, variant: wopt.pca?.variant ?? 'default', coefficient: pcaCoefficientText(wopt.pca?.variant, wopt.pca?.rotate), rotation: wopt.pca?.rotate === 'varimax' ? 'varimax (Kaiser 1958), Kaiser-normalised, iterated to max|ΔT| < 1e-13; λ_k → rotated variances Σ_j ã_jk²' : 'none', negative: wopt.pca?.negative ?? 'abs', score: pcaScore ? 'Stata pca workflow: F = Σ_k (λ_k/Σ_{k≤K} λ) F_k, F_k = Σ_j z_ij u_jk (z with the sample sd; var F_k = λ_k); replaces the weighted sum; reported weights are the implied b_j/Σb' : undefined } : undefined,
    combine: wopt.method === 'combine' ? { rule: wopt.combine?.rule ?? 'linear', methods: wopt.combine?.methods, alpha: wopt.combine?.alpha ?? 'equal' } : undefined,
  };
  for (const k of Object.keys(conventions)) if (conventions[k] === undefined) delete conventions[k];
  const citations = (['entropy', 'critic', 'ahp'] as const).filter((k) => method.includes(k)).map((k) => CITATIONS[k]);
  if (aggregate !== 'weighted') citations.push(CITATIONS[aggregate]);
  const card: MethodCard = {
    method: 'index',
    title: { en: `Composite index (${fw.label.en ?? fw.key}): ${method} weights, ${aggregate}`, zh: `综合指数（${fw.label.zh ?? fw.key}）：${method} 赋权，${aggregateZh(aggregate)}` },
    conventions,
    formulas: formulas(normalize, method, aggregate),
    citations,
    software: SOFTWARE,
    statusCounts: countStatuses(rows),
  };
  return {
    method: 'index',
    params: { framework: fw.key, normalize, scope, basePeriod: options.basePeriod, constantPolicy: policy, shift: shiftText(shift), shiftInScores: !!options.shiftInScores, scale, weights: method, hierarchy, dimensionWeights: hierarchy === 'nested' ? options.dimensionWeights ?? 'sum' : undefined, aggregate, [aggregate]: aggregate === 'weighted' ? undefined : options[aggregate as 'topsis' | 'gra' | 'vikor' | 'rsr'], sensitivity: options.sensitivity || undefined },
    rows,
    summary,
    warnings,
    card,
  };
}

function pick(p: { min: number; max: number; mean: number; sd: number; norm: number; count: number; constant: boolean }, method: NormalizeMethod): Record<string, unknown> {
  const o: Record<string, unknown> = method === 'zscore' ? { mean: p.mean, sd: p.sd } : method === 'vector' ? { norm: p.norm } : { min: p.min, max: p.max };
  o.n = p.count;
  if (p.constant) o.constant = true;
  for (const k of Object.keys(o)) if (typeof o[k] === 'number' && !Number.isFinite(o[k] as number)) o[k] = null;
  return o;
}

function pcaCoefficientText(variant: string | undefined, rotate: string | undefined): string {
  const r = rotate === 'varimax' ? ' (ã: varimax-rotated loadings)' : '';
  if (variant === 'mathmodels') return `b_j = Σ_k |a_jk| λ_k / Σ_k λ_k, a = u√λ (mathmodels)${r}`;
  if (variant === 'mathmodelsSquared') return `b_j = Σ_k a_jk² λ_k / Σ_k λ_k, a = u√λ (mathmodels squared)${r}`;
  return 'b_j = Σ_k u_jk λ_k / Σ_k λ_k over retained k (u unit eigenvectors, Σ_j u_jk ≥ 0)';
}

function weightMethodName(w: WeightOptions): string {
  if (w.method === 'combine') return `${(w.combine?.methods ?? []).join('+')} (${w.combine?.rule ?? 'linear'})`;
  return w.method ?? 'entropy';
}

function aggregateZh(a: AggregateMethod): string {
  return { weighted: '线性加权', topsis: 'TOPSIS', gra: '灰色关联', vikor: 'VIKOR', rsr: '秩和比' }[a];
}

function formulas(norm: NormalizeMethod, method: string, agg: AggregateMethod): string[] {
  const f: string[] = [];
  if (norm === 'minmax') f.push("x'_{ij} = (x_{ij} - m_j)/(M_j - m_j) (benefit); (M_j - x_{ij})/(M_j - m_j) (cost)");
  if (norm === 'zscore') f.push("z_{ij} = (x_{ij} - \\bar x_j)/s_j");
  if (norm === 'vector') f.push("r_{ij} = x_{ij}/\\sqrt{\\sum_i x_{ij}^2}");
  if (method.includes('entropy')) f.push("p_{ij} = x''_{ij}/\\sum_i x''_{ij};\\; e_j = -\\frac{1}{\\ln N}\\sum_i p_{ij}\\ln p_{ij};\\; w_j = (1-e_j)/\\sum_j (1-e_j)");
  if (method.includes('critic')) f.push("C_j = \\sigma_j \\sum_k (1 - r_{jk});\\; w_j = C_j/\\sum C");
  if (agg === 'weighted') f.push("S_i = \\sum_j w_j x'_{ij}");
  if (agg === 'topsis') f.push("D_i^\\pm = \\sqrt{\\sum_j (w_j r_{ij} - v_j^\\pm)^2};\\; C_i = D_i^-/(D_i^+ + D_i^-)");
  if (agg === 'gra') f.push("\\xi_{ij} = (\\Delta_{min} + \\rho\\Delta_{max})/(\\Delta_{ij} + \\rho\\Delta_{max});\\; r_i = \\sum_j w_j\\xi_{ij}/\\sum_j w_j");
  if (agg === 'vikor') f.push("Q_i = v\\frac{S_i - S^*}{S^- - S^*} + (1-v)\\frac{R_i - R^*}{R^- - R^*}");
  if (agg === 'rsr') f.push("RSR_i = \\sum_j w_j R_{ij}/n");
  return f;
}

/** Groups restricted to selected rows (or the groups themselves). */
function sub(groups: RowGroups, rows: Int32Array | null): RowGroups {
  if (!rows) return groups;
  return { group: Int32Array.from(rows, (r) => groups.group[r]), nGroups: groups.nGroups };
}

/** The matrix TOPSIS works on: vector (raw, ideal selection for cost columns) or min–max (all benefit). */
function topsisMatrix(mat: IndicatorMatrix, nm: NormalizedMatrix, t: TopsisIndexOptions, scope: NormalizeScope, rows: Int32Array | null): { matrix: MatrixInput; benefit: boolean[] } {
  const normScope = rows ? 'period' : t.normalizationScope ?? (scope === 'period' ? 'period' : 'pooled');
  const norm = t.normalization ?? 'vector';
  const forward = t.directions === 'forward';
  let raw: Float64Array[] = rows ? selectMatrixRows(mat.raw, rows) : mat.raw;
  const groups = sub(mat.groups, rows);
  if (norm === 'minmax') {
    if (!rows && nm.method === 'minmax' && nm.scope === normScope) return { matrix: nm, benefit: mat.keys.map(() => true) };
    return { matrix: normalizeMatrix(raw, mat.directions, { method: 'minmax', scope: normScope, groups, keys: mat.keys }), benefit: mat.keys.map(() => true) };
  }
  if (mat.directions.some((d) => typeof d === 'object')) throw new UsageError('topsis-vector-interval', 'TOPSIS with vector normalisation supports + and − indicators only', 'use --topsis-normalize minmax for interval or moderate indicators');
  if (forward) {
    // max − x for cost columns before normalising (Chinese tutorials), within the normalisation scope
    raw = raw.map((c, j) => {
      if (mat.directions[j] !== '-') return c;
      const mx = new Float64Array(normScope === 'period' ? groups.nGroups : 1).fill(-Infinity);
      c.forEach((v, q) => { const g = normScope === 'period' ? groups.group[q] : 0; if (v > mx[g]) mx[g] = v; });
      return Float64Array.from(c, (v, q) => mx[normScope === 'period' ? groups.group[q] : 0] - v);
    });
  }
  const matrix = normalizeMatrix(raw, mat.keys.map(() => '+' as const), { method: 'vector', scope: normScope, groups, keys: mat.keys });
  return { matrix, benefit: mat.directions.map((d) => forward || d !== '-') };
}

/** Nested hierarchy (B10): within-dimension weights and dimension weights W_d; global w_j = W_d · w_{j|d}. */
function nestedWeights(flat: WeightOutcome, wopt: WeightOptions, nm: NormalizedMatrix, mat: IndicatorMatrix, fw: Framework, shift: ShiftSpec, exclude: readonly boolean[], how: NonNullable<CompositeIndexOptions['dimensionWeights']>, rows?: Int32Array): { global: Float64Array; W: Float64Array; details: Record<string, unknown> } {
  const nDim = mat.dimensionKeys.length;
  const m = mat.keys.length;
  const sel = (c: Float64Array) => (rows ? Float64Array.from(rows, (q) => c[q]) : c);
  const nRows = rows ? rows.length : nm.nRows;
  const local = new Float64Array(m);
  const objective = !['ahp', 'fixed', 'user', 'combine'].includes(wopt.method ?? 'entropy');
  for (let d = 0; d < nDim; d++) {
    const js = Array.from({ length: m }, (_, j) => j).filter((j) => mat.dimensionOf[j] === d);
    let w: Float64Array;
    if (objective && js.length > 1) {
      const cols = js.map((j) => sel(nm.column(j)));
      const o = computeWeights(wopt, { normalized: cols, raw: js.map((j) => sel(mat.raw[j])), directions: js.map((j) => mat.directions[j]), keys: js.map((j) => mat.keys[j]), shift, exclude: js.map((j) => exclude[j]) });
      w = o.weights;
    } else {
      const s = js.reduce((a, j) => a + flat.weights[j], 0);
      w = Float64Array.from(js, (j) => (js.length === 1 ? 1 : flat.weights[j] / s));
    }
    js.forEach((j, k) => { local[j] = w[k]; });
  }
  const W = new Float64Array(nDim);
  if (how === 'sum') for (let j = 0; j < m; j++) W[mat.dimensionOf[j]] += flat.weights[j];
  else if (how === 'equal') W.fill(1 / nDim);
  else if (how === 'user') {
    fw.dimensions.forEach((d, k) => {
      if (d.weight === undefined) throw new DataError('missing-weight', `dimension "${d.key}" has no weight`, { file: fw.source, row: d.line }, 'add `weight:` to every dimension, or use --dimension-weights sum|equal|rerun');
      W[k] = d.weight;
    });
  } else if (how === 'ahp') {
    if (!fw.ahp && nDim > 1) throw new DataError('missing-ahp', 'dimension weights by AHP need `ahp:` at the top of the framework', { file: fw.source });
    const a = nDim > 1 ? ahpWeights(fw.ahp!, { where: 'the dimensions' }) : { weights: Float64Array.of(1) };
    W.set(a.weights);
  } else {
    // rerun: the same method on the dimension score matrix S_d (each S_d in [0,1])
    const S = Array.from({ length: nDim }, () => new Float64Array(nRows));
    for (let j = 0; j < m; j++) {
      const c = sel(nm.column(j));
      const sd = S[mat.dimensionOf[j]];
      for (let q = 0; q < nRows; q++) sd[q] += local[j] * c[q];
    }
    const o = computeWeights(objective ? wopt : { method: 'entropy' }, { normalized: S, raw: S, directions: S.map(() => '+' as const), keys: mat.dimensionKeys, shift, exclude: S.map(() => false) });
    W.set(o.weights);
  }
  const ws = W.reduce((a, b) => a + b, 0);
  for (let d = 0; d < nDim; d++) W[d] /= ws;
  const global = Float64Array.from(local, (w, j) => W[mat.dimensionOf[j]] * w);
  return { global, W, details: { withinDimension: Array.from(local), dimensionWeights: Array.from(W), dimensionWeightsBy: how } };
}
