/**
 * What a chart writes, in the reader's language. Charts import no catalogue, no state and no
 * model card: the view that draws a chart hands it these (i18n/chart-text.ts builds them for
 * a locale), so the chart re-renders when the language changes because the objects do.
 */
export interface ChartText {
  /** The catalogue's sentence for `key`, its `{name}` placeholders filled from `params`. */
  t: (key: string, params?: Record<string, string | number>) => string;
  /** A number with `digits` decimals (0 when left out); '–' for NaN. */
  number: (value: number, digits?: number) => string;
  /** A share 0–1 as a percentage with `digits` decimals (1 when left out); '–' for NaN. */
  percent: (share: number, digits?: number) => string;
}

/** The model's features as the charts name them, in the card's order. */
export interface FeatureText {
  /** Column names, the same in every language (for data attributes). */
  names: readonly string[];
  /** Labels in the reader's language. */
  labels: readonly string[];
  /** Feature k's value as a caseworker reads it: kr, km, days, yes/no, a category; "missing" for NaN. */
  value: (feature: number, value: number) => string;
}
