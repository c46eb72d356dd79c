// Public API of src/core/disparity: Gini, Dagum decomposition, Theil (T, L, nested), coefficient of variation.
export { giniCoefficient, gini } from './gini.js';
export type { GiniOptions, GiniPanelOptions, GiniRow } from './gini.js';
export { dagumDecomposition, dagum } from './dagum.js';
export type { DagumDecomposition, DagumGroup, DagumPair, DagumOptions, DagumRow } from './dagum.js';
export { theilIndex, theilDecomposition, theilNested, theil } from './theil.js';
export type { TheilIndex, TheilOptions, TheilGroup, TheilDecomposition, TheilNested, TheilNestedRegion, TheilNestedSubgroup, TheilPanelOptions, TheilRow } from './theil.js';
export { coefficientOfVariation, disparityCv } from './cv.js';
export type { CvOptions, CvValue, CvPanelOptions, CvRow } from './cv.js';
export { crossSections } from './cross-section.js';
export type { CrossSection, CrossSectionOptions, CrossSections } from './cross-section.js';
