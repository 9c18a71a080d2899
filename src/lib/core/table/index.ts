/** The results table's query: id search, sort by any column, filters (status, segment, reason). */
export { searchIds } from './search-ids';
export { sortRows, featureValue } from './sort-rows';
export { filterRows, statusMask, reasonMask, distinctValues, type ReasonMask } from './filter-rows';
