export { Xoshiro128StarStar, splitMix64 } from './xoshiro128';
export { listFigures, type ListFigures } from './list-figures';
export { capacityPlan, capacityAt, capacityAtShare, NEXT_BLOCK, type CapacityPlan, type CapacityPoint } from './capacity-plan';
export {
  selectWithControl,
  NOT_SELECTED,
  BY_MODEL,
  RANDOM_CONTROL,
  type SelectionKind,
  type ListOrder,
  type SelectionOptions,
  type Selection,
} from './control-sample';
