export * from './panel.js';
export * from './parse-number.js';
export * from './from-table.js';
export * from './pwt-attribution.js';
export * from './inspect.js';
export * from './reshape.js';
export * from './interpolate.js';
export * from './deflate.js';
export * from './derive.js';
export * from './transform.js';
export * from './capital-stock.js';
export {
  canonicalProvince, resolveProvinces, provinceGroup, provinceByCode, closestRegions, regionKey,
  GROUPINGS, PROVINCE_RECORDS, AGGREGATE_RECORDS,
  type RegionMatch, type ProvinceMatch, type AggregateMatch, type ResolveWhere,
  type AggregateKey, type GroupDef, type GroupingName, type ProvinceRecord,
} from './regions.js';
