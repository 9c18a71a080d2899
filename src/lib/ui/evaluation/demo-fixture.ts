/**
 * Types of test/fixtures/demo-metrics.json (models/oracles_demo/write_demo_metrics.py):
 * scikit-learn's and numpy's figures for the shipped model on the demo sample, for tests only.
 */
import { loadMetricsFixture } from '../../../../test/fixtures/metrics/load';

export interface DriftOracle {
  feature: string;
  psi: number;
  noise_threshold: number;
  outside_share: number;
  missing_share: number;
}

export interface SegmentOracle {
  segment: string;
  rows: number;
  labelled: number;
  positives: number;
  base_rate: number;
  auc: number;
  selected: number;
  recall_at_capacity: number;
}

export interface DemoMetrics {
  demo: {
    /** Path from the repository root. */
    file: string;
    n: number;
    positives: number;
    base_rate: number;
    roc_auc: number;
    average_precision: number;
    brier: number;
    calibration_uniform: { edges: number[]; count: number[]; prob_true: number[]; prob_pred: number[] };
    share: number;
    at_share: { k: number; tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; lift: number };
    segments: Record<'sivilstand' | 'hovedinntektskilde', SegmentOracle[]>;
    drift: DriftOracle[];
    probability: number[];
    label: number[];
    ids: string[];
  };
  chi2_ppf: { p: number; df: number; x: number }[];
  commute_doubled: { file: string; drift: DriftOracle[] };
}

export function loadDemoMetrics(): DemoMetrics {
  return loadMetricsFixture<DemoMetrics>('../demo-metrics.json');
}
