// The workbench's indicator-system editor (issue 8): a point-and-click tree of dimensions → (sub-dimensions →)
// indicators with zh/en labels, directions, a data column or a formula, fixed weights and AHP pairwise matrices
// (weights, λmax, CI, CR live from the core's ahpWeights), import of a framework YAML (the core's parser; its
// line-numbered errors shown), export as framework.yaml, and "copy to custom" for the built-in frameworks.
// The model and every computation live in framework-model.ts (pure, tested in Node); this file is DOM only.
//
// Re-rendering: structural edits (add, move, delete, selects) ask the page to re-render (it restores focus by id,
// so every control has a stable id); text and number edits only update the model and refresh the computed figures
// in place, so Tab keeps moving through the form.

import { t, type Key, type Lang } from './i18n.js';
import { h } from './form-kit.js';
import { customFrameworkYaml, customTree, derivedIndicators, usesWeights, type Choices, type CombinableWeight } from './spec-build.js';
import {
  SAATY_SCALE, addDimension, addIndicator, allIndicators, checkAhpMatrices, frameworkToTree, globalWeights, judgement, leafNodes, missingColumns, moveIndicator,
  moveNode, nodeAhp, nodeTotal, removeIndicator, removeNode, scaleText, canRemoveNode, setIndicatorSource, setJudgement, walkNodes, formulaError,
  type Tree, type TreeIndicator, type TreeNode,
} from './framework-model.js';
import { parseFramework } from '../../src/core/framework/parse.js';
import { builtinFramework, isBuiltinFramework } from '../../src/core/framework/builtin.js';
import { DataError } from '../../src/core/errors.js';

export interface EditorEnv {
  lang: Lang;
  choices: Choices;
  /** columns of the loaded table */
  columns: string[];
  /** re-render the page and regenerate the spec */
  change: () => void;
  download: (name: string, text: string, type: string) => void;
}

/** Import problems survive re-renders until the next import. */
let importState: { file: string; error?: { message: string; row?: number; hint?: string }; ok?: string } | undefined;

const fmt = (x: number, d = 4) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** The weight methods offered in the index fieldset (value, zh, en). */
export const WEIGHT_OPTIONS: [Choices['weights'], string, string][] = [
  ['entropy', '熵权法', 'entropy'], ['critic', 'CRITIC', 'CRITIC'], ['cv', '变异系数法', 'coefficient of variation'], ['sd', '标准差法', 'standard deviation'],
  ['pca', '主成分', 'PCA'], ['equal', '等权', 'equal'], ['ahp', '层次分析法 AHP（判断矩阵）', 'AHP (pairwise matrices)'], ['fixed', '固定权重', 'fixed weights'],
  ['combine', '组合赋权', 'combination'],
];

/** Under the weights select: the methods and rule of a combination, the AHP force switch, a note for built-ins. */
export function weightsExtras(env: EditorEnv): HTMLElement | null {
  const c = env.choices;
  const L = (k: Key) => t(env.lang, k);
  const box = h('div', { class: 'fe-weights' });
  if (c.weights === 'combine') {
    c.combine ??= { methods: ['ahp', 'entropy'], rule: 'linear' };
    const comb = c.combine;
    const methods = WEIGHT_OPTIONS.filter(([v]) => v !== 'combine');
    box.append(h('div', { role: 'group', 'aria-label': L('fe_combineMethods'), class: 'fe-combine' }, h('span', {}, L('fe_combineMethods'), ': '),
      ...methods.map(([v, zh, en]) => h('label', { class: 'inline' }, h('input', { type: 'checkbox', id: `combine-${v}`, checked: comb.methods.includes(v as CombinableWeight), onchange: (e: Event) => {
        const on = (e.target as HTMLInputElement).checked;
        comb.methods = methods.map(([m]) => m as CombinableWeight).filter((m) => (m === v ? on : comb.methods.includes(m)));
        env.change();
      } }), ' ', env.lang === 'zh' ? zh : en, ' '))));
    const rule = h('select', { id: 'combine-rule', onchange: (e: Event) => { comb.rule = (e.target as HTMLSelectElement).value as typeof comb.rule; env.change(); } },
      ...([['linear', '线性加权', 'linear'], ['game', '博弈论组合', 'game theory'], ['multiplicative', '乘法合成', 'multiplicative'], ['geometricMean', '几何平均', 'geometric mean']] as const)
        .map(([v, zh, en]) => h('option', { value: v, selected: comb.rule === v }, env.lang === 'zh' ? zh : en)));
    rule.value = comb.rule;
    box.append(h('label', { for: 'combine-rule' }, L('fe_combineRule'), ' '), rule);
    if (comb.methods.length < 2) box.append(h('p', { class: 'check warning' }, env.lang === 'zh' ? '至少选择两种方法。' : 'Choose at least two methods.'));
  }
  if (usesWeights(c, 'ahp')) {
    box.append(h('div', {}, h('label', {}, h('input', { type: 'checkbox', id: 'ahp-force', checked: Boolean(c.ahpForce), onchange: (e: Event) => { c.ahpForce = (e.target as HTMLInputElement).checked; env.change(); } }), ' ', L('fe_ahpForce'))));
  }
  if ((usesWeights(c, 'ahp') || usesWeights(c, 'fixed')) && c.framework !== 'custom') box.append(h('p', { class: 'check warning' }, L('fe_builtinWeights')));
  return box.childNodes.length ? box : null;
}

