// Scale efficiency and the returns-to-scale class of every DMU (methods.md E1).
//
// SE = E_CRS / E_VRS (Banker, Charnes & Cooper 1984), from three radial DEA runs of the same orientation: CRS, VRS
// and NIRS (Σλ ≤ 1). The class follows Färe, Grosskopf & Lovell (1985) as DEAP 2.1 reports it (Coelli, Rao &
// Battese 1998, ch. 6): SE ≈ 1 → crs; else E_NIRS = E_VRS → drs (the DMU is beyond the most productive scale size);
// else irs. Efficiencies are in (0,1] for both orientations (1/φ for output orientation), so SE = φ_VRS/φ_CRS there.
// Conventions: SE ≈ 1 when SE ≥ 1 − 1e-8; NIRS and VRS equal when |E_NIRS − E_VRS| ≤ 1e-8 (methods.md §0); no
// snapping; one-stage LPs (slack: 'none') since SE and the class depend on the radial score only. The class refers
// to the projection in the chosen orientation, so a DMU can be irs input-oriented and drs output-oriented.
// SBM variant (`model: 'sbm'`; Tone 2001, EJOR 130(3):498–509; Tone 2004 for undesirable outputs; Cooper, Seiford
// & Tone 2007, §4.7 and §5.8): SE_SBM = ρ*_CRS / ρ*_VRS, the slack-based scale efficiency of Chinese green-efficiency
// studies, non-oriented (default) or oriented SBM, undesirable outputs entering the SBM directly. ρ ∈ (0,1] in
// every orientation (output orientation ρ_O = 1/(1 + Σ v s⁺/y_o), deaR), so SE_SBM ∈ (0,1] since T_VRS ⊂ T_NIRS ⊂
// T_CRS. The class uses the same NIRS comparison on ρ as the radial rule (ρ_NIRS = ρ_VRS → drs) — an analogue of
// the DEAP rule, not a result Tone states for SBM (methods.md E1/E4 (check)).
// Complexity: three dea() runs (3n LPs per frontier).

import { UsageError } from '../errors.js';
import type { Result, MethodCard, Warning } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import type { Panel } from '../panel/panel.js';
import { dea, type DeaData, type DeaOptions, type DeaRow } from './dea.js';

export type RtsClass = 'crs' | 'drs' | 'irs';

export interface ScaleEfficiencyOptions {
  inputs: string[];
  outputs: string[];
  /** 'radial' (default: SE = E_CRS/E_VRS) or 'sbm' (SE = ρ_CRS/ρ_VRS, Tone 2001). */
  model?: 'radial' | 'sbm';
  /** Undesirable outputs: radial through the Seiford–Zhu translation (`translate`); sbm directly (Tone 2004). */
  undesirable?: string[];
  translate?: DeaOptions['translate'];
  /** radial: 'in' (default) or 'out'; sbm: 'non' (default), 'in' or 'out'. */
  orientation?: 'in' | 'out' | 'non';
  /** sbm: weights per input and per output (then bads); default equal. */
  sbmWeights?: DeaOptions['sbmWeights'];
  /** sbm zero outputs: 'replace' (default, deaR) or 'drop'. */
  zeroOutput?: DeaOptions['zeroOutput'];
  /** 'period' (each period its own frontier, default) or 'pooled'. */
  frontier?: 'period' | 'pooled';
  scale?: 'mean' | 'none';
  frame?: 'auto' | 'always' | 'never';
  /** Tolerance for SE ≈ 1 and E_NIRS = E_VRS (default 1e-8, methods.md §0). */
  tolerance?: number;
}

export interface ScaleEfficiencyRow {
  id: string;
  period?: number | string;
  crs: number | null;
  vrs: number | null;
  nirs: number | null;
  scale: number | null;
  rts: RtsClass | null;
  status: string;
  reason?: string;
}

