// The composite-index scores S of fixture 1(a) (entropy_pooled_shift.json) as a Panel: 31 provinces × 2015–2020,
// column `score`, label `region4`. Every disparity/dynamics fixture in shared/fixtures/index uses these scores.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from '../../helpers.js';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';

export interface IndexScores {
  province: string[];
  year: number[];
  region4: string[];
  score: number[];
}

export function indexScores(): IndexScores {
  const fx = readJson('fixtures/index/expected/entropy_pooled_shift.json');
  const r = fx.result;
  return { province: r.rows.province, year: r.rows.year, region4: r.rows.region4, score: r.scores };
}

export function indexPanel(): Panel {
  const s = indexScores();
  const ids = [...new Set(s.province)];
  const periods = [...new Set(s.year)];
  return createPanel({
    ids, periods, entity: s.province, period: s.year,
    values: { score: s.score }, labels: { region4: s.region4 }, source: 'entropy_pooled_shift.json',
  });
}

/** Write the scores as a long CSV (province,year,region4,score) with full-precision numbers; returns the path. */
export function writeScoresCsv(dir: string): string {
  const s = indexScores();
  const lines = ['province,year,region4,score'];
  for (let i = 0; i < s.score.length; i++) lines.push(`${s.province[i]},${s.year[i]},${s.region4[i]},${String(s.score[i])}`);
  const path = join(dir, 'scores.csv');
  writeFileSync(path, lines.join('\n') + '\n', 'utf8');
  return path;
}
