// The workbench's indicator-system tree (issue 8): dimensions → (sub-dimensions →) indicators with zh/en labels,
// directions, a data column or a formula, fixed weights (local to the parent) and AHP pairwise judgements over
// each node's children. Pure data and functions (no DOM); the editor (framework-editor.ts) mutates a tree through
// these functions and spec-build.ts writes it as framework YAML in the format src/core/framework/parse.ts reads.
//
// Conventions: AHP judgements are stored per ordered pair of child ids (`a>b` = how much more important a is than
// b), so reordering, moving or deleting children never scrambles a matrix; the matrix is built in the current
// child order, upper triangle from the judgements (1 when absent), lower triangle reciprocal. Empty nodes are left
// out of the YAML (with their rows/columns of the parent's matrix). Fixed weights left empty count as 1. Weights
// shown in the editor come from the core (fixedFrameworkWeights, ahpFrameworkWeights, ahpWeights) run on the
// framework the YAML describes, so they are what `xinzhi evaluate` computes.

import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Framework, FrameworkIndicator, FrameworkNode } from '../../src/core/framework/types.js';
import { directionText, parseDirection } from '../../src/core/normalize/direction.js';
import { formulaColumns, parseFormula } from '../../src/core/framework/formula.js';
import { ahpWeights, type AhpWeights } from '../../src/core/weights/ahp.js';
import { DataError } from '../../src/core/errors.js';
import { ahpFrameworkWeights, fixedFrameworkWeights } from '../../src/core/composite/weighting.js';

export interface TreeIndicator {
  /** editor id, stable while the tree lives */
  id: string;
  key: string;
  zh: string;
  en: string;
  /** '+', '-', '[a,b]' or '=x' */
  direction: string;
  /** data column (or a derived indicator's name); ignored when a formula is given */
  column?: string;
  formula?: string;
  /** fixed weight, local to the parent */
  weight?: number;
  unit?: string;
  source?: string;
  note?: string;
  /** added from the Data tab's roles: follows them (removed when the column stops being an indicator) */
  fromRoles?: boolean;
}

export interface TreeNode {
  id: string;
  key: string;
  zh: string;
  en: string;
  weight?: number;
  /** AHP judgements over the children: pairs[`${a}>${b}`] = importance of child a over child b */
  pairs: Record<string, number>;
  children: TreeNode[];
  indicators: TreeIndicator[];
  fromRoles?: boolean;
}

export interface Tree {
  key: string;
  zh: string;
  en: string;
  description?: string;
  references?: string[];
  /** judgements over the top dimensions */
  pairs: Record<string, number>;
  dimensions: TreeNode[];
  /** seeded from the roles: indicator-role columns join and leave the tree as the roles change */
  followRoles: boolean;
  /** columns the user removed from a role-following tree (not re-added) */
  removed: string[];
  nextId: number;
}

/** The Saaty scale as offered in the pairwise selects: 1/9 … 1/2, 1, 2 … 9. */
export const SAATY_SCALE: readonly number[] = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** "1/3" for reciprocals of integers, the number otherwise. */
export function scaleText(v: number): string {
  if (v >= 1 || !(v > 0)) return String(Number(v.toPrecision(12)));
  const k = 1 / v;
  return Math.abs(k - Math.round(k)) < 1e-9 ? `1/${Math.round(k)}` : String(v);
}

// ---------------------------------------------------------------- construction

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function ident(s: string, k: number, prefix: string, used: Set<string>): string {
  let key = IDENT.test(s) ? s : `${prefix}${k + 1}`;
  while (used.has(key)) key = `${key}_`;
  used.add(key);
  return key;
}

function newId(tree: Tree, p: string): string {
  return `${p}${tree.nextId++}`;
}

export function emptyTree(lang: 'zh' | 'en' = 'zh'): Tree {
  void lang;
  return { key: 'custom', zh: '自定义指标体系', en: 'Custom indicator system', pairs: {}, dimensions: [], followRoles: false, removed: [], nextId: 1 };
}

