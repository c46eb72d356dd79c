// Shared front half of the index pipeline for coupling coordination and obstacle degree: indicator matrix of
// complete entity-periods, normalisation (x′), and indicator weights — pooled, or one vector per period.

import { DataError, UsageError } from '../errors.js';
import type { Warning } from '../result.js';
import type { Panel } from '../panel/panel.js';
import type { Framework } from '../framework/types.js';
import { selectMatrixRows, groupRowMembers } from '../normalize/matrix.js';
import { normalizeMatrix, type NormalizeMethod, type NormalizeScope, type ConstantPolicy, type NormalizedMatrix } from '../normalize/normalize.js';
import { toShiftSpec, type ShiftSpec } from '../normalize/shift.js';
import { buildIndicatorMatrix, type IndicatorMatrix } from './indicator-matrix.js';
import { computeWeights, type WeightOptions, type WeightOutcome } from './weighting.js';

export interface PrepareOptions {
  normalize?: NormalizeMethod;
  scope?: NormalizeScope;
  /** z-score with the population sd */
  zscorePopulation?: boolean;
  basePeriod?: number;
  constantPolicy?: ConstantPolicy;
  shift?: number | ShiftSpec;
  weights?: NonNullable<WeightOptions['method']> | WeightOptions;
}

export interface Prepared {
  mat: IndicatorMatrix;
  nm: NormalizedMatrix;
  shift: ShiftSpec;
  weightOptions: WeightOptions;
  /** indicators left out of weighting (constantPolicy 'drop') */
  exclude: boolean[];
  baseGroup?: number;
  /** pooled weights, or null when per period */
  pooled: WeightOutcome | null;
  /** per period (index = period index), when scope is 'period' */
  byPeriod: (WeightOutcome | null)[];
  /** weights that apply to complete row r (null: its period has too few rows for per-period weights) */
  weightsOfRow: (r: number) => Float64Array | null;
  warnings: Warning[];
}

export function prepareIndicators(panel: Panel, fw: Framework, options: PrepareOptions): Prepared {
  const scope = options.scope ?? 'pooled';
  const shift = toShiftSpec(options.shift);
  const weightOptions: WeightOptions = options.weights === undefined ? { method: 'entropy' } : typeof options.weights === 'string' ? { method: options.weights } : options.weights;
  const policy = options.constantPolicy ?? 'error';
  const warnings: Warning[] = [];
  const mat = buildIndicatorMatrix(panel, fw);
  if (mat.cells.length < 2) {
    throw new DataError('insufficient-data', `only ${mat.cells.length} entity-period(s) have every indicator; at least 2 are needed`, { file: panel.source }, 'check missing values (xinzhi data inspect), or drop indicators with poor coverage');
  }
  let baseGroup: number | undefined;
  if (scope === 'basePeriod') {
    baseGroup = panel.periods.indexOf(options.basePeriod ?? panel.periods[0]);
    if (baseGroup < 0) throw new UsageError('bad-base-period', `base period ${options.basePeriod} is not in the data (periods ${panel.periods[0]}–${panel.periods[panel.periods.length - 1]})`);
  }
  const nm = normalizeMatrix(mat.raw, mat.directions, { method: options.normalize ?? 'minmax', scope, groups: mat.groups, baseGroup, groupLabels: panel.periods, constantPolicy: policy, population: options.zscorePopulation, keys: mat.keys });
  const exclude = policy === 'drop' ? nm.constant : new Array<boolean>(mat.keys.length).fill(false);
  if (nm.constant.some(Boolean)) {
    warnings.push({ code: 'constant-indicator', message: `constant indicator(s) ${mat.keys.filter((_, j) => nm.constant[j]).join(', ')}: x′ set to 0${policy === 'drop' ? ' and weight 0' : ''}`, messageZh: '存在常数指标' });
  }
  const input = (rows: Int32Array | null) => ({
    normalized: rows ? selectMatrixRows(nm, rows) : nm,
    raw: rows ? selectMatrixRows(mat.raw, rows) : mat.raw,
    directions: mat.directions, keys: mat.keys, shift, exclude, framework: fw,
  });
  let pooled: WeightOutcome | null = null;
  const byPeriod: (WeightOutcome | null)[] = [];
  if (scope === 'period') {
    const thin: number[] = [];
    groupRowMembers(mat.groups).forEach((rows, t) => {
      // a period with fewer than 2 complete rows cannot be normalised or weighted on its own
      if (rows.length === 1) thin.push(panel.periods[t]);
      byPeriod.push(rows.length >= 2 ? computeWeights(weightOptions, input(rows)) : null);
    });
    if (thin.length) warnings.push({ code: 'thin-period', message: `period(s) ${thin.join(', ')} have a single complete entity: not computed with per-period scope (status insufficient_data)`, messageZh: '部分年份仅有 1 个完整样本，逐年口径下无法计算', count: thin.length });
    warnings.push({ code: 'period-scope', message: 'normalisation and weights per period: values are not comparable across periods', messageZh: '逐年标准化与赋权：不同年份不可比' });
  } else {
    pooled = computeWeights(weightOptions, input(null));
  }
  for (const o of [pooled, ...byPeriod]) if (o) warnings.push(...o.warnings);
  if (mat.incomplete.length) {
    warnings.push({ code: 'insufficient-data', message: `${mat.incomplete.length} entity-period(s) have missing indicators and are not computed (status insufficient_data)`, messageZh: `${mat.incomplete.length} 个样本指标缺失`, count: mat.incomplete.length });
  }
  const weightsOfRow = (r: number) => (pooled ? pooled.weights : byPeriod[mat.groups.group[r]]?.weights ?? null);
  return { mat, nm, shift, weightOptions, exclude, baseGroup, pooled, byPeriod, weightsOfRow, warnings };
}
