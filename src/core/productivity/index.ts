// Public API of src/core/productivity: productivity indices on panels and TFP by growth accounting.
export { malmquist } from './malmquist.js';
export type { MalmquistOptions, MalmquistRow, ProductivityIndexKind, DirectionOption } from './malmquist.js';
export { parseFrontier as parseProductivityFrontier, frontierName as productivityFrontierName } from './frontiers.js';
export type { FrontierType as ProductivityFrontier } from './frontiers.js';
export { summariseIndex as summariseProductivityIndex, cumulativeIndex as cumulativeProductivityIndex } from './summaries.js';
export { tfpGrowth } from './growth-accounting.js';
export { pwtMultilateral } from './pwt-multilateral.js';
export type { PwtMultilateralOptions } from './pwt-multilateral.js';
export type { TfpGrowthOptions, TfpGrowthRow, GrowthMethod } from './growth-accounting.js';
export { humanCapitalIndex, schoolingReturn, averageSchoolingYears } from './human-capital.js';
export type { SchoolingCounts } from './human-capital.js';
