// The evaluation spec (design.md "The evaluation spec and bundle"): one YAML document that names the data and
// its column roles, preparation steps, the index (framework, normalisation, weights, aggregation), TFP methods,
// the analyses and the output. These are the TypeScript shapes of a spec after validation against
// EVALUATION_SCHEMA (schema.ts); defaults are filled by `withDefaults`.
//
// Series. Analyses name the variable they work on with `of`: a data column (`rgdpna`), or a series computed by an
// earlier section: `index` (composite score), `index.<dimension>`, `tfp` (growth-accounting TFP level),
// `malmquist` (cumulative Malmquist TFP, first period = 1), `dea` (DEA efficiency score of each unit-period). The runner adds each computed series to the panel as a
// column of that name, so later steps use it like data.

export type Lang = 'en' | 'zh';
export type Text = string | { en?: string; zh?: string };

export interface PeriodRange { from?: number; to?: number }

export interface DataSpec {
  /** `pwt` for the bundled Penn World Table 9.1, or a path relative to the spec file. */
  file: string;
  id?: string;
  period?: string;
  /** Display-name column (kept as a label). */
  name?: string;
  sheet?: string;
  encoding?: string;
  /** Extra text columns kept as labels (e.g. a region column). */
  labels?: string[];
  periods?: PeriodRange;
  include?: string[];
  exclude?: string[];
  /** Attach a grouping: a lookup table (one row per id), or a built-in grouping of China's provinces
   * (nbs4: east/central/west/northeast; three: east/central/west; belts), as the label column `region`. */
  groups?: { file: string; key: string; column: string; as?: string } | 'nbs4' | 'three' | 'belts';
}

export type PrepareStep =
  | { derive: { name: string; formula: string; label?: Text } }
  | { interpolate: { columns: string[]; method?: 'linear' | 'loglinear'; ends?: 'growth' | 'arithmetic' | 'linear' | 'carry' | 'none' } }
  | { deflate: { columns: string[]; deflator: string; base: number; type?: 'level' | 'chain' | 'real'; suffix?: string } }
  | { capital: { name?: string; investment: string; deflator?: string; type?: 'level' | 'chain'; delta?: number; base?: 'steady' | 'ratio' } };

/** Weight methods a spec can name (core names, src/core/composite/weighting.ts; the CLI's `--weights`). */
export type IndexWeightMethod = 'entropy' | 'critic' | 'cv' | 'sd' | 'pca' | 'equal' | 'ahp' | 'fixed';

export interface IndexSpec {
  framework: string;
  normalize?: 'minmax' | 'zscore' | 'vector';
  /** ahp: the framework's `ahp:` pairwise matrices; fixed: the framework's `weight:` fields; combine: see `combine`. */
  weights?: IndexWeightMethod | 'combine';
  /** With `weights: combine`: at least two methods and the rule (CLI `--weights A+B --combine RULE --alpha`). */
  combine?: {
    methods: IndexWeightMethod[];
    rule?: 'linear' | 'multiplicative' | 'game' | 'geometricMean';
    /** Linear coefficients, one per method (normalised to sum 1); default equal. */
    alpha?: number[];
    /** Game-theory combination with signed α (CLI `--game-signed`). */
    signed?: boolean;
  };
  /** AHP options (CLI `--ahp-method`, `--ahp-ri`, `--ahp-force`). */
  ahp?: { method?: 'eigen' | 'geometric' | 'sumProduct'; ri?: 'saaty' | 'cn'; force?: boolean };
  aggregate?: 'weighted' | 'topsis' | 'gra' | 'vikor' | 'rsr';
  scope?: 'pooled' | 'period';
  shift?: number;
}

export interface GrowthSpec {
  method?: 'pwt' | 'solow' | 'tornqvist';
  output?: string;
  capital?: string;
  labor?: string;
  humanCapital?: string;
  hours?: string;
  /** Labour-share column (tornqvist, pwt). */
  share?: string;
  /** Capital share α (solow). */
  alpha?: number;
  /**
   * Solow: estimate α instead of giving it, by OLS of ln(Y/L) on ln(K/L) — 'pooled' (one constant) or 'within'
   * (entity fixed effects); CLI `--alpha regression` / `--alpha regression:within`. Excludes `alpha`.
   */
  alphaRegression?: 'pooled' | 'within';
  base?: number;
}

