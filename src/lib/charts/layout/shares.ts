/** Shares 1 %, 2 %, …, 100 % of the rows checked: the model card's gains grid, and the lift chart's x axis. */
export const SHARES: readonly number[] = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);

/** The rows of SHARES shown in the charts' tables: 5 %, 10 %, 20 %, …, 100 %. */
export const SHARE_TABLE: readonly number[] = [4, 9, 19, 29, 39, 49, 59, 69, 79, 89, 99];
