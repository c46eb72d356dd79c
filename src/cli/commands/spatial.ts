// xinzhi spatial moran|lisa|geary|weights — spatial autocorrelation (methods.md L) on one variable per period.
// Thin: load the panel, resolve --weights (src/io/geo-weights.ts), call the core method, render.

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../../core/errors.js';
import { SOFTWARE } from '../../core/version.js';
import type { Result } from '../../core/result.js';
import { moran, lisa, geary, weightsConstants, neighbourCounts, type IslandRule } from '../../core/spatial/index.js';
import { resolveWeights, resolveWeightsForAnalysis } from '../../io/geo-weights.js';
import { addDataOptions, addOutputOptions, loadPanelForCli, type DataOptions } from '../load.js';
import { writeResult, type OutputOptions } from '../output.js';
import { num, oneOf } from '../args.js';

interface SpatialCliOptions extends DataOptions, OutputOptions {
  value?: string;
  weights?: string;
  geo?: string;
  geoId?: string;
  geoCrs?: string;
  islands?: string;
  symmetrise?: boolean;
  threshold?: string;
  periods?: string;
  permutations?: string;
  seed?: string;
  alternative?: string;
  assumption?: string;
  variance?: string;
  scaling?: string;
  quadrant?: string;
  geodaQuads?: boolean;
  alpha?: string;
  adjustN?: boolean;
  standardise?: string;
}



function addWeightsOptions(cmd: Command): Command {
  return cmd
    .option('--weights <spec>', 'queen | rook | knn:K | distance[:ALPHA] | economic:COL | FILE (.json .csv .gal .gwt); default queen for China\'s provinces or with --geo, knn:4 for ISO3 countries')
    .option('--geo <file>', 'GeoJSON/TopoJSON boundaries of the units (for queen/rook, and centroids for knn/distance)')
    .option('--geo-id <property>', 'feature property holding the unit ids (default: the property matching most ids)')
    .option('--geo-crs <crs>', 'coordinates of --geo: wgs84 (default) | gcj02 (DataV/AMap files, converted to WGS84)')
    .option('--islands <rule>', 'units without neighbours: link (海南–广东; default for China\'s provinces) | isolate | knn')
    .option('--symmetrise', 'k-NN: make the neighbour relation symmetric (union)')
    .option('--threshold <km>', 'distance weights: link only pairs within this many km')
    .option('--standardise <style>', 'W (row-standardise after dropping missing units; default) | none');
}

async function prepare(opts: SpatialCliOptions, ctx: CliContext) {
  if (!opts.value) throw new UsageError('no-value', '--value COL is required: the variable to analyse');
  const extra = opts.weights?.toLowerCase().startsWith('economic:') ? [opts.weights.slice('economic:'.length)] : [];
  const loaded = await loadPanelForCli(opts, ctx, { variables: [opts.value, ...extra.filter((c) => c !== opts.value)] });
  const weights = resolveWeightsForAnalysis(loaded.panel.ids, {
    weights: opts.weights, geo: opts.geo, geoId: opts.geoId, geoCrs: oneOf(opts.geoCrs, '--geo-crs', ['wgs84', 'gcj02'] as const),
    islands: oneOf(opts.islands, '--islands', ['link', 'isolate', 'knn'] as const) as IslandRule | undefined,
    symmetrise: opts.symmetrise, threshold: num(opts.threshold, '--threshold', undefined, (x) => x > 0), cwd: ctx.cwd, encoding: opts.encoding,
  }, loaded.panel);
  const periods = opts.periods?.split(',').map((s) => num(s.trim(), '--periods')!);
  const common = {
    value: opts.value, weights, periods,
    standardise: oneOf(opts.standardise, '--standardise', ['W', 'none'] as const),
    permutations: num(opts.permutations, '--permutations', undefined, (x) => Number.isInteger(x) && x >= 0),
    seed: num(opts.seed, '--seed', undefined, Number.isInteger),
    adjustN: opts.adjustN,
  };
  return { loaded, common };
}

function finish<R>(result: Result<R>, loaded: Awaited<ReturnType<typeof loadPanelForCli>>): Result<R> {
  result.warnings.unshift(...loaded.warnings);
  result.card.data = [...(result.card.data ?? []), ...loaded.data];
  return result;
}

