// The section modules in run order, and the check that every block of the spec is handled by one of them.

import type { Planner, SectionModule } from './registry.js';
import { notAvailable } from './registry.js';
import { prepareSection } from './prepare.js';
import { indexSection } from './index-section.js';
import { growthSection, malmquistSection } from './productivity.js';
import { couplingSection, obstacleSection } from './coordination.js';
import { disparitySection } from './disparity.js';
import { kdeSection, markovSection, spatialMarkovSection, convergenceSection } from './dynamics.js';
import { moranSection, lisaSection } from './spatial.js';
import { forecastSection } from './forecast.js';
import { deaSection } from './dea.js';

export const SECTIONS: SectionModule[] = [
  prepareSection,
  indexSection,
  growthSection,
  malmquistSection,
  deaSection,
  couplingSection,
  obstacleSection,
  disparitySection,
  kdeSection,
  markovSection,
  spatialMarkovSection,
  convergenceSection,
  moranSection,
  lisaSection,
  forecastSection,
];

const wired = new Set(SECTIONS.flatMap((s) => s.keys));

export const PLANNERS: Planner[] = [(ctx) => ({ steps: [], issues: notAvailable(ctx, wired) }), ...SECTIONS.map((s) => s.plan)];