/** CRS, VRS and NIRS radial efficiency, scale efficiency and the returns-to-scale class of every DMU (and period). */
export function scaleEfficiency(data: Panel | DeaData, options: ScaleEfficiencyOptions): Result<ScaleEfficiencyRow> {
  const model = options.model ?? 'radial';
  if (model !== 'radial' && model !== 'sbm') throw new UsageError('bad-option', `scale efficiency takes model radial or sbm, got "${String(model)}"`, 'use --model radial or --model sbm');
  const sbm = model === 'sbm';
  const orientation = options.orientation ?? (sbm ? 'non' : 'in');
  if (sbm) {
    if (orientation !== 'non' && orientation !== 'in' && orientation !== 'out') throw new UsageError('bad-option', `SBM scale efficiency: orientation must be non, in or out, got "${String(orientation)}"`, 'use --orientation non, in or out');
    if (options.translate !== undefined) throw new UsageError('bad-option', 'SBM takes undesirable outputs directly; the translation is for radial models', 'drop --translate');
  } else {
    if (orientation !== 'in' && orientation !== 'out') throw new UsageError('bad-option', `radial scale efficiency: orientation must be in or out, got "${String(orientation)}"`, 'use --orientation in or out, or --model sbm for non-oriented SBM');
    if (options.sbmWeights !== undefined || options.zeroOutput !== undefined) throw new UsageError('bad-option', 'SBM weights and zero-output handling apply to model sbm only', 'add --model sbm or drop them');
  }
  const tol = options.tolerance ?? 1e-8;
  if (!(tol >= 0 && tol < 1)) throw new UsageError('bad-option', `tolerance must be in [0, 1), got ${tol}`);
  const base: DeaOptions = sbm
    ? {
        inputs: options.inputs, outputs: options.outputs, undesirable: options.undesirable, model: 'sbm', orientation,
        sbmWeights: options.sbmWeights, zeroOutput: options.zeroOutput, frontier: options.frontier, scale: options.scale, frame: options.frame,
      }
    : {
        inputs: options.inputs, outputs: options.outputs, undesirable: options.undesirable, translate: options.translate,
        model: 'radial', orientation, slack: 'none', frontier: options.frontier, scale: options.scale, frame: options.frame,
      };
  const runs = (['crs', 'vrs', 'nirs'] as const).map((rts) => dea(data, { ...base, rts }));
  const [crsRun, vrsRun, nirsRun] = runs;

  const rows: ScaleEfficiencyRow[] = crsRun.rows.map((c, k) => {
    const v = vrsRun.rows[k], n = nirsRun.rows[k];
    // The three runs see the same observations in the same order (period, then id).
    if (v.id !== c.id || n.id !== c.id || v.period !== c.period || n.period !== c.period) throw new Error('internal: DEA runs returned rows in different orders');
    const score = (r: DeaRow): number | null => (r.status === 'optimal' && typeof r.efficiency === 'number' ? r.efficiency : null);
    const crs = score(c), vrs = score(v), nirs = score(n);
    const row: ScaleEfficiencyRow = { id: c.id, ...('period' in c ? { period: c.period } : {}), crs, vrs, nirs, scale: null, rts: null, status: 'optimal' };
    if (crs === null || vrs === null || nirs === null) {
      const bad = [['CRS', c], ['VRS', v], ['NIRS', n]].find(([, r]) => (r as DeaRow).status !== 'optimal') as [string, DeaRow] | undefined;
      row.status = bad ? bad[1].status : 'undefined';
      row.reason = bad ? `${bad[0]} run: ${bad[1].reason ?? bad[1].status}` : `${sbm ? 'an SBM' : 'a radial'} score is missing`;
      return row;
    }
    row.scale = crs / vrs;
    row.rts = row.scale >= 1 - tol ? 'crs' : Math.abs(nirs - vrs) <= tol ? 'drs' : 'irs';
    return row;
  });

  const statusCounts = countStatuses(rows);
  const mean = (key: 'crs' | 'vrs' | 'nirs' | 'scale'): number | null => {
    const v = rows.map((r) => r[key]).filter((x): x is number => x !== null);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  const rtsCounts = { crs: 0, drs: 0, irs: 0 };
  for (const r of rows) if (r.rts) rtsCounts[r.rts]++;
  // The three runs share data checks, so their warnings coincide; report each code once.
  const warnings: Warning[] = [];
  for (const run of runs) for (const w of run.warnings) if (!warnings.some((x) => x.code === w.code && x.message === w.message)) warnings.push(w);
  const params = {
    inputs: options.inputs, outputs: options.outputs, undesirable: options.undesirable ?? [], model, orientation,
    frontier: crsRun.params.frontier, scale: crsRun.params.scale, ...(sbm ? {} : { slack: 'none' }), tolerance: tol,
    ...(crsRun.params.translate ? { translate: crsRun.params.translate } : {}),
    ...(sbm && crsRun.params.sbmWeights ? { sbmWeights: crsRun.params.sbmWeights } : {}),
    ...(sbm && crsRun.params.zeroOutput ? { zeroOutput: crsRun.params.zeroOutput } : {}),
  };
  const sbmCite = [
    { text: 'Tone, K. (2001). A slacks-based measure of efficiency in data envelopment analysis. European Journal of Operational Research 130(3), 498–509.', doi: '10.1016/S0377-2217(99)00407-5' },
    { text: 'Tone, K. (2004). Dealing with undesirable outputs in DEA: a slacks-based measure (SBM) approach. NAPW III, Toronto, 44–45.' },
    { text: 'Cooper, W.W., Seiford, L.M., Tone, K. (2007). Data Envelopment Analysis, 2nd ed. Springer (§4.7 SBM, ch. 5 scale efficiency, ch. 13 undesirable outputs).', doi: '10.1007/978-0-387-45283-8' },
  ];
  const card: MethodCard = {
    method: 'scale-efficiency',
    title: sbm
      ? { en: 'Scale efficiency and returns to scale (SBM)', zh: '规模效率与规模报酬（SBM）' }
      : { en: 'Scale efficiency and returns to scale (DEA)', zh: '规模效率与规模报酬（DEA）' },
    conventions: {
      ...params,
      scaleEfficiency: sbm
        ? 'SE_SBM = rho*_CRS / rho*_VRS (Tone 2001; Cooper, Seiford & Tone 2007), SBM scores in (0,1] (output orientation rho_O = 1/(1 + sum v s+/y_o), deaR)'
        : 'SE = E_CRS / E_VRS, radial efficiencies in (0,1] (1/phi for output orientation)',
      rtsClass: sbm
        ? `NIRS comparison on the SBM score, as the DEAP rule: SE >= 1 - ${tol} -> crs; else |rho_NIRS - rho_VRS| <= ${tol} -> drs; else irs (an analogue of the radial rule; methods.md check item)`
        : `DEAP/Coelli rule: SE >= 1 - ${tol} -> crs; else |E_NIRS - E_VRS| <= ${tol} -> drs; else irs`,
      nirs: 'non-increasing returns to scale: sum(lambda) <= 1',
      orientationDependence: sbm
        ? 'the class refers to the SBM projection in the chosen orientation (non-oriented by default)'
        : 'the class refers to the projection in the chosen orientation; input and output orientation may classify a DMU differently',
      ...(sbm
        ? { undesirableOutputs: (options.undesirable ?? []).length ? 'entered directly in the SBM (Tone 2004): slacks s^b/b_o in the output part of rho' : 'none' }
        : { slackStage: 'none (SE and the class depend on the radial score only)' }),
      scaling: crsRun.card.conventions.scaling,
      solver: crsRun.card.conventions.solver,
      tolerances: crsRun.card.conventions.tolerances,
    },
    formulas: sbm
      ? ['SE_{SBM} = \\frac{\\rho^*_{CRS}}{\\rho^*_{VRS}}', '\\text{rts} = \\begin{cases} crs & SE \\approx 1 \\\\ drs & \\rho^*_{NIRS} = \\rho^*_{VRS} \\\\ irs & \\text{otherwise} \\end{cases}']
      : ['SE = \\frac{E_{CRS}}{E_{VRS}}', '\\text{rts} = \\begin{cases} crs & SE \\approx 1 \\\\ drs & E_{NIRS} = E_{VRS} \\\\ irs & \\text{otherwise} \\end{cases}'],
    citations: [
      ...(sbm ? sbmCite : []),
      { text: 'Banker, R.D., Charnes, A., Cooper, W.W. (1984). Some models for estimating technical and scale inefficiencies in DEA. Management Science 30(9), 1078–1092.', doi: '10.1287/mnsc.30.9.1078' },
      { text: 'Färe, R., Grosskopf, S., Lovell, C.A.K. (1985). The Measurement of Efficiency of Production. Kluwer-Nijhoff, Boston.' },
      { text: 'Coelli, T.J., Rao, D.S.P., Battese, G.E. (1998). An Introduction to Efficiency and Productivity Analysis. Kluwer, Boston (DEAP 2.1).' },
    ],
    software: SOFTWARE,
    statusCounts,
  };
  const summary = {
    n: rows.length, statusCounts, rtsCounts,
    meanCrs: mean('crs'), meanVrs: mean('vrs'), meanNirs: mean('nirs'), meanScale: mean('scale'),
    lps: runs.reduce((a, r) => a + (r.summary.lps as number), 0),
  };
  return { method: 'scale-efficiency', params, rows, summary, warnings, card };
}
