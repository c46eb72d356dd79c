import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readJson, expectClose } from '../../helpers.js';
import {
  weightsFromNeighbourMap, subsetWeights, rowStandardise, moranTest, localMoranStatistics, gearyTest, weightsFromLists,
  moran, lisa, geary, knnWeights, chinaProvincePoints,
} from '../../../src/core/spatial/index.js';
import { createPanel } from '../../../src/core/panel/panel.js';

// Reference: shared/fixtures/index/expected/moran_2020.json (spdep 1.2.7 moran.test / localmoran, row-standardised
// queen weights with 海南–广东 linked). Closed-form values: 1e-9 relative (absolute floor 1e-12), quadrants exact.
const fx = readJson('fixtures/index/expected/moran_2020.json');
const nb = readJson('fixtures/index/data/provinces_queen.json');
const provinces: string[] = fx.result.provinces;
const values = Float64Array.from(fx.result.values as number[]);
const W = rowStandardise(subsetWeights(weightsFromNeighbourMap(nb), provinces));
const REL = 1e-9, ABS = 1e-12;
const quad = (s: string) => s.split('-').map((p) => p[0]).join('');

describe('global Moran (moran_2020 fixture)', () => {
  const r = moranTest(values, W, { permutations: 0 });
  for (const [key, inf] of [['norm', r.normality], ['rand', r.randomisation]] as const) {
    it(`${key}: I, E, Var, z, p`, () => {
      const g = fx.result.global[key];
      expectClose(r.I, g.I, REL, ABS, 'I');
      expectClose(r.EI, g.expected_I, REL, ABS, 'EI');
      expectClose(inf.VI, g.variance, REL, ABS, 'VI');
      expectClose(inf.z, g.z, REL, ABS, 'z');
      expectClose(inf.pGreater, g.p_greater, REL, ABS, 'p_greater');
      expectClose(inf.pTwoSided, g.p_two_sided, REL, ABS, 'p_two_sided');
    });
  }
  it('permutation p is seeded, folded and deterministic', () => {
    const a = moranTest(values, W, { permutations: 999, seed: 7 });
    const b = moranTest(values, W, { permutations: 999, seed: 7 });
    expect(a.permutation).toEqual(b.permutation);
    expect(a.permutation!.pSim).toBeGreaterThan(0.03);
    expect(a.permutation!.pSim).toBeLessThanOrEqual(0.5);
    // With 999 draws the one-sided pseudo p is close to the randomisation p (0.095) within Monte Carlo error.
    expect(Math.abs(a.permutation!.pSim - fx.result.global.rand.p_greater)).toBeLessThan(0.04);
    expectClose(a.permutation!.mean, -1 / 30, 0, 0.02, 'mean of I_sim');
  });
});

describe('local Moran (moran_2020 fixture)', () => {
  for (const [key, variance] of [['cond', 'conditional'], ['total', 'total']] as const) {
    it(`${key}: Ii, E, Var, Z, p and quadrants`, () => {
      const exp = fx.result.local[key];
      const r = localMoranStatistics(values, W, { variance, permutations: 0 });
      for (let i = 0; i < provinces.length; i++) {
        const what = `${key} ${provinces[i]}`;
        expectClose(r.Ii[i], exp.Ii[i], REL, ABS, `${what} Ii`);
        expectClose(r.EIi[i], exp.E_Ii[i], REL, ABS, `${what} E`);
        expectClose(r.VIi[i], exp.Var_Ii[i], REL, ABS, `${what} Var`);
        expectClose(r.ZIi[i], exp.Z_Ii[i], REL, ABS, `${what} Z`);
        expectClose(r.pTwoSided[i], exp.p_two_sided[i], REL, ABS, `${what} p`);
        if (exp.p_greater) expectClose(r.pGreater[i], exp.p_greater[i], REL, ABS, `${what} p_greater`);
      }
      expect(r.quadrant).toEqual(exp.quadrant_pysal.map(quad));
      expect(localMoranStatistics(values, W, { variance, permutations: 0, quadrantCentre: 'mean' }).quadrant).toEqual(exp.quadrant_mean.map(quad));
      expect(localMoranStatistics(values, W, { variance, permutations: 0, quadrantCentre: 'median' }).quadrant).toEqual(exp.quadrant_median.map(quad));
    });
  }
  it('esda scaling multiplies Ii by (n−1)/n and leaves z unchanged', () => {
    const a = localMoranStatistics(values, W, { permutations: 0 });
    const b = localMoranStatistics(values, W, { permutations: 0, scaling: 'esda' });
    for (let i = 0; i < 31; i++) {
      expectClose(b.Ii[i], (a.Ii[i] * 30) / 31, 1e-14, 1e-15, 'esda Ii');
      expectClose(b.ZIi[i], a.ZIi[i], 1e-12, 1e-14, 'esda z');
    }
  });
  it('quadrant codes: esda 1 HH 2 LH 3 LL 4 HL; geoda 1 HH 2 LL 3 LH 4 HL', () => {
    const a = localMoranStatistics(values, W, { permutations: 0 });
    const g = localMoranStatistics(values, W, { permutations: 0, geodaQuads: true });
    const esda = { HH: 1, LH: 2, LL: 3, HL: 4 }, geoda = { HH: 1, LL: 2, LH: 3, HL: 4 };
    a.quadrant.forEach((q, i) => { expect(a.quadrantCode[i]).toBe(esda[q]); expect(g.quadrantCode[i]).toBe(geoda[q]); });
  });
  it('conditional permutation: seeded, p in (0, 0.5], strong clusters significant', () => {
    const a = localMoranStatistics(values, W, { permutations: 999, seed: 1 });
    const b = localMoranStatistics(values, W, { permutations: 999, seed: 1 });
    expect(Array.from(a.pSim!)).toEqual(Array.from(b.pSim!));
    for (const p of a.pSim!) { expect(p).toBeGreaterThan(0); expect(p).toBeLessThanOrEqual(0.5); }
    const sh = provinces.indexOf('上海');
    expect(a.pSim![sh]).toBeLessThan(0.05); // Z = 2.74 analytically
  });
});

