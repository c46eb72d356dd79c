// xinzhi index — composite index of a panel (methods.md B–C; design.md "CLI contract").
// Thin: parse options, load the panel, call compositeIndex (core), render. Also exports the option parsing
// shared by `coupling` and `obstacle` (framework / --indicators / --weights / --shift).

import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../../core/errors.js';
import type { Framework } from '../../core/framework/types.js';
import { flatFramework } from '../../core/framework/types.js';
import { parseFramework, frameworkColumns } from '../../core/framework/parse.js';
import { builtinFramework, isBuiltinFramework } from '../../core/framework/builtin.js';
import { parseDirection, type IndicatorDirection } from '../../core/normalize/direction.js';
import type { ShiftSpec } from '../../core/normalize/shift.js';
import type { WeightOptions, WeightMethod } from '../../core/composite/weighting.js';
import { compositeIndex, type CompositeIndexOptions } from '../../core/composite/composite-index.js';
import type { Result } from '../../core/result.js';
import { parse as parseYaml } from 'yaml';
import { addDataOptions, addOutputOptions, loadPanelForCli, type LoadedPanel } from '../load.js';
import { writeResult } from '../output.js';
import { num, oneOf } from '../args.js';

type Opts = Record<string, string | boolean | undefined>;

const WEIGHT_METHODS = ['entropy', 'critic', 'cv', 'sd', 'pca', 'ahp', 'equal', 'fixed'];

/** Split on commas that are not inside [ ] (so col:[1,3] stays whole). */
export function splitTopLevel(s: string, sep = ','): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const ch of s) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === sep && depth === 0) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x !== '');
}

/** "col:+" / "col:-" / "col:[a,b]" / "col" (benefit) → key and direction. */
export function parseIndicatorItem(item: string, option: string): { key: string; direction: IndicatorDirection } {
  const k = item.search(/:(?=[^:]*$)/);
  const key = (k < 0 ? item : item.slice(0, k)).trim();
  const dtext = k < 0 ? '+' : item.slice(k + 1);
  const direction = parseDirection(dtext);
  if (!key) throw new UsageError('bad-indicators', `${option}: empty indicator name in "${item}"`);
  if (!direction) throw new UsageError('bad-direction', `${option}: bad direction "${dtext}" for "${key}"`, 'use col:+ (benefit), col:- (cost) or col:[a,b] (interval)');
  return { key, direction };
}

/** --indicators "a:+,b:-,c:[1,3]" → a one-dimension framework. */
export function indicatorsFramework(text: string): Framework {
  const items = splitTopLevel(text).map((s) => parseIndicatorItem(s, '--indicators'));
  const seen = new Set<string>();
  for (const i of items) { if (seen.has(i.key)) throw new UsageError('duplicate-indicator', `--indicators lists "${i.key}" twice`); seen.add(i.key); }
  return flatFramework(items, 'indicators');
}

/** --systems "tech=a,b;agri=c,d:-" → a framework whose dimensions are the subsystems. */
export function systemsFramework(text: string): Framework {
  const items: { key: string; direction: IndicatorDirection; dimension: string }[] = [];
  const seen = new Set<string>();
  for (const part of text.split(';').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new UsageError('bad-systems', `--systems: "${part}" is not name=col,col`, 'e.g. --systems "tech=rd,patents;agri=machinery,pesticide:-"');
    const name = part.slice(0, eq).trim();
    for (const it of splitTopLevel(part.slice(eq + 1))) {
      const ind = parseIndicatorItem(it, '--systems');
      if (seen.has(ind.key)) throw new UsageError('duplicate-indicator', `--systems: "${ind.key}" appears in more than one subsystem`);
      seen.add(ind.key);
      items.push({ ...ind, dimension: name });
    }
  }
  return flatFramework(items, 'systems');
}

/** --framework FILE|nqpf|hqd|pwt (a file of that name in the working directory wins over the built-in). */
export function loadFramework(spec: string, ctx: CliContext): Framework {
  const path = resolve(ctx.cwd, spec);
  if (existsSync(path)) return parseFramework(readFileSync(path, 'utf8'), { file: spec });
  if (isBuiltinFramework(spec)) return builtinFramework(spec);
  throw new UsageError('no-framework', `--framework ${spec}: no such file, and not a built-in framework`, 'use nqpf, hqd, pwt, or a YAML file (see docs/index.md)');
}

