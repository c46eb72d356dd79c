// A provincial panel for the workbench's preparation and TFP tests: 31 provinces × 2012–2021 (UTF-8 CSV), with
// nominal GDP and its deflator (2012 = 100), nominal investment and its price index (level, 2012 = 100),
// employment, energy, CO₂ (an undesirable output), a labour share and two indicators. Deterministic (seeded RNG);
// every value positive so deflation, the PIM and the DEA models are defined everywhere.
import { createRng } from '../../src/core/random.js';
import type { Choices, Role } from '../../web/src/spec-build.js';

const PROVINCES = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆'];

export const TFP_COLUMNS = ['省份', '年份', 'gdp', 'gdp_deflator', 'invest', 'invest_price', 'labour', 'energy', 'co2', 'labsh', 'rd', 'digital'];

export function tfpCsv(years: number[] = Array.from({ length: 10 }, (_, k) => 2012 + k)): string {
  const rng = createRng(20261128);
  const lines = [TFP_COLUMNS.join(',')];
  for (const p of PROVINCES) {
    const size = 0.4 + 2 * rng.uniform();
    const prod = 0.7 + 0.6 * rng.uniform();
    const growth = 0.03 + 0.05 * rng.uniform();
    let price = 100;
    let iprice = 100;
    for (const y of years) {
      const k = y - years[0];
      if (k > 0) {
        price *= 1 + 0.01 + 0.03 * rng.uniform();
        iprice *= 1 + 0.005 + 0.03 * rng.uniform();
      }
      const labour = size * 1000 * (1 + 0.005 * k) * (0.95 + 0.1 * rng.uniform());
      const realGdp = prod * labour * 8 * Math.pow(1 + growth, k) * (0.9 + 0.2 * rng.uniform());
      const inv = realGdp * (0.3 + 0.15 * rng.uniform()) * (iprice / 100);
      const energy = realGdp * (0.5 + 0.3 * rng.uniform()) * Math.pow(0.97, k);
      const co2 = energy * (2 + 0.6 * rng.uniform());
      lines.push([
        p, String(y),
        (realGdp * price / 100).toFixed(2), price.toFixed(3),
        inv.toFixed(2), iprice.toFixed(3),
        labour.toFixed(1), energy.toFixed(2), co2.toFixed(2),
        (0.4 + 0.2 * rng.uniform()).toFixed(4),
        (1 + 2 * rng.uniform() + 0.1 * k).toFixed(3), (20 + 30 * rng.uniform() + 2 * k).toFixed(2),
      ].join(','));
    }
  }
  return lines.join('\n') + '\n';
}

/** Workbench choices for tfpCsv(): 省份 the id, 年份 the period, the given roles for the other columns (default ignore). */
export function tfpChoices(roles: Partial<Record<string, Role>>): Choices {
  const all: Record<string, Role> = {};
  for (const c of TFP_COLUMNS.slice(2)) all[c] = roles[c] ?? 'ignore';
  return {
    dataFile: 'tfp.csv',
    lang: 'en',
    roles: { 省份: 'id', 年份: 'period', ...all },
    directions: {},
    dimensions: {},
    framework: 'none',
    normalize: 'minmax',
    weights: 'entropy',
    aggregate: 'weighted',
    analyses: {},
    weightsSource: 'knn:4',
  };
}