/** What the Data tab says about indicators: the seed of a tree that follows the roles. */
export interface RoleSeed {
  /** indicator-role columns, in table order */
  indicators: string[];
  /** derived indicators (prepare: derive), which join the framework as columns */
  derived: { name: string; direction: '+' | '-' }[];
  directions: Record<string, '+' | '-'>;
  /** free-text dimension per column */
  dimensions: Record<string, string>;
  lang: 'zh' | 'en';
}

const defaultDimension = (lang: 'zh' | 'en') => (lang === 'zh' ? '综合' : 'Overall');

/** The tree the roles describe (the workbench's framework before anyone opens the editor). */
export function seedTree(seed: RoleSeed): Tree {
  const tree = emptyTree(seed.lang);
  tree.followRoles = true;
  return syncTree(tree, seed);
}

function allKeys(tree: Tree): Set<string> {
  const used = new Set<string>();
  walkNodes(tree, (n) => { used.add(n.key); for (const i of n.indicators) used.add(i.key); });
  return used;
}

/** Depth-first over every node (parents before children). */
export function walkNodes(tree: Tree, f: (n: TreeNode, parent: TreeNode | null, depth: number) => void): void {
  const go = (nodes: TreeNode[], parent: TreeNode | null, depth: number) => { for (const n of nodes) { f(n, parent, depth); go(n.children, n, depth + 1); } };
  go(tree.dimensions, null, 0);
}

export function allIndicators(tree: Tree): TreeIndicator[] {
  const out: TreeIndicator[] = [];
  walkNodes(tree, (n) => out.push(...n.indicators));
  return out;
}

/** Leaf nodes (those that hold indicators), in document order. */
export function leafNodes(tree: Tree): TreeNode[] {
  const out: TreeNode[] = [];
  walkNodes(tree, (n) => { if (!n.children.length) out.push(n); });
  return out;
}

/**
 * Bring a role-following tree in line with the roles (in place; returns the tree): indicators added from the
 * roles whose column is no longer an indicator leave, new indicator columns join the dimension their free-text
 * dimension names (created when missing), directions of role indicators follow the Data tab, and nodes created
 * from the roles that became empty go. Trees that do not follow the roles (imported, copied) are left alone.
 */
export function syncTree(tree: Tree, seed: RoleSeed): Tree {
  if (!tree.followRoles) return tree;
  const want = [...seed.indicators, ...seed.derived.map((d) => d.name)];
  const dirs: Record<string, '+' | '-'> = { ...seed.directions };
  for (const d of seed.derived) dirs[d.name] = d.direction;
  const wanted = new Set(want);
  walkNodes(tree, (n) => {
    n.indicators = n.indicators.filter((i) => !i.fromRoles || (i.column !== undefined && wanted.has(i.column)));
    for (const i of n.indicators) if (i.fromRoles && i.column !== undefined && dirs[i.column]) i.direction = dirs[i.column];
  });
  const have = new Set(allIndicators(tree).map((i) => i.column).filter((c): c is string => c !== undefined));
  const removed = new Set(tree.removed);
  const used = allKeys(tree);
  let nInd = allIndicators(tree).length;
  let nDim = 0;
  walkNodes(tree, () => nDim++);
  // group the new columns by dimension (first appearance), create missing dimensions, then add indicators
  const groups = new Map<string, string[]>();
  for (const col of want) {
    if (have.has(col) || removed.has(col)) continue;
    const label = (seed.dimensions[col] ?? '').trim() || defaultDimension(seed.lang);
    if (!groups.has(label)) groups.set(label, []);
    groups.get(label)!.push(col);
    have.add(col);
  }
  const targets: [TreeNode, string[]][] = [];
  for (const [label, cols] of groups) {
    let node: TreeNode | undefined;
    walkNodes(tree, (n) => { if (!node && (n.zh === label || n.en === label)) node = n; });
    while (node && node.children.length) node = node.children[0];
    if (!node) {
      node = { id: newId(tree, 'd'), key: ident(label, nDim++, 'd', used), zh: label, en: label, pairs: {}, children: [], indicators: [], fromRoles: true };
      tree.dimensions.push(node);
    }
    targets.push([node, cols]);
  }
  for (const [node, cols] of targets) {
    for (const col of cols) node.indicators.push({ id: newId(tree, 'i'), key: ident(col, nInd++, 'x', used), zh: col, en: col, direction: dirs[col] ?? '+', column: col, fromRoles: true });
  }
  const prune = (nodes: TreeNode[]): TreeNode[] => nodes.filter((n) => { n.children = prune(n.children); return !(n.fromRoles && !n.children.length && !n.indicators.length); });
  tree.dimensions = prune(tree.dimensions);
  return tree;
}

