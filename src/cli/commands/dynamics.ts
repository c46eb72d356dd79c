// xinzhi dynamics kde|markov|spatial-markov|convergence — distribution dynamics (methods.md K).
// Thin: parse options, load the panel (and spatial weights), call one core function, render the Result.

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { Panel } from '../../core/panel/panel.js';
import type { Result } from '../../core/result.js';
import { kde, type KdeOptions } from '../../core/dynamics/kde.js';
import type { KernelName } from '../../core/dynamics/kernel-density.js';
import { markov, type MarkovOptions } from '../../core/dynamics/markov.js';
import { spatialMarkov } from '../../core/dynamics/spatial-markov.js';
import { convergence, type ConvergenceEffects, type SigmaMeasure } from '../../core/dynamics/convergence.js';
import type { VcovType } from '../../core/math/regression.js';
import type { IslandRule } from '../../core/spatial/china-provinces.js';
import { resolveWeights } from '../../io/geo-weights.js';
import { addDataOptions, addOutputOptions, loadPanelForCli } from '../load.js';
import { writeResult } from '../output.js';
import { parsePeriods } from './disparity.js';
import { num, int, numbers, oneOf } from '../args.js';

type Opts = Record<string, string | boolean | undefined>;





async function runOn(o: Opts, ctx: CliContext, variables: string[], compute: (p: Panel) => Result<any>): Promise<void> {
  const loaded = await loadPanelForCli({ data: o.data as string, id: o.id as string, period: o.period as string, sheet: o.sheet as string, encoding: o.encoding as string }, ctx, { variables });
  const result = compute(loaded.panel);
  result.warnings.unshift(...loaded.warnings);
  result.card.data = loaded.data;
  await writeResult(result, { format: o.format as string, out: o.out as string, force: o.force as boolean, lang: o.lang as string }, ctx);
}

function classingOptions(o: Opts): Omit<MarkovOptions, 'value'> {
  return {
    k: int(o.k, '--k'),
    scope: oneOf(o.classes, '--classes', ['pooled', 'period'] as const),
    cutoffs: numbers(o.cutoffs, '--cutoffs'),
    closure: oneOf(o.closure, '--closure', ['right', 'left'] as const),
    relative: Boolean(o.relative),
    lag: int(o.lag, '--lag'),
    fillEmpty: Boolean(o.fillEmpty),
  };
}

function addClassing(cmd: Command): Command {
  return cmd
    .option('--k <n>', 'number of quantile classes (default 4)')
    .option('--classes <scope>', 'pooled (default) | period: where the quantile cut-offs come from')
    .option('--cutoffs <list>', 'user cut-offs, ascending, comma-separated (override --k)')
    .option('--closure <side>', 'right (default): classes (c_{i−1}, c_i] | left: [c_{i−1}, c_i)')
    .option('--relative', 'divide by the period mean before classing')
    .option('--lag <d>', 'transition t → t + d (default 1)')
    .option('--fill-empty', 'put 1 on the diagonal of rows without transitions');
}