export function register(program: Command, ctx: CliContext): void {
  const spatial = program.command('spatial').description('spatial autocorrelation: global Moran\'s I, local Moran (LISA), Geary\'s C; spatial weights');

  const m = spatial.command('moran').description('global Moran\'s I per period (normality, randomisation and permutation inference)')
    .option('--value <col>', 'variable to analyse')
    .option('--periods <list>', 'periods to analyse, comma-separated (default: all)')
    .option('--assumption <a>', 'variance of the row\'s VI, z, p: randomisation (default) | normality')
    .option('--alternative <h>', 'p of the row: two-sided (default) | greater | less')
    .option('--permutations <R>', 'random permutations (default 999; 0 = none)')
    .option('--seed <n>', 'seed of the permutations (default 12345)')
    .option('--adjust-n', 'spdep adjust.n: n reduced by the number of islands');
  addWeightsOptions(addDataOptions(m)); addOutputOptions(m);
  m.action(async (opts: SpatialCliOptions) => {
    const { loaded, common } = await prepare(opts, ctx);
    const r = moran(loaded.panel, {
      ...common,
      assumption: oneOf(opts.assumption, '--assumption', ['randomisation', 'normality'] as const),
      alternative: oneOf(opts.alternative, '--alternative', ['two-sided', 'greater', 'less'] as const),
    });
    await writeResult(finish(r, loaded), opts, ctx);
  });

  const l = spatial.command('lisa').description('local Moran\'s I per unit and period, with quadrants (HH/LH/LL/HL) and clusters')
    .option('--value <col>', 'variable to analyse')
    .option('--periods <list>', 'periods to analyse, comma-separated (default: all)')
    .option('--variance <v>', 'conditional (spdep ≥ 1.2 default) | total (Anselin 1995)')
    .option('--scaling <s>', 'spdep (m2 = Σz²/n; default) | esda (× (n−1)/n)')
    .option('--quadrant <c>', 'quadrant centre: zero (z and lag z; default) | mean | median')
    .option('--geoda-quads', 'GeoDa quadrant codes 1 HH, 2 LL, 3 LH, 4 HL (default esda 1 HH, 2 LH, 3 LL, 4 HL)')
    .option('--alpha <a>', 'significance level of the cluster label (default 0.05)')
    .option('--permutations <R>', 'conditional permutations (default 999; 0 = analytic p only)')
    .option('--seed <n>', 'seed (default 12345)');
  addWeightsOptions(addDataOptions(l)); addOutputOptions(l);
  l.action(async (opts: SpatialCliOptions) => {
    const { loaded, common } = await prepare(opts, ctx);
    const r = lisa(loaded.panel, {
      ...common,
      variance: oneOf(opts.variance, '--variance', ['conditional', 'total'] as const),
      scaling: oneOf(opts.scaling, '--scaling', ['spdep', 'esda'] as const),
      quadrantCentre: oneOf(opts.quadrant, '--quadrant', ['zero', 'mean', 'median'] as const),
      geodaQuads: opts.geodaQuads,
      alpha: num(opts.alpha, '--alpha', undefined, (x) => x > 0 && x < 1),
    });
    await writeResult(finish(r, loaded), opts, ctx);
  });

  const g = spatial.command('geary').description('Geary\'s C per period (normality, randomisation and permutation inference)')
    .option('--value <col>', 'variable to analyse')
    .option('--periods <list>', 'periods to analyse, comma-separated (default: all)')
    .option('--assumption <a>', 'randomisation (default) | normality')
    .option('--alternative <h>', 'two-sided (default) | greater')
    .option('--permutations <R>', 'random permutations (default 999; 0 = none)')
    .option('--seed <n>', 'seed (default 12345)')
    .option('--adjust-n', 'spdep adjust.n: n reduced by the number of islands');
  addWeightsOptions(addDataOptions(g)); addOutputOptions(g);
  g.action(async (opts: SpatialCliOptions) => {
    const { loaded, common } = await prepare(opts, ctx);
    const r = geary(loaded.panel, {
      ...common,
      assumption: oneOf(opts.assumption, '--assumption', ['randomisation', 'normality'] as const),
      alternative: oneOf(opts.alternative, '--alternative', ['two-sided', 'greater'] as const),
    });
    await writeResult(finish(r, loaded), opts, ctx);
  });

  const w = spatial.command('weights').description('show the spatial weights built for the data\'s units (one row per unit)');
  addWeightsOptions(addDataOptions(w)); addOutputOptions(w);
  w.action(async (opts: SpatialCliOptions) => {
    const extra = opts.weights?.toLowerCase().startsWith('economic:') ? [opts.weights.slice('economic:'.length)] : [];
    const loaded = await loadPanelForCli(opts, ctx, { variables: extra });
    const weights = resolveWeights(loaded.panel.ids, {
      weights: opts.weights, geo: opts.geo, geoId: opts.geoId, geoCrs: oneOf(opts.geoCrs, '--geo-crs', ['wgs84', 'gcj02'] as const),
      islands: oneOf(opts.islands, '--islands', ['link', 'isolate', 'knn'] as const) as IslandRule | undefined,
      symmetrise: opts.symmetrise, threshold: num(opts.threshold, '--threshold', undefined, (x) => x > 0), cwd: ctx.cwd, encoding: opts.encoding,
    }, loaded.panel);
    const card = neighbourCounts(weights);
    const rows = weights.ids.map((id, i) => ({
      id,
      neighbours: Array.from(weights.neighbors.subarray(weights.offsets[i], weights.offsets[i + 1]), (j) => weights.ids[j]),
      weights: Array.from(weights.weights.subarray(weights.offsets[i], weights.offsets[i + 1])),
      cardinality: card[i],
      status: card[i] === 0 ? 'undefined' as const : 'ok' as const,
      ...(card[i] === 0 ? { reason: 'island: no neighbour' } : {}),
    }));
    const c = weightsConstants(weights);
    const result: Result<(typeof rows)[number]> = {
      method: 'spatial-weights',
      params: { weights: weights.card.spec, geo: opts.geo ?? null, islands: weights.card.islandRule ?? null },
      rows,
      summary: { n: c.n, links: weights.neighbors.length, S0: c.S0, S1: c.S1, S2: c.S2, islands: weights.islands, style: weights.style },
      warnings: [...loaded.warnings, ...(weights.islands.length ? [{ code: 'islands', message: `no neighbour: ${weights.islands.join(', ')}`, count: weights.islands.length }] : [])],
      card: {
        method: 'spatial-weights', title: { en: 'Spatial weights', zh: '空间权重矩阵' },
        conventions: weights.card, citations: [], software: SOFTWARE, data: loaded.data,
      },
    };
    await writeResult(result, opts, ctx);
  });
}