export function cloneTree(tree: Tree): Tree {
  return structuredClone(tree);
}

// ---------------------------------------------------------------- edits (in place)

export function findNode(tree: Tree, id: string): { node: TreeNode; siblings: TreeNode[]; parent: TreeNode | null } | undefined {
  let out: { node: TreeNode; siblings: TreeNode[]; parent: TreeNode | null } | undefined;
  walkNodes(tree, (n, parent) => { if (n.id === id) out = { node: n, siblings: parent ? parent.children : tree.dimensions, parent }; });
  return out;
}

export function findIndicator(tree: Tree, id: string): { indicator: TreeIndicator; node: TreeNode } | undefined {
  let out: { indicator: TreeIndicator; node: TreeNode } | undefined;
  walkNodes(tree, (n) => { const i = n.indicators.find((x) => x.id === id); if (i) out = { indicator: i, node: n }; });
  return out;
}

/** A new dimension at the top (parentId undefined) or a sub-dimension of a node. A node that holds indicators
 *  hands them to its first sub-dimension, so nothing is lost. */
export function addDimension(tree: Tree, label: { zh: string; en: string }, parentId?: string): TreeNode {
  const used = allKeys(tree);
  let count = 0;
  walkNodes(tree, () => count++);
  const node: TreeNode = { id: newId(tree, 'd'), key: ident('', count, 'd', used), zh: label.zh, en: label.en, pairs: {}, children: [], indicators: [] };
  if (parentId === undefined) {
    tree.dimensions.push(node);
    return node;
  }
  const p = findNode(tree, parentId);
  if (!p) throw new Error(`no node ${parentId}`);
  if (p.node.indicators.length && !p.node.children.length) {
    node.indicators = p.node.indicators;
    p.node.indicators = [];
    p.node.pairs = {};
  }
  p.node.children.push(node);
  return node;
}

/** Move a node up (−1) or down (+1) among its siblings. */
export function moveNode(tree: Tree, id: string, delta: -1 | 1): void {
  const f = findNode(tree, id);
  if (!f) return;
  const k = f.siblings.indexOf(f.node);
  const j = k + delta;
  if (j < 0 || j >= f.siblings.length) return;
  f.siblings.splice(k, 1);
  f.siblings.splice(j, 0, f.node);
}

/** Delete a node; its indicators move to the nearest other leaf (a node that is the only leaf cannot go). */
export function removeNode(tree: Tree, id: string): boolean {
  const f = findNode(tree, id);
  if (!f) return false;
  const leaves = leafNodes(tree);
  const inside = new Set<string>();
  const mark = (n: TreeNode) => { inside.add(n.id); n.children.forEach(mark); };
  mark(f.node);
  const orphans: TreeIndicator[] = [];
  const collect = (n: TreeNode) => { orphans.push(...n.indicators); n.children.forEach(collect); };
  collect(f.node);
  const target = leaves.filter((l) => !inside.has(l.id));
  if (orphans.length && !target.length) return false;
  const idx = leaves.findIndex((l) => inside.has(l.id));
  const dest = target.reduce((best, l) => (Math.abs(leaves.indexOf(l) - idx) < Math.abs(leaves.indexOf(best) - idx) ? l : best), target[0]);
  f.siblings.splice(f.siblings.indexOf(f.node), 1);
  if (orphans.length) dest.indicators.push(...orphans);
  return true;
}

