// A provincial panel for the workbench tests, written in GBK as Chinese Excel saves "CSV": 31 provinces ×
// 2012–2021, the NBS four-region grouping, five indicators (one negative), deterministic values (seeded RNG).
import iconv from 'iconv-lite';
import { createRng } from '../../src/core/random.js';

const PROVINCES: [string, string][] = [
  ['北京', '东部'], ['天津', '东部'], ['河北', '东部'], ['山西', '中部'], ['内蒙古', '西部'], ['辽宁', '东北'], ['吉林', '东北'], ['黑龙江', '东北'],
  ['上海', '东部'], ['江苏', '东部'], ['浙江', '东部'], ['安徽', '中部'], ['福建', '东部'], ['江西', '中部'], ['山东', '东部'], ['河南', '中部'],
  ['湖北', '中部'], ['湖南', '中部'], ['广东', '东部'], ['广西', '西部'], ['海南', '东部'], ['重庆', '西部'], ['四川', '西部'], ['贵州', '西部'],
  ['云南', '西部'], ['西藏', '西部'], ['陕西', '西部'], ['甘肃', '西部'], ['青海', '西部'], ['宁夏', '西部'], ['新疆', '西部'],
];

export const INDICATORS = ['研发强度', '专利授权', '数字经济', '能耗强度', '人均GDP'];

/** CSV text (province, year, region, indicators) and its GBK bytes. */
export function provincialCsv(years: number[] = Array.from({ length: 10 }, (_, k) => 2012 + k)): { text: string; gbk: Buffer } {
  const rng = createRng(20240601);
  const lines = [['省份', '年份', '地区', ...INDICATORS].join(',')];
  PROVINCES.forEach(([p, region], i) => {
    const level = 0.5 + rng.uniform() + (region === '东部' ? 0.6 : 0);
    for (const y of years) {
      const g = 1 + 0.04 * (y - years[0]);
      const v = [
        (level * 1.8 * g + 0.2 * rng.uniform()).toFixed(3),
        Math.round(level * 20000 * g * (0.8 + 0.4 * rng.uniform())).toString(),
        (level * 30 * g + 3 * rng.uniform()).toFixed(2),
        (1.5 / (level * g) + 0.1 * rng.uniform()).toFixed(4),
        Math.round(level * 45000 * g + 2000 * rng.uniform()).toString(),
      ];
      lines.push([p, String(y), region, ...v].join(','));
    }
    void i;
  });
  const text = lines.join('\r\n') + '\r\n';
  return { text, gbk: iconv.encode(text, 'gbk') };
}

/** A large UTF-8 CSV (rows × 8 columns) for the load-time measurement. */
export function largeCsv(rows: number): string {
  const rng = createRng(7);
  const out: string[] = ['id,year,region,a,b,c,d,e'];
  const perId = 20;
  for (let r = 0; r < rows; r++) {
    const id = Math.floor(r / perId);
    out.push(`u${id},${2000 + (r % perId)},g${id % 7},${rng.uniform().toFixed(6)},${(rng.uniform() * 1000).toFixed(3)},${rng.normal().toFixed(5)},${Math.round(rng.uniform() * 1e6)},${(rng.uniform() + 1).toFixed(4)}`);
  }
  return out.join('\n') + '\n';
}