/** Buttons beside the framework select: open a built-in in the editor, import, export, rebuild from roles. */
export function frameworkTools(env: EditorEnv): HTMLElement {
  const c = env.choices;
  const L = (k: Key) => t(env.lang, k);
  const wrap = h('div', { class: 'fe-tools' });
  if (isBuiltinFramework(c.framework)) {
    const name = c.framework;
    wrap.append(h('button', { type: 'button', id: 'fw-copy', onclick: () => { c.tree = frameworkToTree(builtinFramework(name)); c.framework = 'custom'; importState = undefined; env.change(); } }, L('fe_copyBuiltin')), ' ');
  }
  const input = h('input', { type: 'file', id: 'fw-import', accept: '.yaml,.yml', class: 'visually-hidden', onchange: async (e: Event) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (!f) return;
    const text = await f.text();
    try {
      const fw = parseFramework(text, { file: f.name });
      checkAhpMatrices(fw);
      c.tree = frameworkToTree(fw);
      c.framework = 'custom';
      importState = { file: f.name, ok: `${L('fe_imported')}: ${f.name} — ${fw.dimensions.length} ${L('fe_dims')}, ${fw.indicators.length} ${L('fe_inds')}` };
    } catch (err) {
      const d = err instanceof DataError ? err : undefined;
      importState = { file: f.name, error: { message: (d ? d.message.split('\n')[0] : String((err as Error)?.message ?? err)), row: d?.location.row, hint: d?.hint } };
    }
    (e.target as HTMLInputElement).value = '';
    env.change();
  } });
  wrap.append(input, h('label', { for: 'fw-import', class: 'button', tabindex: '0', role: 'button', id: 'fw-import-button', onkeydown: (e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } } }, L('fe_import')));
  if (c.framework === 'custom') {
    wrap.append(' ', h('a', { href: '#fw-editor', class: 'button', id: 'fw-edit-link' }, `${L('fe_title')} ↓`));
    wrap.append(' ', h('button', { type: 'button', id: 'fw-export', onclick: () => { const y = customFrameworkYaml(c); if (y) env.download('framework.yaml', y, 'application/yaml'); } }, L('fe_export')));
    if (c.tree) wrap.append(' ', h('button', { type: 'button', id: 'fw-reset', onclick: () => { c.tree = undefined; importState = undefined; env.change(); } }, L('fe_reset')));
  }
  if (importState?.error) {
    const e = importState.error;
    wrap.append(h('div', { class: 'error', id: 'fw-import-error', role: 'alert' }, h('ul', { class: 'checks' }, h('li', { class: 'check error' },
      h('span', { class: 'badge' }, '✕'), `${L('fe_importError')}: `, e.message, e.hint ? h('div', { class: 'hint' }, '→ ', e.hint) : null))));
  } else if (importState?.ok) wrap.append(h('p', { class: 'ok', id: 'fw-import-ok', role: 'status' }, importState.ok));
  return wrap;
}