/** Whether removeNode would succeed (the node is not the only place its indicators can go). */
export function canRemoveNode(tree: Tree, id: string): boolean {
  return removeNode(cloneTree(tree), id);
}

/** Point an indicator at another data column or at a formula; a role-following indicator leaves the roles' care
 *  (its old column is not re-added). */
export function setIndicatorSource(tree: Tree, id: string, src: { column: string } | { formula: string }): void {
  const f = findIndicator(tree, id);
  if (!f) return;
  const i = f.indicator;
  if (i.fromRoles && i.column !== undefined && tree.followRoles) tree.removed.push(i.column);
  i.fromRoles = false;
  if ('formula' in src) { i.formula = src.formula; delete i.column; }
  else { delete i.formula; i.column = src.column; }
}

export function addIndicator(tree: Tree, nodeId: string, spec: { column?: string; formula?: string; zh?: string; en?: string; direction?: string }): TreeIndicator {
  const f = findNode(tree, nodeId);
  if (!f || f.node.children.length) throw new Error('indicators go into a dimension without sub-dimensions');
  const used = allKeys(tree);
  const name = spec.column ?? '';
  const ind: TreeIndicator = {
    id: newId(tree, 'i'),
    key: ident(name, allIndicators(tree).length, 'x', used),
    zh: spec.zh ?? name,
    en: spec.en ?? name,
    direction: spec.direction ?? '+',
    ...(spec.formula ? { formula: spec.formula } : { column: spec.column }),
  };
  f.node.indicators.push(ind);
  if (tree.followRoles && spec.column) tree.removed = tree.removed.filter((c) => c !== spec.column);
  return ind;
}

export function removeIndicator(tree: Tree, id: string): void {
  const f = findIndicator(tree, id);
  if (!f) return;
  f.node.indicators.splice(f.node.indicators.indexOf(f.indicator), 1);
  if (tree.followRoles && f.indicator.fromRoles && f.indicator.column) tree.removed.push(f.indicator.column);
}

/** Move an indicator to another leaf node (appended) or, with delta, up/down within its node. */
export function moveIndicator(tree: Tree, id: string, to: { nodeId: string } | { delta: -1 | 1 }): void {
  const f = findIndicator(tree, id);
  if (!f) return;
  const list = f.node.indicators;
  const k = list.indexOf(f.indicator);
  if ('delta' in to) {
    const j = k + to.delta;
    if (j < 0 || j >= list.length) return;
    list.splice(k, 1);
    list.splice(j, 0, f.indicator);
    return;
  }
  const dest = findNode(tree, to.nodeId);
  if (!dest || dest.node.children.length || dest.node === f.node) return;
  list.splice(k, 1);
  dest.node.indicators.push(f.indicator);
}

/** Record "a is v times as important as b" (v on the Saaty scale; v = 1 equal). */
export function setJudgement(pairs: Record<string, number>, a: string, b: string, v: number): void {
  delete pairs[`${b}>${a}`];
  if (v === 1) delete pairs[`${a}>${b}`];
  else pairs[`${a}>${b}`] = v;
}

export function judgement(pairs: Record<string, number>, a: string, b: string): number {
  if (a === b) return 1;
  const v = pairs[`${a}>${b}`];
  if (v !== undefined) return v;
  const r = pairs[`${b}>${a}`];
  return r !== undefined ? 1 / r : 1;
}

/** Pairwise matrix over the given child ids, in that order. */
export function ahpMatrix(pairs: Record<string, number>, ids: readonly string[]): number[][] {
  return ids.map((a, i) => ids.map((b, j) => (i === j ? 1 : i < j ? judgement(pairs, a, b) : 1 / judgement(pairs, b, a))));
}

