// Small DOM helpers for the workbench's preparation and TFP forms (prepare-form.ts, tfp-form.ts): the same tiny
// `h()` element builder as main.ts, plus labelled select / number / checkbox controls that keep a stable id (the
// page re-renders on every change and restores focus by id, so every control must have one) and a plain-words
// note. Nothing here touches the DOM at import time, so the pure spec mapping of those modules runs in Node tests.

import type { Lang } from './i18n.js';

export type Attrs = Record<string, unknown>;
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    else if (k === 'class') el.className = String(v);
    else if (k === 'html') el.innerHTML = String(v);
    else if (k in el && typeof v !== 'string') (el as any)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** An option: value, label, and whether it is disabled (does not apply to the other choices). */
export type Opt = [string, string, boolean?];

/** A labelled <select>; disabled options stay visible so the user sees what exists and why it is off. */
export function field(id: string, label: string, value: string, options: Opt[], onChange: (v: string) => void, disabled = false): HTMLElement {
  const s = h('select', { id, disabled, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    ...options.map(([v, l, off]) => h('option', { value: v, selected: v === value, disabled: Boolean(off) }, l)));
  s.value = value;
  return h('label', { class: 'ff', for: id }, h('span', { class: 'ff-l' }, label), ' ', s);
}

/** A labelled number input; `onChange(undefined)` when emptied. */
export function numberField(id: string, label: string, value: number | undefined, onChange: (v: number | undefined) => void, attrs: Attrs = {}): HTMLElement {
  const inp = h('input', {
    type: 'number', id, value: value === undefined ? '' : String(value), ...attrs,
    onchange: (e: Event) => {
      const s = (e.target as HTMLInputElement).value.trim();
      const v = Number(s);
      onChange(s === '' || !Number.isFinite(v) ? undefined : v);
    },
  });
  return h('label', { class: 'ff', for: id }, h('span', { class: 'ff-l' }, label), ' ', inp);
}

export function textField(id: string, label: string, value: string, onChange: (v: string) => void, attrs: Attrs = {}): HTMLElement {
  const inp = h('input', { type: 'text', id, value, size: 10, ...attrs, onchange: (e: Event) => onChange((e.target as HTMLInputElement).value) });
  return h('label', { class: 'ff', for: id }, h('span', { class: 'ff-l' }, label), ' ', inp);
}

export function checkField(id: string, label: string, checked: boolean, onChange: (v: boolean) => void, disabled = false): HTMLElement {
  return h('label', { class: 'ff', for: id }, h('input', { type: 'checkbox', id, checked, disabled, onchange: (e: Event) => onChange((e.target as HTMLInputElement).checked) }), ' ', label);
}

/** A group of checkboxes choosing several columns (keyboard: Tab to each, Space to toggle). */
export function columnChecks(idPrefix: string, legend: string, all: string[], chosen: string[], onChange: (v: string[]) => void): HTMLElement {
  const set = new Set(chosen);
  return h('div', { class: 'colchecks', role: 'group', 'aria-label': legend },
    h('span', { class: 'ff-l' }, legend),
    ...all.map((col, k) => h('label', { for: `${idPrefix}-${k}` },
      h('input', { type: 'checkbox', id: `${idPrefix}-${k}`, 'data-col': col, checked: set.has(col), onchange: (e: Event) => {
        if ((e.target as HTMLInputElement).checked) set.add(col);
        else set.delete(col);
        onChange(all.filter((c) => set.has(c)));
      } }), ' ', col)));
}

/** A plain-words note (formula, convention, default) in the current language. */
export function noteP(n: { zh: string; en: string } | undefined, lang: Lang, id?: string): HTMLElement | null {
  return n ? h('p', { class: 'note', id }, n[lang]) : null;
}

/** parent.append without the empty children. */
export function put(parent: HTMLElement, ...children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) parent.append(c);
}