/** The tree editor for the custom framework. */
export function frameworkEditor(env: EditorEnv): HTMLElement {
  const c = env.choices;
  const lang = env.lang;
  const L = (k: Key) => t(lang, k);
  const tree: Tree = customTree(c);
  /** structural edit: keep the tree and re-render the page */
  const commit = () => { c.tree = tree; env.change(); };
  /** text/number edit: keep the tree, refresh figures in place */
  const soft = () => { c.tree = tree; refresh(); };
  const ahpOn = usesWeights(c, 'ahp');
  const fixedOn = usesWeights(c, 'fixed');
  const derived = derivedIndicators(c).map((d) => d.name);
  const available = [...env.columns, ...derived.filter((d) => !env.columns.includes(d))];
  const label = (x: { zh: string; en: string }) => (lang === 'zh' ? x.zh || x.en : x.en || x.zh);
  const leaves = leafNodes(tree);
  const pathLabel = new Map<string, string>();
  walkNodes(tree, (n, parent) => pathLabel.set(n.id, parent ? `${pathLabel.get(parent.id)} › ${label(n)}` : label(n)));

  const root = h('fieldset', { id: 'fw-editor', class: 'fe' }, h('legend', {}, L('fe_title')));
  root.append(h('p', { class: 'note' }, L('fe_intro'), ' ', tree.followRoles ? L('fe_follow') : L('fe_fixedTree')));
  root.append(h('div', { class: 'fe-row' },
    h('label', { for: 'fe-fw-zh' }, `${L('fe_fwName')} (${L('fe_nameZh')}) `), h('input', { type: 'text', id: 'fe-fw-zh', value: tree.zh, size: 16, onchange: (e: Event) => { tree.zh = (e.target as HTMLInputElement).value; soft(); } }), ' ',
    h('label', { for: 'fe-fw-en' }, `(${L('fe_nameEn')}) `), h('input', { type: 'text', id: 'fe-fw-en', value: tree.en, size: 22, onchange: (e: Event) => { tree.en = (e.target as HTMLInputElement).value; soft(); } })));

  // columns the data lacks
  const missing = missingColumns(tree, available);
  const missingIds = new Set(missing.map((m) => m.indicatorId));
  if (missing.length) {
    root.append(h('div', { class: 'check warning', id: 'fe-missing', role: 'status' }, L('fe_missingSummary'), ' ',
      missing.slice(0, 30).map((m) => `${m.key} (${m.missing.join(', ')})`).join('; '), missing.length > 30 ? ' …' : ''));
  }
  if (fixedOn) root.append(h('p', { class: 'note' }, L('fe_fixedHelp')));
  if (ahpOn) root.append(h('p', { class: 'note' }, L('fe_ahpHelp')));

  // top-level AHP
  if (ahpOn) {
    const m = ahpBlock('top', tree, tree.dimensions, L('fe_ahpTop'));
    if (m) root.append(m);
  }
  const body = h('div', { class: 'fe-tree' });
  tree.dimensions.forEach((n, k) => body.append(nodeView(n, tree.dimensions, k, 0)));
  root.append(body);
  root.append(h('button', { type: 'button', id: 'fe-add-dim', onclick: () => { addDimension(tree, { zh: t('zh', 'fe_newDim'), en: t('en', 'fe_newDimEn') }); commit(); } }, L('fe_addDim')));
  const preview = h('pre', { id: 'fe-yaml', class: 'fe-yaml' });
  root.append(h('details', { class: 'fe-preview' }, h('summary', {}, L('fe_preview')), preview));
  let status: HTMLElement | null = null;
  refresh();
  return root;

  function refresh(): void {
    preview.textContent = customFrameworkYaml({ ...c, tree }) ?? '';
    const method = fixedOn ? 'fixed' : ahpOn ? 'ahp' : undefined;
    if (!method) return;
    const g = globalWeights(tree, method);
    for (const i of allIndicators(tree)) {
      const el = root.querySelector(`[data-gw="${i.id}"]`);
      if (el) el.textContent = g.weights.has(i.id) ? fmt(g.weights.get(i.id)!) : '—';
    }
    walkNodes(tree, (n) => {
      const el = root.querySelector(`[data-nw="${n.id}"]`);
      if (el) el.textContent = g.weights.size ? `${L('fe_global')} ${fmt(nodeTotal(n, g.weights))}` : '';
    });
    status?.remove();
    status = g.error ? h('p', { class: 'check error', role: 'alert' }, g.error) : null;
    if (status) root.querySelector('.fe-tree')?.before(status);
  }

  function iconButton(id: string, text: string, title: string, onclick: () => void, disabled = false): HTMLButtonElement {
    return h('button', { type: 'button', id, class: 'icon', title, 'aria-label': title, disabled, onclick }, text);
  }

  function nodeView(n: TreeNode, siblings: TreeNode[], k: number, depth: number): HTMLElement {
    const box = h('div', { class: `fe-node depth-${Math.min(depth, 2)}`, 'data-node': n.id, role: 'group', 'aria-label': label(n) });
    const head = h('div', { class: 'fe-node-head' },
      h('span', { class: 'fe-key', title: L('fe_key') }, n.key), ' ',
      h('input', { type: 'text', id: `fe-${n.id}-zh`, value: n.zh, size: 12, 'aria-label': `${L('dimension')} ${k + 1}: ${L('fe_nameZh')}`, onchange: (e: Event) => { n.zh = (e.target as HTMLInputElement).value; soft(); } }), ' ',
      h('input', { type: 'text', id: `fe-${n.id}-en`, value: n.en, size: 16, 'aria-label': `${L('dimension')} ${k + 1}: ${L('fe_nameEn')}`, onchange: (e: Event) => { n.en = (e.target as HTMLInputElement).value; soft(); } }), ' ',
      fixedOn ? h('label', { class: 'inline' }, `${L('fe_weight')} `, h('input', { type: 'number', id: `fe-${n.id}-w`, min: 0, step: 'any', value: n.weight ?? '', placeholder: '1', class: 'fe-w', 'aria-label': `${L('fe_weight')}: ${label(n)}`, onchange: (e: Event) => { const v = (e.target as HTMLInputElement).value.trim(); n.weight = v === '' || !(Number(v) >= 0) ? undefined : Number(v); soft(); } })) : null, ' ',
      iconButton(`fe-${n.id}-up`, '↑', L('fe_up'), () => { moveNode(tree, n.id, -1); commit(); }, k === 0), ' ',
      iconButton(`fe-${n.id}-down`, '↓', L('fe_down'), () => { moveNode(tree, n.id, 1); commit(); }, k === siblings.length - 1), ' ',
      depth < 2 ? h('button', { type: 'button', id: `fe-${n.id}-sub`, onclick: () => { addDimension(tree, { zh: t('zh', 'fe_newDim'), en: t('en', 'fe_newDimEn') }, n.id); commit(); } }, L('fe_addSub')) : null, ' ',
      !n.children.length ? h('button', { type: 'button', id: `fe-${n.id}-addind`, onclick: () => { const col = available.find((x) => !allIndicators(tree).some((i) => i.column === x)) ?? available[0]; addIndicator(tree, n.id, { column: col }); commit(); } }, L('fe_addInd')) : null, ' ',
      canRemoveNode(tree, n.id) ? iconButton(`fe-${n.id}-del`, '✕', `${L('fe_delete')}: ${label(n)}`, () => { if (removeNode(tree, n.id)) commit(); }) : iconButton(`fe-${n.id}-del`, '✕', L('fe_cannotDelete'), () => undefined, true), ' ',
      h('span', { class: 'fe-total', 'data-nw': n.id }),
      !n.children.length && !n.indicators.length ? h('span', { class: 'note' }, ' ', L('fe_empty')) : null);
    box.append(head);
    if (n.children.length) {
      if (ahpOn) { const m = ahpBlock(n.id, n, n.children, label(n)); if (m) box.append(m); }
      n.children.forEach((ch, j) => box.append(nodeView(ch, n.children, j, depth + 1)));
    } else if (n.indicators.length) {
      box.append(indicatorTable(n));
      if (ahpOn) { const m = ahpBlock(n.id, n, n.indicators, label(n)); if (m) box.append(m); }
    }
    return box;
  }

  function indicatorTable(n: TreeNode): HTMLElement {
    const table = h('table', { class: 'fe-inds' }, h('thead', {}, h('tr', {},
      h('th', {}, L('fe_nameZh')), h('th', {}, L('fe_nameEn')), h('th', {}, L('direction')), h('th', {}, L('fe_source')),
      fixedOn ? h('th', {}, L('fe_weight')) : null, fixedOn || ahpOn ? h('th', {}, c.weights === 'combine' ? `${L('fe_global')} (${fixedOn ? (lang === 'zh' ? '固定' : 'fixed') : 'AHP'})` : L('fe_global')) : null, h('th', {}, L('fe_moveTo')), h('th', {}, ''))));
    const tb = h('tbody');
    n.indicators.forEach((i, k) => tb.append(indicatorRow(n, i, k)));
    table.append(tb);
    return h('div', { class: 'scroll' }, table);
  }

  function indicatorRow(n: TreeNode, i: TreeIndicator, k: number): HTMLElement {
    const name = label(i) || i.key;
    const dirOpts: [string, string][] = [['+', '+'], ['-', '−']];
    if (!['+', '-'].includes(i.direction)) dirOpts.push([i.direction, i.direction]);
    const dir = h('select', { id: `fe-${i.id}-dir`, 'aria-label': `${L('direction')}: ${name}`, onchange: (e: Event) => {
      i.direction = (e.target as HTMLSelectElement).value;
      if (i.fromRoles && i.column !== undefined) {
        if (c.roles[i.column] === 'indicator') c.directions[i.column] = i.direction as '+' | '-';
        else i.fromRoles = false; // a derived indicator: the tree now owns its direction
      }
      commit();
    } }, ...dirOpts.map(([v, l]) => h('option', { value: v, selected: v === i.direction }, l)));
    dir.value = i.direction;
    const isMissing = missingIds.has(i.id);
    const srcOpts: [string, string][] = available.map((col) => [`col:${col}`, col]);
    const current = i.formula !== undefined ? '=' : `col:${i.column ?? i.key}`;
    if (i.formula === undefined && !available.includes(i.column ?? i.key)) srcOpts.unshift([current, `⚠ ${i.column ?? i.key} (${L('fe_missing')})`]);
    srcOpts.push(['=', L('fe_formulaOpt')]);
    const src = h('select', { id: `fe-${i.id}-src`, class: isMissing ? 'missing' : '', 'aria-label': `${L('fe_source')}: ${name}`, 'aria-invalid': isMissing ? 'true' : undefined, onchange: (e: Event) => {
      const v = (e.target as HTMLSelectElement).value;
      if (v === '=') setIndicatorSource(tree, i.id, { formula: i.formula ?? i.column ?? '' });
      else {
        const col = v.slice(4);
        const old = i.column ?? '';
        if (i.zh === old || i.zh === '') i.zh = col;
        if (i.en === old || i.en === '') i.en = col;
        setIndicatorSource(tree, i.id, { column: col });
      }
      commit();
    } }, ...srcOpts.map(([v, l]) => h('option', { value: v, selected: v === current }, l)));
    src.value = current;
    const fErr = i.formula !== undefined ? formulaError(i.formula) : undefined;
    const formula = i.formula !== undefined ? h('input', { type: 'text', id: `fe-${i.id}-formula`, value: i.formula, size: 18, class: fErr || isMissing ? 'missing' : '', 'aria-label': `${L('fe_formula')}: ${name}`, title: fErr ?? '', placeholder: 'rd / gdp', onchange: (e: Event) => { i.formula = (e.target as HTMLInputElement).value; soft(); } }) : null;
    const move = h('select', { id: `fe-${i.id}-move`, 'aria-label': `${L('fe_moveTo')}: ${name}`, disabled: leaves.length < 2, onchange: (e: Event) => { const v = (e.target as HTMLSelectElement).value; if (v) { moveIndicator(tree, i.id, { nodeId: v }); commit(); } } },
      h('option', { value: '' }, '—'), ...leaves.filter((l) => l.id !== n.id).map((l) => h('option', { value: l.id }, pathLabel.get(l.id) ?? l.key)));
    return h('tr', { 'data-ind': i.id, class: isMissing ? 'missing' : '' },
      h('td', {}, h('input', { type: 'text', id: `fe-${i.id}-zh`, value: i.zh, size: 12, 'aria-label': `${L('fe_nameZh')}: ${name}`, onchange: (e: Event) => { i.zh = (e.target as HTMLInputElement).value; soft(); } })),
      h('td', {}, h('input', { type: 'text', id: `fe-${i.id}-en`, value: i.en, size: 14, 'aria-label': `${L('fe_nameEn')}: ${name}`, onchange: (e: Event) => { i.en = (e.target as HTMLInputElement).value; soft(); } })),
      h('td', {}, dir),
      h('td', {}, src, formula ? ' ' : null, formula, fErr ? h('div', { class: 'hint' }, fErr) : null),
      fixedOn ? h('td', {}, h('input', { type: 'number', id: `fe-${i.id}-w`, min: 0, step: 'any', value: i.weight ?? '', placeholder: '1', class: 'fe-w', 'aria-label': `${L('fe_weight')}: ${name}`, onchange: (e: Event) => { const v = (e.target as HTMLInputElement).value.trim(); i.weight = v === '' || !(Number(v) >= 0) ? undefined : Number(v); soft(); } })) : null,
      fixedOn || ahpOn ? h('td', { class: 'n', 'data-gw': i.id }) : null,
      h('td', {}, move),
      h('td', { class: 'fe-btns' },
        iconButton(`fe-${i.id}-up`, '↑', `${L('fe_up')}: ${name}`, () => { moveIndicator(tree, i.id, { delta: -1 }); commit(); }, k === 0), ' ',
        iconButton(`fe-${i.id}-down`, '↓', `${L('fe_down')}: ${name}`, () => { moveIndicator(tree, i.id, { delta: 1 }); commit(); }, k === n.indicators.length - 1), ' ',
        iconButton(`fe-${i.id}-del`, '✕', `${L('fe_delete')}: ${name}`, () => { removeIndicator(tree, i.id); commit(); })));
  }

  /** The pairwise matrix of a node's children with the core's weights, λmax, CI and CR. */
  function ahpBlock(key: string, owner: TreeNode | Tree, kids: (TreeNode | TreeIndicator)[], title: string): HTMLElement | null {
    const a = nodeAhp(owner);
    if (a.ids.length < 2) return null;
    const byId = new Map(kids.map((x) => [x.id, x]));
    const names = a.ids.map((id) => { const x = byId.get(id); return x ? label(x) || ('key' in x ? x.key : id) : id; });
    const table = h('table', { class: 'fe-ahp', id: `ahp-${key}` }, h('thead', {}, h('tr', {}, h('th', {}, ''), ...names.map((nm) => h('th', { scope: 'col' }, nm)), a.result ? h('th', {}, L('fe_ahpWeights')) : null)));
    const tb = h('tbody');
    a.ids.forEach((ri, i) => {
      const tr = h('tr', {}, h('th', { scope: 'row' }, names[i]));
      a.ids.forEach((cj, j) => {
        if (i === j) tr.append(h('td', { class: 'n diag' }, '1'));
        else if (i > j) tr.append(h('td', { class: 'n recip', 'data-cell': `${i}-${j}` }, scaleText(judgement(owner.pairs, ri, cj))));
        else {
          const v = judgement(owner.pairs, ri, cj);
          const opts = SAATY_SCALE.some((s) => Math.abs(s - v) < 1e-12) ? SAATY_SCALE : [...SAATY_SCALE, v].sort((x, y) => x - y);
          const val = scaleText(opts.find((s) => Math.abs(s - v) < 1e-12)!);
          const s = h('select', { id: `ahp-${key}-${i}-${j}`, 'data-cell': `${i}-${j}`, 'aria-label': `${names[i]} : ${names[j]}`, onchange: (e: Event) => {
            const text = (e.target as HTMLSelectElement).value;
            const num = text.includes('/') ? 1 / Number(text.split('/')[1]) : Number(text);
            setJudgement(owner.pairs, ri, cj, num);
            commit();
          } }, ...opts.map((o) => h('option', { value: scaleText(o), selected: scaleText(o) === val }, scaleText(o))));
          s.value = val;
          tr.append(h('td', {}, s));
        }
      });
      if (a.result) tr.append(h('td', { class: 'n', 'data-ahp-w': `${key}-${i}` }, fmt(a.result.weights[i])));
      tb.append(tr);
    });
    table.append(tb);
    const r = a.result;
    const bad = r ? r.CR >= 0.1 : false;
    const stats = r
      ? h('p', { class: `fe-ahp-stats ${bad ? 'check warning' : 'ok'}`, id: `ahp-${key}-stats`, role: bad ? 'alert' : 'status' },
        `λmax = ${fmt(r.lambdaMax)}, CI = ${fmt(r.CI)}, RI = ${r.RI.toFixed(2)}, CR = `, h('span', { class: 'cr', 'data-cr': key }, fmt(r.CR)), ' — ', bad ? L('fe_crWarn') : L('fe_crOk'))
      : h('p', { class: 'check error' }, a.error ?? '');
    return h('div', { class: 'fe-ahp-block' }, h('div', { class: 'fe-ahp-title' }, `${L('fe_ahpTitle')} · ${title}`), h('div', { class: 'scroll' }, table), stats);
  }
}
