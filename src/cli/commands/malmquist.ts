// xinzhi malmquist — productivity indices on a panel (Malmquist, ML, GML, Luenberger; methods.md F).
// Thin: parse options, load the panel, call core `malmquist`, render the Result.

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../../core/errors.js';
import { malmquist, type MalmquistOptions } from '../../core/productivity/malmquist.js';
import { addDataOptions, addOutputOptions, loadPanelForCli } from '../load.js';
import { writeResult } from '../output.js';
import { list, numbers } from '../args.js';



/** --direction green|graph|input|output or numbers for inputs, outputs, bads in that order (magnitudes). */
function parseDirection(s: string | undefined, m: number, k: number, h: number): MalmquistOptions['direction'] {
  if (s === undefined) return undefined;
  if (['green', 'graph', 'input', 'output'].includes(s)) return s as 'green';
  const v = numbers(s, '--direction')!;
  if (v.length !== m + k + h) throw new UsageError('bad-option', `--direction needs ${m + k + h} numbers (inputs, outputs, undesirable outputs) or a name: green, graph, input, output`);
  return { x: v.slice(0, m), y: v.slice(m, m + k), b: v.slice(m + k) };
}

function parseWeights(s: string | undefined, m: number, k: number, h: number): MalmquistOptions['weights'] {
  if (s === undefined || s === 'normalised' || s === 'normalized' || s === 'gtfpch') return s === 'normalized' ? 'normalised' : (s as 'normalised' | 'gtfpch' | undefined);
  const v = numbers(s, '--weights')!;
  if (v.length !== m + k + h) throw new UsageError('bad-option', `--weights needs ${m + k + h} numbers (inputs, outputs, undesirable outputs), normalised or gtfpch`);
  return { x: v.slice(0, m), y: v.slice(m, m + k), b: v.slice(m + k) };
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('malmquist')
    .description('productivity change between adjacent periods: Malmquist, Malmquist–Luenberger, global ML, Luenberger')
    .option('--inputs <cols>', 'comma-separated input columns')
    .option('--outputs <cols>', 'comma-separated (good) output columns')
    .option('--undesirable <cols>', 'comma-separated undesirable (bad) output columns (ml, gml, luenberger)')
    .option('--index <kind>', 'malmquist | ml | gml | luenberger', 'malmquist')
    .option('--frontier <type>', 'contemporaneous (default; gml: global) | sequential | global | biennial | window:B (B = half-width)')
    .option('--orientation <o>', 'radial Malmquist orientation: in | out', 'in')
    .option('--rts <rts>', 'crs | vrs (malmquist: vrs adds PECH·SECH; DDF indices: RTS of the distances)', 'crs')
    .option('--distance-rts <rts>', 'malmquist: RTS of the four distances, crs (FGNZ/DEAP, default) | vrs (Benchmarking)')
    .option('--decomposition <d>', 'malmquist with --rts vrs: fgnz (default) | rd (Ray–Desli)')
    .option('--bias', 'malmquist: split techch = matech × obtech × ibtech (magnitude, output bias, input bias; CRS distances)')
    .option('--direction <g>', 'DDF direction: green | graph | input | output | numbers (inputs,outputs,bads)')
    .option('--measure <m>', 'luenberger: radial (default) | nddf')
    .option('--weights <w>', 'NDDF weights: normalised (default) | gtfpch | numbers (inputs,outputs,bads)')
    .option('--bad-disposability <d>', 'weak (=, default) | free (≤)')
    .option('--same-reference', 'each pair\'s frontiers use only the units observed in both periods')
    .option('--require-balanced', 'refuse unbalanced panels')
    .option('--carry <c>', 'cumulative indices past a null link: break (default) | skip')
    .option('--group <col>', 'label column for group summaries (geometric means)')
    .option('--convention <c>', 'field names: xinzhi (tfpch, effch, techch) | gtfpch (TFPCH, TECH, TECCH)', 'xinzhi')
    .option('--scale <s>', 'mean (default) | none')
    .option('--detail', 'add the distances used to each row');
  addDataOptions(cmd);
  addOutputOptions(cmd);
  cmd.action(async (opts: Record<string, string | boolean | undefined>) => {
    const o = opts as Record<string, string | undefined> & { sameReference?: boolean; requireBalanced?: boolean; detail?: boolean; bias?: boolean; force?: boolean };
    const inputs = list(o.inputs);
    const outputs = list(o.outputs);
    const undesirable = list(o.undesirable);
    if (!inputs.length) throw new UsageError('missing-option', '--inputs is required', 'e.g. --inputs K,L');
    if (!outputs.length) throw new UsageError('missing-option', '--outputs is required', 'e.g. --outputs Y');
    const loaded = await loadPanelForCli({ data: o.data, id: o.id, period: o.period, sheet: o.sheet, encoding: o.encoding }, ctx, { variables: [...inputs, ...outputs, ...undesirable], labels: o.group ? [o.group] : [] });
    const result = malmquist(loaded.panel, {
      inputs, outputs, undesirable,
      index: o.index as MalmquistOptions['index'],
      frontier: o.frontier,
      orientation: o.orientation as MalmquistOptions['orientation'],
      rts: o.rts as MalmquistOptions['rts'],
      distanceRts: o.distanceRts as MalmquistOptions['distanceRts'],
      decomposition: o.decomposition as MalmquistOptions['decomposition'],
      bias: o.bias,
      direction: parseDirection(o.direction, inputs.length, outputs.length, undesirable.length),
      measure: o.measure as MalmquistOptions['measure'],
      weights: parseWeights(o.weights, inputs.length, outputs.length, undesirable.length),
      badDisposability: o.badDisposability as MalmquistOptions['badDisposability'],
      sameReference: o.sameReference,
      requireBalanced: o.requireBalanced,
      carry: o.carry as MalmquistOptions['carry'],
      group: o.group,
      convention: o.convention as MalmquistOptions['convention'],
      scale: o.scale as MalmquistOptions['scale'],
      detail: o.detail,
    });
    result.warnings.unshift(...loaded.warnings);
    result.card.data = loaded.data;
    await writeResult(result, { format: o.format, out: o.out, force: o.force, lang: o.lang }, ctx);
  });
}
