// xinzhi dea — data envelopment analysis (methods.md E; design.md CLI contract `dea`).
// Thin: parse options, load the panel, call core `dea` (or `crossEfficiency`), render the Result.

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../../core/errors.js';
import { dea, type DeaOptions } from '../../core/frontier/dea.js';
import { crossEfficiency, type CrossMethod } from '../../core/frontier/cross-efficiency.js';
import { scaleEfficiency } from '../../core/frontier/scale-efficiency.js';
import { windowAnalysis } from '../../core/frontier/window.js';
import { addDataOptions, addOutputOptions, loadPanelForCli } from '../load.js';
import { writeResult } from '../output.js';
import { list, numbers } from '../args.js';



function translateSpec(s: string, h: number, flag = '--translate'): 'max+1' | number | (number | null)[] {
  const parts = list(s);
  const one = (p: string): number | null => {
    if (/^max\s*\+\s*1$/i.test(p) || p.toUpperCase() === 'NA') return null;
    const v = Number(p);
    if (p === '' || !Number.isFinite(v)) throw new UsageError('bad-option', `${flag} takes max+1, a number, or one value per undesirable variable; got "${s}"`, `e.g. ${flag} max+1 or ${flag} 1500`);
    return v;
  };
  const vals = parts.map(one);
  if (vals.length === 1) return vals[0] === null ? 'max+1' : vals[0];
  if (vals.length !== h) throw new UsageError('bad-option', `${flag} needs one value or ${h} (one per undesirable variable), got ${vals.length}`);
  return vals;
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('dea')
    .description('data envelopment analysis: radial (CCR/BCC), SBM, super-efficiency, DDF, NDDF, additive, cross-efficiency')
    .option('--inputs <cols>', 'comma-separated input columns')
    .option('--outputs <cols>', 'comma-separated (good) output columns')
    .option('--undesirable <cols>', 'comma-separated undesirable (bad) output columns (sbm, ddf, nddf; radial with --translate)')
    .option('--translate <c>', "radial with --undesirable: b' = c - b as a good output (Seiford & Zhu 2002, deaR vtrans_o): max+1 | C | C1,C2,... (one per bad; max+1 allowed per entry)")
    .option('--undesirable-inputs <cols>', "radial: inputs (also listed in --inputs) entered as x' = c - x (deaR ud_inputs/vtrans_i)")
    .option('--translate-inputs <c>', 'with --undesirable-inputs: max+1 (default) | C | C1,C2,... (one per undesirable input)')
    .option('--model <m>', 'radial | sbm | ddf | nddf | additive | cross', 'radial')
    .option('--orientation <o>', 'in | out | non (radial default in, sbm default non)')
    .option('--rts <rts>', 'crs | vrs | nirs | ndrs (default crs; additive vrs)')
    .option('--slack <s>', 'second stage: maxSlack (default) | none | epsilon')
    .option('--slack-objective <s>', 'phase-II slack sum: scaled (default) | raw (deaR/Benchmarking)')
    .option('--super [kind]', 'super-efficiency: ap (Andersen–Petersen; super-SBM with --model sbm) | cook2009')
    .option('--super-score <s>', 'super-SBM score: delta (default) | composite')
    .option('--direction <g>', 'ddf/nddf direction: green | graph | input | output | numbers (inputs,outputs,bads)')
    .option('--bad-disposability <d>', 'ddf/nddf: weak (=, default) | free (≤)')
    .option('--weights <w>', 'nddf weights: normalised (default) | numbers (inputs,outputs,bads)')
    .option('--zero-output <z>', 'sbm zero outputs: replace (default, min/100) | drop')
    .option('--additive-weights <w>', 'additive model weights: unit (default) | inverse')
    .option('--cross <method>', 'with --model cross: arbitrary | aggressive | benevolent (default aggressive)')
    .option('--secondary <k>', 'with --model cross: Doyle & Green secondary goal m2 (default) | m3')
    .option('--frontier <f>', 'with --period: period (each period its own frontier, default) | pooled')
    .option('--scale <s>', 'mean (default) | none')
    .option('--frame <f>', 'efficient-frame strategy: auto (default) | always | never')
    .option('--scale-efficiency', 'CRS, VRS and NIRS scores, scale efficiency SE = CRS/VRS and the returns-to-scale class irs | crs | drs (DEAP rule); radial (default) or --model sbm (SE = rho_CRS/rho_VRS, Tone 2001; non-oriented by default, bads allowed); with --orientation, --frontier')
    .option('--window [width]', 'window analysis (Charnes et al. 1985): windows of WIDTH consecutive periods (default 3), each pooled as one frontier; any radial/sbm/ddf model; needs --period');
  addDataOptions(cmd);
  addOutputOptions(cmd);
  cmd.action(async (opts: Record<string, string | boolean | undefined>) => {
    const o = opts as Record<string, string | undefined> & { super?: string | boolean; force?: boolean };
    const inputs = list(o.inputs);
    const outputs = list(o.outputs);
    const undesirable = list(o.undesirable);
    if (!inputs.length) throw new UsageError('missing-option', '--inputs is required', 'e.g. --inputs labor,capital');
    if (!outputs.length) throw new UsageError('missing-option', '--outputs is required', 'e.g. --outputs gdp');
    const d = inputs.length + outputs.length + undesirable.length;
    const loaded = await loadPanelForCli({ data: o.data, id: o.id, period: o.period, sheet: o.sheet, encoding: o.encoding }, ctx, { variables: [...inputs, ...outputs, ...undesirable] });
    let result;
    const ow = opts as { scaleEfficiency?: boolean; window?: string | boolean };
    if (ow.scaleEfficiency && ow.window !== undefined) throw new UsageError('bad-option', '--scale-efficiency and --window are separate analyses', 'run them one at a time');
    if (ow.window !== undefined && o.model === 'cross') throw new UsageError('bad-option', '--window does not apply to cross-efficiency', 'use --model radial, sbm or ddf');
    if (ow.scaleEfficiency) {
      if ((o.model !== 'radial' && o.model !== 'sbm') || o.rts !== undefined || o.super !== undefined || o.slack !== undefined) {
        throw new UsageError('bad-option', '--scale-efficiency runs the CRS, VRS and NIRS models itself, radial (default) or SBM (--model sbm)', 'drop --rts, --super and --slack; --model takes radial or sbm here');
      }
      result = scaleEfficiency(loaded.panel, {
        inputs, outputs, undesirable,
        model: o.model,
        translate: o.translate === undefined ? undefined : translateSpec(o.translate, undesirable.length),
        orientation: o.orientation as 'in' | 'out' | 'non' | undefined,
        zeroOutput: o.zeroOutput as DeaOptions['zeroOutput'],
        frontier: o.frontier as DeaOptions['frontier'],
        scale: o.scale as DeaOptions['scale'],
        frame: o.frame as DeaOptions['frame'],
      });
    } else if (o.model === 'cross') {
      result = crossEfficiency(loaded.panel, {
        inputs, outputs,
        orientation: o.orientation as 'in' | 'out' | undefined,
        rts: o.rts as 'crs' | 'vrs' | undefined,
        method: (o.cross ?? 'aggressive') as CrossMethod,
        secondary: o.secondary as 'm2' | 'm3' | undefined,
      });
    } else {
      const direction = o.direction === undefined ? undefined
        : ['green', 'graph', 'input', 'output'].includes(o.direction) ? o.direction as DeaOptions['direction'] : numbers(o.direction, '--direction', d, ' (inputs, outputs, undesirable outputs)')!;
      const weights = o.weights === undefined || o.weights === 'normalised' || o.weights === 'normalized' ? undefined : numbers(o.weights, '--weights', d, ' (inputs, outputs, undesirable outputs)')!;
      const sup = o.super === undefined ? undefined : o.super === true ? true : (o.super as 'ap' | 'cook2009');
      const translate = o.translate === undefined ? undefined : translateSpec(o.translate, undesirable.length);
      const deaOptions: DeaOptions = {
        inputs, outputs, undesirable, translate,
        ...(o.undesirableInputs !== undefined ? { undesirableInputs: list(o.undesirableInputs) } : {}),
        ...(o.translateInputs !== undefined ? { translateInputs: translateSpec(o.translateInputs, list(o.undesirableInputs).length, '--translate-inputs') } : {}),
        model: o.model as DeaOptions['model'],
        orientation: o.orientation as DeaOptions['orientation'],
        rts: o.rts as DeaOptions['rts'],
        slack: o.slack as DeaOptions['slack'],
        slackObjective: o.slackObjective as DeaOptions['slackObjective'],
        super: sup,
        superScore: o.superScore as DeaOptions['superScore'],
        direction,
        badDisposability: o.badDisposability as DeaOptions['badDisposability'],
        nddfWeights: weights,
        zeroOutput: o.zeroOutput as DeaOptions['zeroOutput'],
        additiveWeights: o.additiveWeights as DeaOptions['additiveWeights'],
        frontier: o.frontier as DeaOptions['frontier'],
        scale: o.scale as DeaOptions['scale'],
        frame: o.frame as DeaOptions['frame'],
      };
      if (ow.window !== undefined) {
        const width = ow.window === true ? 3 : Number(ow.window);
        if (!Number.isInteger(width) || width < 1) throw new UsageError('bad-option', `--window takes a positive whole number of periods, got "${String(ow.window)}"`, 'e.g. --window 3');
        result = windowAnalysis(loaded.panel, { ...deaOptions, width });
      } else result = dea(loaded.panel, deaOptions);
    }
    result.warnings.unshift(...loaded.warnings);
    result.card.data = loaded.data;
    await writeResult(result, { format: o.format, out: o.out, force: o.force, lang: o.lang }, ctx);
  });
}
