// tables.tex: every table as a booktabs three-line table (\toprule, \midrule, \bottomrule) with caption, label
// tab:<id> and a note below, ready to \input into a paper. Numbers use output.digits decimals and siunitx-free
// right alignment, so the file compiles with plain booktabs (xeCJK/ctex needed only for Chinese text).

import type { Table } from '../core/evaluation/results.js';
import type { Lang } from '../core/evaluation/spec.js';
import { fmtCell, pick } from './format.js';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_', '{': '\\{', '}': '\\}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

export function texEscape(s: string): string {
  return s.replace(/[\\&%$#_{}~^]/g, (c) => SPECIAL[c]);
}

/** Rows per table; longer tables are cut with a note (all rows are in results.xlsx and tables/<id>.csv). */
export const TEX_MAX_ROWS = 60;

export function tableToLatex(t: Table, lang: Lang, digits: number): string {
  const align = t.columns.map((c) => (c.kind === 'text' ? 'l' : 'r')).join('');
  const lines: string[] = [];
  lines.push('\\begin{table}[htbp]', '  \\centering', `  \\caption{${texEscape(pick(t.title, lang))}}`, `  \\label{tab:${t.id}}`);
  const rows = t.rows.slice(0, TEX_MAX_ROWS);
  if (rows.length > 30) lines.push('  \\small');
  lines.push(`  \\begin{tabular}{${align}}`, '    \\toprule');
  lines.push('    ' + t.columns.map((c) => texEscape(pick(c.label, lang))).join(' & ') + ' \\\\');
  lines.push('    \\midrule');
  for (const r of rows) lines.push('    ' + t.columns.map((c) => texEscape(fmtCell(r[c.key], c, digits))).join(' & ') + ' \\\\');
  lines.push('    \\bottomrule', '  \\end{tabular}');
  const cut = t.rows.length > rows.length ? (lang === 'zh' ? `仅列出前 ${rows.length} 行，共 ${t.rows.length} 行，完整表格见 tables/${t.id}.csv。` : `First ${rows.length} of ${t.rows.length} rows; the full table is in tables/${t.id}.csv.`) : '';
  const note = [t.note ? pick(t.note, lang) : '', cut].filter(Boolean).join(' ');
  if (note) lines.push('  \\par\\smallskip', `  \\parbox{\\linewidth}{\\footnotesize ${lang === 'zh' ? '注' : 'Note'}: ${texEscape(note)}}`);
  lines.push('\\end{table}');
  return lines.join('\n');
}

export function tablesToLatex(tables: readonly Table[], lang: Lang, digits: number, title: string): string {
  const head = [
    `% ${texEscape(title)} — tables written by xinzhi evaluate.`,
    '% Requires \\usepackage{booktabs}' + (lang === 'zh' ? ' and a Chinese setup such as \\documentclass{ctexart}.' : '.'),
    '',
  ];
  return head.join('\n') + tables.map((t) => tableToLatex(t, lang, digits)).join('\n\n') + '\n';
}
