import type { Localized, ModelCard, ShareMetric } from '../model/card';

/**
 * What an algorithm register entry says of a model, read from its card alone: purpose, the
 * data it learnt from, what it reads, how well it did on held-out data, and how it is
 * explained. Modelled on the public algorithm registers of Amsterdam and Helsinki (Saidot,
 * 2020) and the Dutch government's Algoritmeregister (2022): purpose, data, human involvement,
 * where to object. Human involvement and the right to object are the agency's, not the
 * model's: the page states them from its catalogue (i18n area `report`), with this entry's
 * figures. Nothing here is a sentence; the page words it in nb, nn or en.
 */
export interface AlgorithmRegister {
  model: { id: string; version: string; algorithm: string; trained: string; incomeYear: number; synthetic: boolean };
  /** What the model predicts ("risiko for feil fradrag") and the card's notice. */
  purpose: { task: Localized; notice: Localized };
  data: {
    nTrain: number;
    nValid: number;
    nTest: number;
    /** Share (0–1) of positives in the training rows; NaN when the card does not say. */
    baseRateTrain: number;
    generator: string;
  };
  /** The model's inputs by where they come from, and their labels in input order. */
  inputs: { count: number; register: number; taxpayer: number; derived: number; labels: Localized[] };
  /** Held-out test figures from the card; null when the card has none. */
  performance: { rocAuc: number; prAuc: number; baseRate: number; n: number; atQuarter: ShareMetric | null } | null;
}

/** The share a register entry quotes: a quarter of the returns, as the student-loan agency put it ("check 25 %, find 7 of 10"). */
export const REGISTER_SHARE = 0.25;

export function algorithmRegister(card: ModelCard): AlgorithmRegister {
  const bySource = { register: 0, taxpayer: 0, derived: 0 };
  for (const f of card.features) bySource[f.source]++;
  const m = card.metrics;
  const hasMetrics = m != null && Number.isFinite(m.roc_auc);
  return {
    model: {
      id: card.model.id,
      version: card.model.version,
      algorithm: card.model.algorithm,
      trained: card.model.trained,
      incomeYear: card.model.income_year,
      synthetic: card.model.synthetic,
    },
    purpose: { task: { ...card.vocabulary.task }, notice: { ...card.model.notice } },
    data: {
      nTrain: card.data.n_train,
      nValid: card.data.n_valid,
      nTest: card.data.n_test,
      baseRateTrain: card.data.base_rate_train ?? NaN,
      generator: card.data.generator,
    },
    inputs: { count: card.features.length, ...bySource, labels: card.features.map((f) => ({ ...f.label })) },
    performance: hasMetrics
      ? { rocAuc: m.roc_auc, prAuc: m.pr_auc, baseRate: m.base_rate, n: m.n, atQuarter: m.at_share.find((s) => Math.abs(s.share - REGISTER_SHARE) < 1e-9) ?? null }
      : null,
  };
}