export interface MalmquistSpec {
  inputs: string[];
  outputs: string[];
  undesirable?: string[];
  periods?: PeriodRange;
  index?: 'malmquist' | 'ml' | 'gml' | 'luenberger';
  frontier?: string;
  orientation?: 'in' | 'out';
  rts?: 'crs' | 'vrs';
  /** ml, gml, luenberger: the DDF direction (default green with undesirable outputs, graph without). */
  direction?: 'green' | 'graph' | 'input' | 'output';
  /** luenberger: radial DDF (default) or non-radial DDF. */
  measure?: 'radial' | 'nddf';
  /** malmquist: RTS of the four distances, crs (FGNZ/DEAP, default) or vrs (Benchmarking; needs rts vrs). */
  distanceRts?: 'crs' | 'vrs';
  /** malmquist with rts vrs: fgnz (EC = PECH·SECH, default) or rd (Ray–Desli). */
  decomposition?: 'fgnz' | 'rd';
  /** malmquist: split techch = matech × obtech × ibtech (Färe, Grifell-Tatjé, Grosskopf & Lovell 1997; CRS
   * distances, adjacent-period frontiers). Default false. */
  bias?: boolean;
  /** Each pair's frontiers use only the units observed in both periods (default false). */
  sameReference?: boolean;
}

/** DEA efficiency of every unit-period (core `dea`, CLI `xinzhi dea`); same defaults as the CLI. */
export interface DeaSpec {
  inputs: string[];
  outputs: string[];
  /** Undesirable outputs (sbm, ddf, nddf). */
  undesirable?: string[];
  /** Default radial. */
  model?: 'radial' | 'sbm' | 'ddf' | 'nddf';
  /** Default crs. */
  rts?: 'crs' | 'vrs' | 'nirs' | 'ndrs';
  /** radial: in (default) | out; sbm: non (default) | in | out; ddf/nddf take a direction instead. */
  orientation?: 'in' | 'out' | 'non';
  /** Super-efficiency: Andersen–Petersen (radial), super-SBM (sbm). Default false. */
  super?: boolean;
  /** Super-SBM score: delta (δ*, default, as `xinzhi dea`) or composite (ρ when ρ < 1, else δ*). */
  superScore?: 'delta' | 'composite';
  /** ddf/nddf direction (default green with undesirable outputs, graph without). */
  direction?: 'green' | 'graph' | 'input' | 'output';
  /** Each period its own frontier (default) or one pooled frontier of all unit-periods. */
  frontier?: 'period' | 'pooled';
  periods?: PeriodRange;
}

export interface TfpSpec {
  growth?: GrowthSpec;
  malmquist?: MalmquistSpec;
  dea?: DeaSpec;
}

export interface SeriesRef { of: string }

export interface AnalysesSpec {
  coupling?: { systems?: string[]; variant?: 'standard' | 'wang' | 'fan' };
  obstacle?: { top?: number };
  disparity?: { of: string | string[]; group: string; method?: 'dagum' | 'theil' | 'gini' };
  kde?: { of: string; periods?: number[] };
  markov?: { of: string; classes?: number };
  spatialMarkov?: { of: string; classes?: number; weights?: string };
  convergence?: { of: string };
  moran?: { of: string; weights?: string; period?: number | 'last' };
  lisa?: { of: string; weights?: string; period?: number | 'last' };
  forecast?: { of: string; horizon?: number; top?: number };
}

export type Format = 'json' | 'csv' | 'xlsx' | 'docx' | 'tex' | 'html';

export interface OutputSpec {
  language?: Lang;
  formats?: Format[];
  /** How many units charts and sentences name (top-k). */
  top?: number;
  /** Decimal places in tables. */
  digits?: number;
  map?: 'world' | 'china' | 'none' | 'custom';
  /** A base map of the units (GeoJSON/TopoJSON, e.g. a licensed provincial map of China with the South China Sea
   * inset); `id` is the feature property that holds the unit ids. Draws the choropleth and LISA maps. */
  geometry?: { file: string; id: string };
}

export interface EvaluationSpec {
  xinzhi: 1;
  title?: Text;
  data: DataSpec;
  prepare?: PrepareStep[];
  index?: IndexSpec;
  tfp?: TfpSpec;
  analyses?: AnalysesSpec;
  output?: OutputSpec;
}

export const ALL_FORMATS: Format[] = ['json', 'csv', 'xlsx', 'docx', 'tex', 'html'];

/** The resolved output settings (defaults filled). */
export function outputSettings(spec: EvaluationSpec): Required<OutputSpec> {
  const o = spec.output ?? {};
  return {
    language: o.language ?? 'en',
    formats: o.formats ?? ALL_FORMATS,
    top: o.top ?? 10,
    digits: o.digits ?? 4,
    map: o.geometry ? 'custom' : (o.map ?? (spec.data.file === 'pwt' ? 'world' : 'none')),
    geometry: o.geometry ?? { file: '', id: '' },
  };
}

export function text(t: Text | undefined, lang: Lang, fallback = ''): string {
  if (t === undefined) return fallback;
  if (typeof t === 'string') return t;
  return t[lang] ?? t.en ?? t.zh ?? fallback;
}