/** The ids of a node's children (sub-dimensions, else indicators) that reach the YAML (non-empty). */
export function childIds(node: TreeNode | Tree): string[] {
  const kids = ('dimensions' in node ? node.dimensions : node.children).filter((n) => !isEmptyNode(n));
  if (kids.length || 'dimensions' in node) return kids.map((n) => n.id);
  return node.indicators.map((i) => i.id);
}

export function isEmptyNode(n: TreeNode): boolean {
  return !n.indicators.length && n.children.every(isEmptyNode);
}

/** AHP weights, λmax, CI, CR of a node's matrix (the core's ahpWeights); undefined below two children. */
export function nodeAhp(node: TreeNode | Tree): { ids: string[]; result?: AhpWeights; error?: string } {
  const ids = childIds(node);
  if (ids.length < 2) return { ids };
  try {
    return { ids, result: ahpWeights(ahpMatrix(node.pairs, ids)) };
  } catch (e) {
    return { ids, error: (e as Error).message };
  }
}

// ---------------------------------------------------------------- tree ↔ framework ↔ YAML

export interface ExportOptions {
  /** write `ahp:` on every node with two or more children (judgements absent = 1) */
  ahp?: boolean;
  /** write `weight:` on every node and indicator (empty = 1) */
  fixed?: boolean;
}

/** The framework the tree describes (empty nodes left out; keys made unique identifiers). */
export function treeToFramework(tree: Tree, opts: ExportOptions = {}): Framework {
  return frameworkAndIds(tree, opts).framework;
}

/** The framework and, in its indicator order, the editor ids of the indicators. */
export function frameworkAndIds(tree: Tree, opts: ExportOptions = {}): { framework: Framework; ids: string[] } {
  const ids: string[] = [];
  const used = new Set<string>();
  const uniq = (k: string) => { let key = k; while (used.has(key)) key = `${key}_`; used.add(key); return key; };
  const indicators: FrameworkIndicator[] = [];
  const ahpOf = (pairs: Record<string, number>, ids: string[]): number[][] | undefined => {
    if (ids.length < 2) return undefined;
    const has = ids.some((a) => ids.some((b) => pairs[`${a}>${b}`] !== undefined));
    return opts.ahp || has ? ahpMatrix(pairs, ids) : undefined;
  };
  const weightOf = (w: number | undefined) => (w !== undefined && Number.isFinite(w) ? w : opts.fixed ? 1 : undefined);
  const node = (n: TreeNode, parents: string[]): FrameworkNode => {
    const key = uniq(n.key);
    const here = [...parents, key];
    const children = n.children.filter((c) => !isEmptyNode(c)).map((c) => node(c, here));
    const own: FrameworkIndicator[] = children.length ? [] : n.indicators.map((i) => {
      const ind: FrameworkIndicator = {
        key: uniq(i.key),
        label: { zh: i.zh, en: i.en },
        ...(i.unit !== undefined ? { unit: i.unit } : {}),
        direction: parseDirection(i.direction) ?? '+',
        ...(i.formula ? { formula: i.formula } : { column: i.column ?? i.key }),
        ...(weightOf(i.weight) !== undefined ? { weight: weightOf(i.weight) } : {}),
        ...(i.source !== undefined ? { source: i.source } : {}),
        ...(i.note !== undefined ? { note: i.note } : {}),
        path: here,
      };
      indicators.push(ind);
      ids.push(i.id);
      return ind;
    });
    const ahp = ahpOf(n.pairs, childIds(n));
    return { key, label: { zh: n.zh, en: n.en }, ...(weightOf(n.weight) !== undefined ? { weight: weightOf(n.weight) } : {}), ...(ahp ? { ahp } : {}), children, indicators: own };
  };
  const dimensions = tree.dimensions.filter((d) => !isEmptyNode(d)).map((d) => node(d, []));
  const ahp = ahpOf(tree.pairs, childIds(tree));
  const framework: Framework = {
    key: tree.key,
    label: { zh: tree.zh, en: tree.en },
    ...(tree.description !== undefined ? { description: tree.description } : {}),
    ...(tree.references ? { references: tree.references } : {}),
    ...(ahp ? { ahp } : {}),
    dimensions,
    indicators,
  };
  return { framework, ids };
}