export function frameworkFromOptions(o: Opts, ctx: CliContext, systems = false): Framework {
  const given = [o.framework, o.indicators, systems ? o.systems : undefined].filter((x) => typeof x === 'string');
  if (given.length !== 1) {
    throw new UsageError('no-indicators', systems ? 'give exactly one of --systems or --framework' : 'give exactly one of --framework or --indicators', systems ? 'e.g. --systems "tech=rd,patents;agri=machinery,pesticide:-"' : 'e.g. --framework nqpf, or --indicators "gdp_pc:+,energy:-"');
  }
  if (typeof o.framework === 'string') return loadFramework(o.framework, ctx);
  if (systems && typeof o.systems === 'string') return systemsFramework(o.systems);
  return indicatorsFramework(o.indicators as string);
}

export function parseShift(s: string | boolean | undefined): number | ShiftSpec | undefined {
  if (s === undefined || s === false) return undefined;
  const t = String(s).trim();
  if (t === 'ratio') return { kind: 'ratio' };
  if (t === 'spssau') return { kind: 'spssau' };
  const eps = /^eps(?:ilon)?:([0-9.eE+-]+)$/.exec(t);
  if (eps) return { kind: 'epsilonRescale', epsilon: Number(eps[1]) };
  const v = Number(t);
  if (!Number.isFinite(v) || v < 0) throw new UsageError('bad-shift', `--shift must be a number ≥ 0, epsilon:E, ratio or spssau (got "${t}")`);
  return v;
}



/** --weights METHOD | A+B (with --combine) | FILE (JSON/YAML mapping indicator → weight). */
export function weightOptionsFrom(o: Opts, ctx: CliContext): WeightOptions {
  const w = typeof o.weights === 'string' ? o.weights : 'entropy';
  const base: WeightOptions = {
    critic: { absCorrelation: !!o.criticAbs, sigmaOnRaw: !!o.criticSigmaRaw, entropyConflict: !!o.criticEntropyConflict },
    cv: { onNormalised: !!o.cvNormalised },
    ahp: { method: oneOf(o.ahpMethod, '--ahp-method', ['eigen', 'geometric', 'sumProduct'] as const), ri: oneOf(o.ahpRi, '--ahp-ri', ['saaty', 'cn'] as const), force: !!o.ahpForce },
  };
  if (typeof o.pcaRetain === 'string') {
    const r = o.pcaRetain;
    const cum = /^cum(?:ulative)?:([0-9.]+)$/.exec(r);
    const k = /^k:(\d+)$/.exec(r);
    base.pca = { variant: oneOf(o.pcaVariant, '--pca-variant', ['default', 'mathmodels', 'mathmodelsSquared', 'compositeScore'] as const), rotate: oneOf(o.pcaRotate, '--pca-rotate', ['none', 'varimax'] as const), retain: r === 'kaiser' ? { kind: 'kaiser' } : cum ? { kind: 'cumulative', share: Number(cum[1]) } : k ? { kind: 'fixed', k: Number(k[1]) } : (() => { throw new UsageError('bad-pca-retain', '--pca-retain must be kaiser, cum:0.85 or k:3'); })() };
  }
  if (w.includes('+')) {
    const methods = w.split('+').map((s) => s.trim());
    for (const m of methods) if (!WEIGHT_METHODS.includes(m)) throw new UsageError('bad-weights', `--weights: unknown method "${m}" in "${w}"`, `methods: ${WEIGHT_METHODS.join(', ')}`);
    const alpha = typeof o.alpha === 'string' ? o.alpha.split(',').map((x) => num(x.trim(), '--alpha')!) : undefined;
    return { ...base, method: 'combine', combine: { methods: methods as WeightMethod[], rule: oneOf(o.combine, '--combine', ['linear', 'multiplicative', 'game', 'geometricMean'] as const), alpha, signed: !!o.gameSigned } };
  }
  if (WEIGHT_METHODS.includes(w)) return { ...base, method: w as WeightMethod };
  const path = resolve(ctx.cwd, w);
  if (!existsSync(path)) throw new UsageError('bad-weights', `--weights ${w}: not a method and no such file`, `methods: ${WEIGHT_METHODS.join(', ')}, or a JSON/YAML file {indicator: weight}`);
  const data = parseYaml(readFileSync(path, 'utf8')) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new UsageError('bad-weights', `--weights ${w}: the file must map indicator keys to weights`);
  return { ...base, method: 'user', user: data as Record<string, number> };
}

