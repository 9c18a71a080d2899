export { wilsonInterval, share, Z95, type Share } from './wilson';
export { ratioInterval } from './ratio-interval';
export { groupsOf, type Groups } from './groups';
export { selectionByGroup, FOUR_FIFTHS, MIN_GROUP_ROWS, type FairnessGroup, type FairnessTable, type GroupLabels } from './selection-by-group';
export { armCountsByGroup, type ArmCount, type GroupArmCounts } from './arm-counts';
export { groupOutcomeEstimates } from './group-outcomes';
export { sortableKeys, radixOrder } from './radix-order';
export { proxyOfColumn, MIN_PROXY_GROUP, type Binning, type ProxyColumn } from './proxy-column';
export {
  binningOf,
  featureColumn,
  importanceShares,
  proxyRow,
  proxyRows,
  scoredRows,
  strongProxyDrivers,
  SCORE,
  STRONG_PROXY,
  TOP_DRIVERS,
  type ProxyFinding,
  type ProxyRow,
} from './proxy-strength';
export { sensitiveColumns, type SensitiveColumn } from './sensitive-columns';
export {
  normalisedTokens,
  prohibitedFeatures,
  prohibitedWordIn,
  PROHIBITED_CHARACTERISTICS,
  type ProhibitedCharacteristic,
  type ProhibitedFeature,
} from './prohibited';
export { type Estimate, type GroupOutcomeEstimate, type GroupOverrideRate } from './outcome-slots';
