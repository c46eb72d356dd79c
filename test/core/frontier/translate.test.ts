// Seiford & Zhu (2002) translation in radial models (deaR model_basic ud_outputs/vtrans_o, ud_inputs/vtrans_i):
// `translate` must equal the model with the translated column entered by hand, in every orientation and RTS, with
// targets mapped back to original units; undesirable inputs likewise (x′ = c − x in place).
import { describe, it, expect } from 'vitest';
import { dea, type DeaRow } from '../../../src/core/frontier/index.js';
import { runCli, sharedPath } from '../../helpers.js';
import { readFileSync } from 'node:fs';

const lines = readFileSync(sharedPath('fixtures', 'more', 'hua_bian_2007.csv'), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
const ids = lines.slice(1).map((r) => r[0]);
const columns: Record<string, Float64Array> = {};
lines[0].forEach((h, k) => { if (k) columns[h] = Float64Array.from(lines.slice(1), (r) => Number(r[k])); });
const X = ['D-Input1', 'D-Input2'], Yg = ['D-Output1', 'D-Output2'], B = 'UD-Output1';

describe('translate (undesirable outputs in radial models)', () => {
  for (const rts of ['crs', 'vrs'] as const) for (const orientation of ['in', 'out'] as const) {
    it(`${rts} ${orientation}: equals b' = c - b as an ordinary output; target b = c - target b'`, () => {
      const c = 1500;
      const got = dea({ ids, columns }, { inputs: X, outputs: Yg, undesirable: [B], rts, orientation, translate: [c] });
      const manual = dea({ ids, columns: { ...columns, bt: columns[B].map((b) => c - b) } }, { inputs: X, outputs: [...Yg, 'bt'], rts, orientation });
      got.rows.forEach((r: DeaRow, j) => {
        const q = manual.rows[j];
        expect(r.id).toBe(q.id);
        expect(r.efficiency).toBeCloseTo(q.efficiency as number, 10);
        expect(r.slacks![B]).toBeCloseTo(q.slacks!.bt, 6);
        expect(r.targets![B]).toBeCloseTo(c - q.targets!.bt, 6);
        expect(Object.keys(r.targets!)).toEqual([...X, ...Yg, B]);
      });
    });
  }
});

describe('undesirable inputs (x\' = c - x in place)', () => {
  it('equals the hand-translated input; targets back in original units; default max + 1', () => {
    const v = 'D-Input2';
    const cIn = Math.max(...columns[v]) + 1;
    for (const orientation of ['in', 'out'] as const) {
      const got = dea({ ids, columns }, { inputs: X, outputs: Yg, rts: 'vrs', orientation, undesirableInputs: [v] });
      expect(got.params.translateInputs).toEqual({ [v]: cIn });
      expect(String(got.card.conventions.inputTranslation)).toMatch(/vtrans_i/);
      const manual = dea({ ids, columns: { ...columns, [v]: columns[v].map((x) => cIn - x) } }, { inputs: X, outputs: Yg, rts: 'vrs', orientation });
      got.rows.forEach((r: DeaRow, j) => {
        expect(r.efficiency).toBeCloseTo(manual.rows[j].efficiency as number, 10);
        expect(r.targets![v]).toBeCloseTo(cIn - manual.rows[j].targets![v], 6);
      });
    }
  });
  it('VRS output orientation is invariant to the input translation constant (Ali & Seiford 1990)', () => {
    const eff = (c: number) => dea({ ids, columns }, { inputs: X, outputs: Yg, rts: 'vrs', orientation: 'out', undesirableInputs: ['D-Input1'], translateInputs: c }).rows.map((r) => r.efficiency as number);
    const a = eff(Math.max(...columns['D-Input1']) + 1), b = eff(50000);
    a.forEach((v, j) => expect(b[j]).toBeCloseTo(v, 8));
  });
  it('errors: not among inputs, non-radial model, constant below max', () => {
    expect(() => dea({ ids, columns }, { inputs: X, outputs: Yg, undesirableInputs: ['D-Output1'] })).toThrow(/not among the inputs/);
    expect(() => dea({ ids, columns }, { inputs: X, outputs: Yg, model: 'sbm', undesirableInputs: ['D-Input1'] })).toThrow(/radial/);
    expect(() => dea({ ids, columns }, { inputs: X, outputs: Yg, undesirableInputs: ['D-Input1'], translateInputs: 10 })).toThrow(/DMU/);
  });
  it('CLI --undesirable-inputs --translate-inputs', async () => {
    const v = 'D-Input2';
    const c = Math.max(...columns[v]) + 100;
    const run = await runCli(['dea', '--data', sharedPath('fixtures', 'more', 'hua_bian_2007.csv'), '--id', 'DMU', '--inputs', X.join(','), '--outputs', Yg.join(','),
      '--rts', 'vrs', '--undesirable-inputs', v, '--translate-inputs', String(c), '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.params.translateInputs[v]).toBe(c);
    const manual = dea({ ids, columns: { ...columns, [v]: columns[v].map((x) => c - x) } }, { inputs: X, outputs: Yg, rts: 'vrs' });
    out.rows.forEach((r: any, j: number) => expect(r.efficiency).toBeCloseTo(manual.rows[j].efficiency as number, 10));
    const bad = await runCli(['dea', '--data', sharedPath('fixtures', 'more', 'hua_bian_2007.csv'), '--id', 'DMU', '--inputs', X.join(','), '--outputs', Yg.join(','),
      '--undesirable-inputs', v, '--translate-inputs', 'abc', '--format', 'json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--translate-inputs/);
  });
});