// spdep 1.2.7 on the same data (test/core/spatial/reference/spdep_geary_islands.R): Geary's C under W and B
// weights, Moran under B weights, and the queen weights WITHOUT the 海南–广东 link (海南 an island), with spdep's
// default adjust.n = TRUE and with adjust.n = FALSE.
describe('spdep cross-checks: Geary, binary weights, islands', () => {
  const B = subsetWeights(weightsFromNeighbourMap(nb), provinces);
  const noLink = Object.fromEntries(Object.entries(nb as Record<string, string[]>).map(([k, v]) => [k, k === '海南' ? [] : v.filter((q) => !(k === '广东' && q === '海南'))]));
  const Wi = rowStandardise(subsetWeights(weightsFromNeighbourMap(noLink), provinces));
  it('Geary C, W weights: normality and randomisation', () => {
    const g = gearyTest(values, W, { permutations: 0 });
    expectClose(g.C, 0.91346335952300273, REL, 0, 'C');
    expectClose(g.normality.VC, 0.016837977630568376, REL, 0, 'VC norm');
    expectClose(g.normality.z, 0.66689132317298272, REL, 0, 'z norm');
    expectClose(g.randomisation.VC, 0.018512592023498753, REL, 0, 'VC rand');
    expectClose(g.randomisation.z, 0.63601361976565363, REL, 0, 'z rand');
    expectClose(g.randomisation.pTwoSided, 0.52476754489933819, REL, 0, 'p two-sided');
  });
  it('Geary C and Moran I, binary weights', () => {
    const g = gearyTest(values, B, { permutations: 0 });
    expectClose(g.C, 0.7034803791447426, REL, 0, 'C');
    expectClose(g.normality.VC, 0.021581600504095778, REL, 0, 'VC norm');
    expectClose(g.normality.z, 2.0184203288656826, REL, 0, 'z norm');
    expectClose(g.randomisation.VC, 0.027545618343813395, REL, 0, 'VC rand');
    expectClose(g.randomisation.z, 1.7865993564287561, REL, 0, 'z rand');
    const m = moranTest(values, B, { permutations: 0 });
    expectClose(m.I, 0.1600858976627344, REL, 0, 'I');
    expectClose(m.randomisation.VI, 0.011212542105173331, REL, 0, 'VI');
    expectClose(m.randomisation.z, 1.8266174777257762, REL, 0, 'z');
  });
  it('local Moran with binary weights, both variances (spdep_localmoran_binary.R; units 北京, 上海, 广西)', () => {
    const exp = {
      conditional: { Ii: [-0.85471064856501244, 2.5430953755157293, -1.0811470382433461], Var: [6.8135394467135253, 0.88099776206719493, 1.5167789024548128], Z: [-0.22708726645221791, 2.7412480945710733, -0.83292275441468022] },
      total: { Ii: [-0.85471064856501244, 2.5430953755157293, -1.0811470382433461], Var: [1.7489502077629602, 1.7489502077629602, 3.2756600247484178], Z: [-0.59588401329662521, 1.9733866575551691, -0.52368914712233439] },
    } as const;
    for (const variance of ['conditional', 'total'] as const) {
      const l = localMoranStatistics(values, B, { variance, permutations: 0 });
      [0, 8, 19].forEach((i, k) => {
        expectClose(l.Ii[i], exp[variance].Ii[k], REL, 0, `${variance} Ii ${i}`);
        expectClose(l.VIi[i], exp[variance].Var[k], REL, 0, `${variance} Var ${i}`);
        expectClose(l.ZIi[i], exp[variance].Z[k], REL, 0, `${variance} Z ${i}`);
      });
    }
  });
  it('an island: adjustN reproduces spdep adjust.n = TRUE; default matches adjust.n = FALSE', () => {
    expect(Wi.islands).toEqual(['海南']);
    const a = moranTest(values, Wi, { permutations: 0, adjustN: true });
    expectClose(a.I, 0.22963356733643109, REL, 0, 'I adj');
    expectClose(a.EI, -1 / 29, REL, 0, 'EI adj');
    expectClose(a.randomisation.VI, 0.013059213006424826, REL, 0, 'VI adj');
    expectClose(a.randomisation.z, 2.3111958259042682, REL, 0, 'z adj');
    const b = moranTest(values, Wi, { permutations: 0 });
    expectClose(b.I, 0.23728801958097881, REL, 0, 'I');
    expectClose(b.normality.VI, 0.013655631292254573, REL, 0, 'VI norm');
    expectClose(b.normality.z, 2.3158273028180112, REL, 0, 'z norm');
    const g = gearyTest(values, Wi, { permutations: 0, adjustN: true });
    expectClose(g.C, 0.67509869796067112, REL, 0, 'C adj');
    expectClose(g.randomisation.VC, 0.016142795410500874, REL, 0, 'VC adj');
    expectClose(g.randomisation.z, 2.5571846006205292, REL, 0, 'z adj');
    const l = localMoranStatistics(values, Wi, { permutations: 99 });
    const h = provinces.indexOf('海南');
    expect(Math.abs(l.Ii[h])).toBe(0);
    expect(Number.isNaN(l.ZIi[h])).toBe(true);
    expect(Number.isNaN(l.pSim![h])).toBe(true);
  });
});

