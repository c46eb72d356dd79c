// The data checks the workbench shows inline (issue 8, from the foundation issue): the panel built strictly with
// the roles given (bad numbers and duplicate id–period rows are DataErrors naming row and column; missing markers
// counted per column), and, when the ids are Chinese place names, unknown province names with suggestions and
// aggregate rows such as 全国. Pure: runs in the worker, tested in Node (test/web/checks.test.ts).

import { fromTable, type RawTable } from '../../src/core/panel/from-table.js';
import { canonicalProvince, closestRegions } from '../../src/core/panel/regions.js';
import { DataError, XinzhiError } from '../../src/core/errors.js';
import { SpecError } from '../../src/core/evaluation/validate.js';

export interface Check {
  level: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  messageZh?: string;
  row?: number;
  column?: string;
  hint?: string;
}

/** An error as the page shows it: kind, message, location, hint (spec problems with their lines). */
export function errorInfo(e: unknown): Check & { issues?: unknown } {
  if (e instanceof SpecError) return { level: 'error', code: e.kind, message: e.message, issues: e.issues };
  if (e instanceof DataError) return { level: 'error', code: e.kind, message: e.message, row: e.location.row, column: e.location.column, hint: e.hint };
  if (e instanceof XinzhiError) return { level: 'error', code: e.kind, message: e.message, hint: (e as { hint?: string }).hint };
  return { level: 'error', code: 'internal', message: (e as Error)?.message ?? String(e) };
}

export function dataChecks(table: RawTable, roles: { id: string; period?: string; labels: string[]; variables: string[] }): { checks: Check[]; ids: string[]; periods: number[] } {
  const out: Check[] = [];
  let ids: string[] = [];
  let periods: number[] = [];
  try {
    const built = fromTable(table, { id: roles.id, period: roles.period || undefined, labels: roles.labels, variables: roles.variables.length ? roles.variables : undefined });
    ids = built.panel.ids;
    periods = built.panel.periods;
    for (const w of built.warnings) if (!table.warnings.some((tw) => tw.code === w.code && tw.message === w.message)) out.push({ level: 'warning', code: w.code, message: w.message, messageZh: w.messageZh, row: w.where?.row, column: w.where?.column });
  } catch (e) {
    out.push(errorInfo(e));
    const d = (e as DataError).details as { duplicates?: { id: string; period: number; rows: number[] }[] } | undefined;
    if (d?.duplicates) for (const x of d.duplicates.slice(0, 20)) out.push({ level: 'error', code: 'duplicate-row', message: `${x.id} ${x.period}: rows ${x.rows.join(', ')}`, row: x.rows[0], column: roles.id });
  }
  // Province names: when the ids are Chinese place names, flag unknown ones (with suggestions) and aggregates.
  const j = table.header.indexOf(roles.id);
  if (j >= 0) {
    const seen = new Map<string, number>();
    table.columns[j].forEach((c, r) => {
      const s = c === null ? '' : String(c).trim();
      if (s && !seen.has(s)) seen.set(s, table.rows[r]);
    });
    const names = [...seen.keys()];
    const cjk = names.filter((n) => /[\u3400-\u9fff]/.test(n));
    if (cjk.length >= Math.max(3, names.length * 0.6)) {
      const byCode = new Map<string, string>();
      for (const n of names) {
        const m = canonicalProvince(n);
        if (!m) {
          const near = closestRegions(n, 3);
          out.push({ level: 'warning', code: 'unknown-province', message: `"${n}" is not a known province name${near.length ? `; did you mean ${near.join(', ')}?` : ''}`, messageZh: `“${n}”不是已知的省份名称${near.length ? `，是否为：${near.join('、')}？` : ''}`, row: seen.get(n), column: roles.id, hint: 'fix the spelling in the data' });
        } else if (m.kind === 'province') {
          const same = byCode.get(m.code);
          if (same !== undefined) {
            out.push({ level: 'warning', code: 'same-province', message: `"${same}" and "${n}" name the same province (${m.zh}, ${m.code}): they are read as two units`, messageZh: `“${same}”与“${n}”是同一省份（${m.zh}，${m.code}），会被当作两个单位`, row: seen.get(n), column: roles.id, hint: 'use one spelling for each province' });
          } else byCode.set(m.code, n);
          if (n !== m.zh && n !== m.full && n !== m.en) {
            out.push({ level: 'info', code: 'province-variant', message: `"${n}" is read as ${m.zh} (${m.code})`, messageZh: `“${n}”按${m.zh}（${m.code}）识别`, row: seen.get(n), column: roles.id });
          }
        } else if (m.kind === 'aggregate') {
          out.push({ level: 'warning', code: 'aggregate-row', message: `"${n}" is an aggregate (${m.en}), not a province: exclude it from provincial analyses`, messageZh: `“${n}”是汇总行（${m.zh}），不是省份：省级分析应排除`, row: seen.get(n), column: roles.id });
        }
      }
    }
  }
  return { checks: out, ids, periods };
}