/** Data, id, period and the prepare options shared by index, coupling and obstacle. */
export function addIndicatorOptions(cmd: Command, withFramework = true): Command {
  if (withFramework) {
    cmd.option('--framework <file|name>', 'framework YAML file, or a built-in: nqpf, hqd, pwt')
      .option('--indicators <list>', 'flat list instead of a framework: "col:+,col:-,col:[a,b]"');
  }
  return cmd
    .option('--normalize <method>', 'minmax | zscore | vector | none', 'minmax')
    .option('--zscore-population', 'z-score with the population sd (÷n) instead of the sample sd')
    .option('--scope <scope>', 'normalisation and weights over all entity-periods (pooled) or per period, or basePeriod', 'pooled')
    .option('--base-period <year>', 'base period for --scope basePeriod (default: the first)')
    .option('--shift <A>', 'entropy shift: a constant A added to x′ inside p (e.g. 0.0001), epsilon:E, ratio or spssau (default none, 0·ln0 := 0)')
    .option('--constant <policy>', 'constant indicator: error | drop (weight 0) | zero', 'error')
    .option('--weights <method|file>', 'entropy | critic | cv | sd | pca | ahp | equal | fixed | A+B (combine) | FILE (JSON/YAML {indicator: weight})', 'entropy')
    .option('--combine <rule>', 'combination rule for A+B weights: linear | multiplicative | game | geometricMean', 'linear')
    .option('--alpha <list>', 'linear combination coefficients, e.g. 0.5,0.5')
    .option('--game-signed', 'game-theory combination with signed α (mathmodels)')
    .option('--critic-abs', 'CRITIC conflict 1 − |r|')
    .option('--critic-sigma-raw', 'CRITIC σ from the raw data')
    .option('--critic-entropy-conflict', 'CRITIC with 1 − e instead of σ')
    .option('--cv-normalised', 'CV weights on x′ instead of the raw data')
    .option('--pca-retain <rule>', 'PCA components: kaiser (λ > 1) | cum:0.85 | k:3', 'kaiser')
    .option('--pca-variant <v>', 'PCA weights: default (Σ u λ/Σλ) | mathmodels (|A| λ/Σλ) | mathmodelsSquared (A² λ/Σλ) | compositeScore (index only: Stata F = Σ (λ_k/Σλ) F_k)', 'default')
    .option('--pca-rotate <r>', 'rotation of the loadings for the mathmodels variants: none | varimax', 'none')
    .option('--ahp-method <m>', 'AHP weights: eigen | geometric | sumProduct', 'eigen')
    .option('--ahp-ri <table>', 'AHP random index table: saaty | cn', 'saaty')
    .option('--ahp-force', 'keep AHP weights when CR ≥ 0.1 (status inconsistent)');
}

export function prepareOptionsFrom(o: Opts, ctx: CliContext) {
  return {
    normalize: oneOf(o.normalize, '--normalize', ['minmax', 'zscore', 'vector', 'none'] as const),
    zscorePopulation: !!o.zscorePopulation,
    scope: oneOf(o.scope, '--scope', ['pooled', 'period', 'basePeriod'] as const),
    basePeriod: num(o.basePeriod, '--base-period'),
    constantPolicy: oneOf(o.constant, '--constant', ['error', 'drop', 'zero'] as const),
    shift: parseShift(o.shift),
    weights: weightOptionsFrom(o, ctx),
  };
}

/** Load the panel with the framework's columns as numeric variables. */
export async function loadForFramework(o: Opts, ctx: CliContext, fw: Framework): Promise<LoadedPanel> {
  return loadPanelForCli({ data: o.data as string | undefined, id: o.id as string | undefined, period: o.period as string | undefined, sheet: o.sheet as string | undefined, encoding: o.encoding as string | undefined }, ctx, { variables: frameworkColumns(fw) });
}

