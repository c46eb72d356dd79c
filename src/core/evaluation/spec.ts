// The evaluation spec (design.md "The evaluation spec and bundle"): one YAML document that names the data and
// its column roles, preparation steps, the index (framework, normalisation, weights, aggregation), TFP methods,
// the analyses and the output. These are the TypeScript shapes of a spec after validation against
// EVALUATION_SCHEMA (schema.ts); defaults are filled by `withDefaults`.
//
// Series. Analyses name the variable they work on with `of`: a data column (`rgdpna`), or a series computed by an
// earlier section: `index` (composite score), `index.<dimension>`, `tfp` (growth-accounting TFP level),
// `malmquist` (cumulative Malmquist TFP, first period = 1). The runner adds each computed series to the panel as a
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

export interface IndexSpec {
  framework: string;
  normalize?: 'minmax' | 'zscore' | 'vector';
  weights?: 'entropy' | 'critic' | 'cv' | 'sd' | 'pca' | 'equal';
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
}

export interface TfpSpec {
  growth?: GrowthSpec;
  malmquist?: MalmquistSpec;
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
