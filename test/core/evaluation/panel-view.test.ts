// Sample restriction and grouping used by the evaluation runner.
import { expect, test } from 'vitest';
import fc from 'fast-check';
import { createPanel } from '../../../src/core/panel/panel.js';
import { selectPanel, attachGroups, labelById } from '../../../src/core/evaluation/panel-view.js';
import { evenlySpaced } from '../../../src/core/evaluation/sections/dynamics.js';

const panel = createPanel({
  ids: ['A', 'B', 'C'],
  periods: [2000, 2001, 2002],
  entity: ['A', 'A', 'A', 'B', 'B', 'C'],
  period: [2000, 2001, 2002, 2000, 2002, 2001],
  values: { x: [1, 2, 3, 4, 5, 6] },
  labels: { name: ['a', 'a', 'a', 'b', 'b', 'c'] },
});

test('selectPanel keeps the named periods and units, cell by cell', () => {
  const p = selectPanel(panel, { from: 2001, exclude: ['B'] });
  expect(p.ids).toEqual(['A', 'C']);
  expect(p.periods).toEqual([2001, 2002]);
  expect(Array.from(p.columns.x)).toEqual([2, 3, 6, NaN]);
  expect(Array.from(p.present)).toEqual([1, 1, 1, 0]);
  expect(p.labels.name).toEqual(['a', 'a', 'c', null]);
  expect(selectPanel(panel, {})).toBe(panel);
});

test('selectPanel: every kept cell equals the source cell (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2000, max: 2002 }), fc.integer({ min: 2000, max: 2002 }), fc.subarray(['A', 'B', 'C']), (a, b, inc) => {
      const p = selectPanel(panel, { from: Math.min(a, b), to: Math.max(a, b), include: inc });
      for (let i = 0; i < p.ids.length; i++)
        for (let t = 0; t < p.periods.length; t++) {
          const si = panel.ids.indexOf(p.ids[i]);
          const st = panel.periods.indexOf(p.periods[t]);
          expect(Object.is(p.columns.x[i * p.periods.length + t], panel.columns.x[si * 3 + st])).toBe(true);
        }
      expect(p.ids).toEqual(['A', 'B', 'C'].filter((id) => inc.includes(id)));
    }),
  );
});

test('attachGroups labels every cell of a unit and lists units without a group', () => {
  const { panel: p, missing } = attachGroups(panel, 'region', { A: 'east', B: 'west' });
  expect(missing).toEqual(['C']);
  expect(labelById(p, 'region')).toEqual({ A: 'east', B: 'west', C: null });
  expect(p.labels.region.slice(0, 3)).toEqual(['east', 'east', 'east']);
});

test('evenlySpaced keeps the first and last period', () => {
  expect(evenlySpaced([1, 2, 3], 5)).toEqual([1, 2, 3]);
  expect(evenlySpaced([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
});