describe('identities and properties', () => {
  it('Σ_i I_i = S0·I (= n·I row-standardised)', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 31, maxLength: 31 }), (xs) => {
      const x = Float64Array.from(xs);
      const mean = xs.reduce((a, b) => a + b, 0) / 31;
      if (xs.every((v) => Math.abs(v - mean) < 1e-6)) return;
      const g = moranTest(x, W, { permutations: 0 });
      const l = localMoranStatistics(x, W, { permutations: 0 });
      const s = l.Ii.reduce((a, b) => a + b, 0);
      expectClose(s, 31 * g.I, 1e-9, 1e-9, 'ΣIi');
    }), { numRuns: 50 });
  });
  it('Σ_i I_i = S0·I for binary (unstandardised) weights', () => {
    const B = subsetWeights(weightsFromNeighbourMap(nb), provinces);
    const g = moranTest(values, B, { permutations: 0 });
    const l = localMoranStatistics(values, B, { permutations: 0 });
    const S0 = B.weights.reduce((a, b) => a + b, 0);
    expectClose(l.Ii.reduce((a, b) => a + b, 0), S0 * g.I, 1e-12, 1e-14, 'ΣIi binary');
  });
  it('a layout that is a symmetry of the lattice leaves I unchanged; a checkerboard gives I = −1', () => {
    // 6×6 rook lattice; values on a gradient, then mirrored (a graph automorphism): same I.
    const side = 6, n = side * side;
    const ids = Array.from({ length: n }, (_, k) => `c${String(k).padStart(2, '0')}`);
    const lists = ids.map((_, k) => {
      const r = Math.floor(k / side), c = k % side, l: number[] = [];
      if (r > 0) l.push(k - side); if (r < side - 1) l.push(k + side); if (c > 0) l.push(k - 1); if (c < side - 1) l.push(k + 1);
      return l;
    });
    const w = rowStandardise(weightsFromLists(ids, lists));
    const grad = Float64Array.from({ length: n }, (_, k) => Math.floor(k / side) + 0.3 * (k % side) ** 2);
    const mirrored = Float64Array.from({ length: n }, (_, k) => grad[Math.floor(k / side) * side + (side - 1 - (k % side))]);
    const rotated = Float64Array.from({ length: n }, (_, k) => grad[(k % side) * side + (side - 1 - Math.floor(k / side))]);
    const I0 = moranTest(grad, w, { permutations: 0 }).I;
    expect(I0).toBeGreaterThan(0.5);
    expectClose(moranTest(mirrored, w, { permutations: 0 }).I, I0, 1e-12, 0, 'mirror');
    expect(moranTest(rotated, w, { permutations: 0 }).I).toBeGreaterThan(0.5);
    const checker = Float64Array.from({ length: n }, (_, k) => ((Math.floor(k / side) + (k % side)) % 2 ? 1 : 0));
    expectClose(moranTest(checker, w, { permutations: 0 }).I, -1, 1e-12, 0, 'checkerboard');
    // Negating the values leaves I unchanged; an affine change too.
    expectClose(moranTest(grad.map((v) => 3 - 2 * v), w, { permutations: 0 }).I, I0, 1e-12, 0, 'affine');
  });
  it('Geary C: 1 − C and I agree in sign on strong patterns; checkerboard gives C > 1', () => {
    const g = gearyTest(values, W, { permutations: 0 });
    expect(g.C).toBeLessThan(1.2);
    expect(g.normality.VC).toBeGreaterThan(0);
    expect(g.randomisation.VC).toBeGreaterThan(0);
  });
  it('constant values give status undefined, not NaN rows', () => {
    const r = moranTest(new Float64Array(31).fill(2), W, { permutations: 10 });
    expect(r.status).toBe('undefined');
  });
});