/**
 * Refuse an imported framework whose AHP matrices `xinzhi evaluate` would refuse (not reciprocal, not square,
 * entries ≤ 0), so the workbench never keeps a judgement the command line rejects; inconsistency (CR ≥ 0.1) is
 * allowed here and shown live. The error names the framework file and the node's line.
 */
export function checkAhpMatrices(fw: Framework): void {
  const check = (m: number[][] | undefined, where: string, line?: number): void => {
    if (!m) return;
    try {
      ahpWeights(m, { where });
    } catch (e) {
      if (e instanceof DataError) throw new DataError(e.kind, e.message.split('\n')[0], { file: fw.source, row: line }, e.hint);
      throw e;
    }
  };
  check(fw.ahp, 'top level');
  const walk = (nodes: FrameworkNode[]): void => {
    for (const n of nodes) {
      check(n.ahp, n.key, n.line);
      walk(n.children);
    }
  };
  walk(fw.dimensions);
}

/** A framework (parsed or built-in) as an editable tree; AHP matrices become judgements (upper triangle). */
export function frameworkToTree(fw: Framework): Tree {
  const tree = emptyTree();
  tree.key = fw.key;
  tree.zh = fw.label.zh ?? fw.label.en ?? fw.key;
  tree.en = fw.label.en ?? fw.label.zh ?? fw.key;
  if (fw.description !== undefined) tree.description = fw.description;
  if (fw.references) tree.references = [...fw.references];
  const pairsOf = (m: number[][] | undefined, ids: string[]): Record<string, number> => {
    const p: Record<string, number> = {};
    if (!m) return p;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (m[i][j] !== 1) p[`${ids[i]}>${ids[j]}`] = m[i][j];
    return p;
  };
  const node = (n: FrameworkNode): TreeNode => {
    const t: TreeNode = { id: newId(tree, 'd'), key: n.key, zh: n.label.zh ?? n.label.en ?? n.key, en: n.label.en ?? n.label.zh ?? n.key, pairs: {}, children: n.children.map(node), indicators: [] };
    if (n.weight !== undefined) t.weight = n.weight;
    t.indicators = n.indicators.map((i) => {
      const ti: TreeIndicator = { id: newId(tree, 'i'), key: i.key, zh: i.label.zh ?? i.label.en ?? i.key, en: i.label.en ?? i.label.zh ?? i.key, direction: directionText(i.direction) };
      if (i.formula) ti.formula = i.formula;
      else ti.column = i.column ?? i.key;
      if (i.weight !== undefined) ti.weight = i.weight;
      if (i.unit !== undefined) ti.unit = i.unit;
      if (i.source !== undefined) ti.source = i.source;
      if (i.note !== undefined) ti.note = i.note;
      return ti;
    });
    t.pairs = pairsOf(n.ahp, t.children.length ? t.children.map((c) => c.id) : t.indicators.map((i) => i.id));
    return t;
  };
  tree.dimensions = fw.dimensions.map(node);
  tree.pairs = pairsOf(fw.ahp, tree.dimensions.map((d) => d.id));
  return tree;
}

