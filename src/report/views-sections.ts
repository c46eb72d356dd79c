// Per-section report content: sentences generated from the numbers (zh/en) and chart options. Each chart reads
// its numbers through its own Reader fork, so its (path, value) references are embedded with it.

import type { SectionKind } from '../core/evaluation/results.js';
import type { ViewBuilder } from './views.js';
import { Say } from './views.js';

const data: ViewBuilder = (r, s, k, env) => {
  const say = new Say(r, env);
  const res = env.results;
  const p0 = res.data.periods[0];
  const p1 = res.data.periods[res.data.periods.length - 1];
  const base = ['sections', k, 'result', 'summary'];
  const sentence =
    env.lang === 'zh'
      ? `样本包括 ${say.num([...base, 'units'], 'integer')} 个单位、${say.num([...base, 'periods'], 'integer')} 期（${p0}—${p1}年）。`
      : `The sample covers ${say.num([...base, 'units'], 'integer')} units over ${say.num([...base, 'periods'], 'integer')} periods (${p0}–${p1}).`;
  return { sentences: [sentence], charts: [] };
};

export const SECTION_VIEWS: Partial<Record<SectionKind, ViewBuilder>> = {
  data,
};
