// Public API of src/core/productivity: productivity indices on panels and TFP by growth accounting.
export { malmquist } from './malmquist.js';
export type { MalmquistOptions, MalmquistRow, ProductivityIndexKind, DirectionOption } from './malmquist.js';
export { techBias as malmquistTechBias } from './malmquist-bias.js';
export type { TechBias as MalmquistTechBias } from './malmquist-bias.js';
export { parseFrontier as parseProductivityFrontier, frontierName as productivityFrontierName } from './frontiers.js';
export type { FrontierType as ProductivityFrontier } from './frontiers.js';
export { summariseIndex as summariseProductivityIndex, cumulativeIndex as cumulativeProductivityIndex } from './summaries.js';
export { tfpGrowth, estimateCapitalShare } from './growth-accounting.js';
export { pwtMultilateral } from './pwt-multilateral.js';
export type { PwtMultilateralOptions } from './pwt-multilateral.js';
export type { TfpGrowthOptions, TfpGrowthRow, GrowthMethod, AlphaRegression, CapitalShareOptions, CapitalShareEstimate, CapitalShareEffects } from './growth-accounting.js';
export { humanCapitalIndex, schoolingReturn, averageSchoolingYears } from './human-capital.js';
export type { SchoolingCounts } from './human-capital.js';