/** A framework as YAML in the format of frameworks/*.yaml: labels and AHP rows in flow style, fractions "1/k". */
export function frameworkToYaml(fw: Framework, header = '# Indicator system built in the xinzhi workbench.\n'): string {
  const ahpRows = (m: number[][]) => m.map((r) => r.map((v) => (v < 1 && scaleText(v).includes('/') ? scaleText(v) : v)));
  const ind = (i: FrameworkIndicator) => ({
    key: i.key,
    label: i.label,
    ...(i.unit !== undefined ? { unit: i.unit } : {}),
    direction: directionText(i.direction),
    ...(i.formula ? { formula: i.formula } : i.column !== undefined && i.column !== i.key ? { column: i.column } : {}),
    ...(i.weight !== undefined ? { weight: i.weight } : {}),
    ...(i.source !== undefined ? { source: i.source } : {}),
    ...(i.note !== undefined ? { note: i.note } : {}),
  });
  const node = (n: FrameworkNode): Record<string, unknown> => ({
    key: n.key,
    label: n.label,
    ...(n.weight !== undefined ? { weight: n.weight } : {}),
    ...(n.ahp ? { ahp: ahpRows(n.ahp) } : {}),
    ...(n.children.length ? { subdimensions: n.children.map(node) } : { indicators: n.indicators.map(ind) }),
  });
  const obj = {
    framework: fw.key,
    label: fw.label,
    ...(fw.description !== undefined ? { description: fw.description } : {}),
    ...(fw.references ? { references: fw.references } : {}),
    ...(fw.ahp ? { ahp: ahpRows(fw.ahp) } : {}),
    dimensions: fw.dimensions.map(node),
  };
  const doc = new Document(obj);
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      if (pair.key.value === 'label' && isMap(pair.value)) pair.value.flow = true;
      if (pair.key.value === 'ahp' && isSeq(pair.value)) for (const r of pair.value.items) if (isSeq(r)) r.flow = true;
      if (pair.key.value === 'direction' && isScalar(pair.value)) pair.value.type = 'QUOTE_DOUBLE';
    },
  });
  return header + doc.toString({ lineWidth: 0 });
}

export function treeToYaml(tree: Tree, opts: ExportOptions = {}): string {
  return frameworkToYaml(treeToFramework(tree, opts));
}

// ---------------------------------------------------------------- weights and checks shown in the editor

/** Global weights by indicator editor id: fixed (normalised products along the path, the core's
 *  fixedFrameworkWeights) or AHP (the core's ahpFrameworkWeights, inconsistent matrices kept). */
export function globalWeights(tree: Tree, method: 'fixed' | 'ahp'): { weights: Map<string, number>; error?: string } {
  const { framework: fw, ids } = frameworkAndIds(tree, method === 'fixed' ? { fixed: true } : { ahp: true });
  const out = new Map<string, number>();
  try {
    if (!fw.indicators.length) return { weights: out };
    const w = method === 'fixed' ? fixedFrameworkWeights(fw) : ahpFrameworkWeights(fw, { force: true }).weights;
    ids.forEach((id, k) => out.set(id, w[k]));
    return { weights: out };
  } catch (e) {
    return { weights: out, error: (e as Error).message };
  }
}

/** Sum of the global weights of a node's indicators. */
export function nodeTotal(node: TreeNode, weights: Map<string, number>): number {
  let s = 0;
  const go = (n: TreeNode) => { for (const i of n.indicators) s += weights.get(i.id) ?? 0; n.children.forEach(go); };
  go(node);
  return s;
}

export interface ColumnProblem { indicatorId: string; key: string; missing: string[] }

/** Indicators whose column (or formula input) is not among the available columns (data columns + derived). */
export function missingColumns(tree: Tree, available: readonly string[]): ColumnProblem[] {
  const have = new Set(available);
  const out: ColumnProblem[] = [];
  for (const i of allIndicators(tree)) {
    let need: string[];
    if (i.formula) {
      try { need = [...formulaColumns(parseFormula(i.formula))]; } catch { need = []; }
    } else need = [i.column ?? i.key];
    const missing = need.filter((c) => !have.has(c));
    if (missing.length) out.push({ indicatorId: i.id, key: i.key, missing });
  }
  return out;
}

/** A formula's syntax error, or undefined when it parses. */
export function formulaError(text: string): string | undefined {
  try { parseFormula(text); return undefined; } catch (e) { return (e as Error).message; }
}

export function indicatorCount(tree: Tree): number {
  return allIndicators(tree).length;
}