/** Attach the data items (PWT attribution) and reading warnings to a result. */
export function withData<R>(result: Result<R>, loaded: LoadedPanel): Result<R> {
  result.card.data = loaded.data;
  result.warnings = [...loaded.warnings, ...result.warnings];
  return result;
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('index')
    .description('composite index: framework → normalisation → weights → aggregation → ranks (docs/index.md)');
  addDataOptions(cmd);
  addIndicatorOptions(cmd);
  cmd
    .option('--shift-in-scores', 'compute scores on the shifted x″ (default: unshifted x′)')
    .option('--scale <k>', 'multiply scores by k (e.g. 100)')
    .option('--hierarchy <h>', 'flat | nested (within-dimension weights, then dimension weights)', 'flat')
    .option('--dimension-weights <how>', 'nested: sum | rerun | equal | user | ahp', 'sum')
    .option('--aggregate <method>', 'weighted | topsis | gra | vikor | rsr', 'weighted')
    .option('--topsis-normalize <m>', 'TOPSIS normalisation: vector | minmax', 'vector')
    .option('--topsis-scope <scope>', 'scope of the TOPSIS normalisation: pooled | period (default: --scope)')
    .option('--ideal <scope>', 'TOPSIS ideal points: pooled | period', 'pooled')
    .option('--topsis-weighting <w>', 'matrix (v = w·r) | distance (weights inside the distance)', 'matrix')
    .option('--topsis-directions <d>', 'idealSelection | forward (max − x for cost columns first)', 'idealSelection')
    .option('--absolute-ideal', 'TOPSIS ideal 1 and anti-ideal 0 (min–max data)')
    .option('--rho <rho>', 'GRA distinguishing coefficient', '0.5')
    .option('--gra-scope <scope>', 'GRA reference and Δ range: pooled | period', 'pooled')
    .option('--vikor-v <v>', 'VIKOR weight of group utility', '0.5')
    .option('--vikor-scope <scope>', 'VIKOR best/worst values: pooled | period', 'pooled')
    .option('--rsr-noninteger', 'RSR with non-integer ranks')
    .option('--rsr-grade', 'RSR probit grading per period (rows gain probit, rsrFitted, grade 1–3)')
    .option('--rsr-regression <on>', 'RSR grading regression over distinct values | rows', 'distinct')
    .option('--rsr-frequency <f>', 'RSR grading frequency: cumulative (#{RSR ≤ v}/n) | averageRank (R̄/n)', 'cumulative')
    .option('--gra-preprocess <p>', 'GRA preprocessing: minmax (x′) | mean | initial | none (raw; benefit indicators only)', 'minmax')
    .option('--sensitivity <draws>', 'weight sensitivity: Monte Carlo draws (Dirichlet around the weights)')
    .option('--concentration <c>', 'Dirichlet concentration for --sensitivity', '200')
    .option('--seed <n>', 'seed for --sensitivity', '12345');
  addOutputOptions(cmd);
  cmd.action(async (opts: Opts) => {
    const fw = frameworkFromOptions(opts, ctx);
    const loaded = await loadForFramework(opts, ctx, fw);
    const options: CompositeIndexOptions = {
      framework: fw,
      ...prepareOptionsFrom(opts, ctx),
      shiftInScores: !!opts.shiftInScores,
      scale: num(opts.scale, '--scale'),
      hierarchy: oneOf(opts.hierarchy, '--hierarchy', ['flat', 'nested'] as const),
      dimensionWeights: oneOf(opts.dimensionWeights, '--dimension-weights', ['sum', 'rerun', 'equal', 'user', 'ahp'] as const),
      aggregate: oneOf(opts.aggregate, '--aggregate', ['weighted', 'topsis', 'gra', 'vikor', 'rsr'] as const),
      topsis: {
        normalization: oneOf(opts.topsisNormalize, '--topsis-normalize', ['vector', 'minmax'] as const),
        normalizationScope: oneOf(opts.topsisScope, '--topsis-scope', ['pooled', 'period'] as const),
        idealScope: oneOf(opts.ideal, '--ideal', ['pooled', 'period'] as const),
        weighting: oneOf(opts.topsisWeighting, '--topsis-weighting', ['matrix', 'distance'] as const),
        directions: oneOf(opts.topsisDirections, '--topsis-directions', ['idealSelection', 'forward'] as const),
        absoluteIdeal: !!opts.absoluteIdeal,
      },
      gra: { rho: num(opts.rho, '--rho'), scope: oneOf(opts.graScope, '--gra-scope', ['pooled', 'period'] as const), preprocess: oneOf(opts.graPreprocess, '--gra-preprocess', ['minmax', 'mean', 'initial', 'none'] as const) },
      vikor: { v: num(opts.vikorV, '--vikor-v'), scope: oneOf(opts.vikorScope, '--vikor-scope', ['pooled', 'period'] as const) },
      rsr: { nonInteger: !!opts.rsrNoninteger, grade: !!opts.rsrGrade, regression: oneOf(opts.rsrRegression, '--rsr-regression', ['distinct', 'rows'] as const), frequency: oneOf(opts.rsrFrequency, '--rsr-frequency', ['cumulative', 'averageRank'] as const) },
      sensitivity: opts.sensitivity !== undefined ? { draws: num(opts.sensitivity, '--sensitivity'), concentration: num(opts.concentration, '--concentration'), seed: num(opts.seed, '--seed') } : false,
    };
    const result = withData(compositeIndex(loaded.panel, options), loaded);
    await writeResult(result, opts as { format?: string; out?: string; force?: boolean; lang?: string }, ctx);
  });
}