describe('panel API', () => {
  const panel = createPanel({
    ids: provinces, periods: [2020],
    entity: provinces, period: provinces.map(() => 2020),
    values: { score: values }, source: 'moran fixture',
  });
  it('moran rows match the fixture and carry both variances', () => {
    const res = moran(panel, { value: 'score', weights: weightsFromNeighbourMap(nb), permutations: 99 });
    const row = res.rows[0];
    expectClose(row.I!, fx.result.global.rand.I, REL, ABS, 'I');
    expectClose(row.p!, fx.result.global.rand.p_two_sided, REL, ABS, 'p');
    expectClose(row.normality.pGreater!, fx.result.global.norm.p_greater, REL, ABS, 'p norm greater');
    expect(res.card.conventions.permutations).toBe(99);
    expect(JSON.stringify(res)).not.toMatch(/NaN|Infinity/);
  });
  it('lisa rows sorted by id with quadrants and clusters', () => {
    const res = lisa(panel, { value: 'score', weights: weightsFromNeighbourMap(nb), permutations: 99 });
    const ids = res.rows.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    const bj = res.rows.find((r) => r.id === '北京')!;
    expectClose(bj.Ii!, fx.result.local.cond.Ii[0], REL, ABS, 'Ii');
    expect(bj.quadrant).toBe('HL');
  });
  it('missing values: the unit is dropped before standardising and reported with a status', () => {
    const v2 = Float64Array.from(values); v2[provinces.indexOf('西藏')] = NaN;
    const p2 = { ...panel, columns: { score: v2 } };
    const res = lisa(p2, { value: 'score', weights: weightsFromNeighbourMap(nb), permutations: 0 });
    const xz = res.rows.find((r) => r.id === '西藏')!;
    expect(xz.status).toBe('insufficient_data');
    expect(res.rows.length).toBe(31);
    const m = moran(p2, { value: 'score', weights: weightsFromNeighbourMap(nb), permutations: 0 });
    expect(m.rows[0].n).toBe(30);
    expect(m.warnings.some((w) => w.code === 'missing-values')).toBe(true);
  });
  it('a weights builder is called with each period\'s observed units (k-NN rebuilt on the subset)', () => {
    const v2 = Float64Array.from(values); v2[provinces.indexOf('西藏')] = NaN;
    const p2 = { ...panel, columns: { score: v2 } };
    const calls: number[] = [];
    const builder = (ids: readonly string[]) => { calls.push(ids.length); return knnWeights(chinaProvincePoints(ids), 3); };
    const res = lisa(p2, { value: 'score', weights: builder, permutations: 0 });
    expect(calls).toContain(30);
    expect(res.card.conventions.weights).toMatchObject({ type: 'knn', k: 3, builtPerPeriod: 'on the units observed in each period' });
    // 新疆's 3 nearest capitals without 西藏: each row still averages 3 neighbours
    const xj = res.rows.find((r) => r.id === '新疆')!;
    expect(xj.status).toBe('ok');
  });
  it('geary rows', () => {
    const res = geary(panel, { value: 'score', weights: weightsFromNeighbourMap(nb), permutations: 99 });
    expect(res.rows[0].C).toBeGreaterThan(0);
    expect(res.rows[0].status).toBe('ok');
  });
});