export function register(program: Command, ctx: CliContext): void {
  const dynamics = program.command('dynamics').description('distribution dynamics: kernel density, Markov and spatial Markov chains, convergence (docs/dynamics.md)');

  const k = dynamics.command('kde').description('kernel density per period on one common grid, with peak features')
    .requiredOption('--value <col>', 'numeric column')
    .option('--kernel <k>', 'gaussian (default) | epanechnikov | epan2')
    .option('--bandwidth <bw>', 'silverman (bw.nrd0, default) | scott | scipy | a number')
    .option('--bandwidth-scope <s>', 'period (default) | pooled')
    .option('--iqr-divisor <x>', 'IQR divisor of silverman/scott (1.34 default; 1.349 as Stata)')
    .option('--grid-points <n>', 'grid size (default 512)')
    .option('--cut <c>', 'grid extends cut·h beyond the data (default 3)')
    .option('--grid <list>', 'user grid, ascending, comma-separated')
    .option('--method <m>', 'auto (default) | exact | binned')
    .option('--periods <list>', 'analyse only these periods: 2015,2016 or 2015:2020');
  addDataOptions(k);
  addOutputOptions(k);
  k.action(async (o: Opts) => {
    const bwRaw = o.bandwidth as string | undefined;
    const bw: KdeOptions['bandwidth'] = bwRaw === undefined ? undefined : ['silverman', 'scott', 'scipy'].includes(bwRaw) ? (bwRaw as 'silverman') : num(bwRaw, '--bandwidth');
    await runOn(o, ctx, [o.value as string], (panel) => kde(panel, {
      value: o.value as string,
      kernel: oneOf(o.kernel, '--kernel', ['gaussian', 'epanechnikov', 'epan2'] as const) as KernelName | undefined,
      bandwidth: bw,
      bandwidthScope: oneOf(o.bandwidthScope, '--bandwidth-scope', ['period', 'pooled'] as const),
      iqrDivisor: num(o.iqrDivisor, '--iqr-divisor'),
      gridPoints: int(o.gridPoints, '--grid-points'),
      cut: num(o.cut, '--cut'),
      grid: numbers(o.grid, '--grid'),
      method: oneOf(o.method, '--method', ['auto', 'exact', 'binned'] as const),
      periods: parsePeriods(o.periods as string | undefined),
    }));
  });

  const m = addClassing(dynamics.command('markov').description('classical Markov chain of quantile-class transitions (Quah 1993)')
    .requiredOption('--value <col>', 'numeric column'));
  addDataOptions(m);
  addOutputOptions(m);
  m.action(async (o: Opts) => {
    await runOn(o, ctx, [o.value as string], (panel) => markov(panel, { value: o.value as string, ...classingOptions(o) }));
  });

  const s = addClassing(dynamics.command('spatial-markov').description('spatial Markov chain conditioned on the class of the spatial lag (Rey 2001), with homogeneity tests')
    .requiredOption('--value <col>', 'numeric column')
    .option('--weights <spec>', 'queen | rook | knn:K | distance[:ALPHA] | economic:COL | FILE (.json .csv .gal .gwt), as `xinzhi spatial` (default queen for China\'s provinces)')
    .option('--geo <file>', 'GeoJSON/TopoJSON boundaries of the units (queen/rook; centroids for knn/distance)')
    .option('--geo-id <property>', 'feature property holding the unit ids')
    .option('--islands <rule>', 'units without neighbours: link (海南–广东; default for China\'s provinces) | isolate | knn')
    .option('--symmetrise', 'k-NN: make the neighbour relation symmetric (union)')
    .option('--threshold <km>', 'distance weights: link only pairs within this many km')
    .option('--lag-k <m>', 'number of lag classes (default = --k)')
    .option('--lag-classes <scope>', 'pooled (default) | period')
    .option('--lag-cutoffs <list>', 'user cut-offs for the lag classes')
    .option('--empty-row-df <rule>', 'homogeneity df of a class that never starts a transition: skip (default, Bickenbach & Bode) | giddy (+1)'));
  addDataOptions(s);
  addOutputOptions(s);
  s.action(async (o: Opts) => {
    const islands = oneOf(o.islands, '--islands', ['link', 'isolate', 'knn'] as const) as IslandRule | undefined;
    const spec = o.weights as string | undefined;
    const economic = spec?.toLowerCase().startsWith('economic:') ? [spec.slice('economic:'.length)] : [];
    await runOn(o, ctx, [o.value as string, ...economic.filter((c) => c !== o.value)], (panel) => spatialMarkov(panel, resolveWeights(panel.ids, {
      weights: spec, geo: o.geo as string | undefined, geoId: o.geoId as string | undefined, islands,
      symmetrise: Boolean(o.symmetrise), threshold: num(o.threshold, '--threshold'), cwd: ctx.cwd, encoding: o.encoding as string | undefined,
    }, panel), {
      value: o.value as string, ...classingOptions(o),
      lagK: int(o.lagK, '--lag-k'),
      lagScope: oneOf(o.lagClasses, '--lag-classes', ['pooled', 'period'] as const),
      lagCutoffs: numbers(o.lagCutoffs, '--lag-cutoffs'),
      emptyRowDf: oneOf(o.emptyRowDf, '--empty-row-df', ['skip', 'giddy'] as const),
    }));
  });

  const c = dynamics.command('convergence').description('σ-convergence per period and absolute/conditional β-convergence (Barro & Sala-i-Martin 1992)')
    .requiredOption('--value <col>', 'numeric column (levels, > 0)')
    .option('--sigma <m>', 'cv (population SD, default) | cv_sample | sd_log')
    .option('--beta <model>', 'panel (default) | cross-section | none')
    .option('--effects <e>', 'none (pooled OLS, default) | entity | time | twoway')
    .option('--vcov <v>', 'classical | hc1 | cluster (default: classical pooled, cluster by unit with fixed effects)')
    .option('--controls <cols>', 'control variables for conditional β, comma-separated')
    .option('--lag <d>', 'growth over d periods (panel β; default 1)')
    .option('--periods <list>', 'analyse only these periods: 2015,2016 or 2015:2020');
  addDataOptions(c);
  addOutputOptions(c);
  c.action(async (o: Opts) => {
    const controls = typeof o.controls === 'string' ? o.controls.split(',').map((x) => x.trim()).filter(Boolean) : [];
    await runOn(o, ctx, [o.value as string, ...controls], (panel) => convergence(panel, {
      value: o.value as string,
      sigma: oneOf(o.sigma, '--sigma', ['cv', 'cv_sample', 'sd_log'] as const) as SigmaMeasure | undefined,
      beta: oneOf(o.beta, '--beta', ['panel', 'cross-section', 'none'] as const),
      effects: oneOf(o.effects, '--effects', ['none', 'entity', 'time', 'twoway'] as const) as ConvergenceEffects | undefined,
      vcov: oneOf(o.vcov, '--vcov', ['classical', 'hc1', 'cluster'] as const) as VcovType | undefined,
      controls,
      lag: int(o.lag, '--lag'),
      periods: parsePeriods(o.periods as string | undefined),
    }));
  });
}
