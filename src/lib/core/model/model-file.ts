import type { ModelCard, OutputSpace } from './card';
import type { CardGap } from './complete-card';
import type { Link, TreeEnsemble } from './ensemble';
import type { LinearModel } from './linear-model';
import type { TextFeature } from './text-feature';
import type { Problem } from '../problems';

/**
 * Everything the app and the CLI need from one .onnx file, read once by readModel:
 * the complete card (filled from a partial one, with what it lacks), the graph names to
 * score with, the output space, and the trees or the linear model to explain with.
 */
export interface ModelFile {
  card: ModelCard;
  /** Capabilities a partial card leaves out ([] for a full card). */
  missing: CardGap[];
  /** The graph's one float input and the float output whose column 1 is P(class 1) (after a ZipMap is dropped). */
  input: string;
  probabilities: string;
  /** Width of the app's feature rows: one value per card feature (the file's input is wider when a text feature has slots). */
  nFeatures: number;
  /** The model operator: TreeEnsembleClassifier, TreeEnsembleRegressor, TreeEnsemble or LinearClassifier. */
  operator: string;
  /** The space explanations are in: base + Σφ = link⁻¹(p), i.e. logit p for log-odds, p for probability. */
  outputSpace: OutputSpace;
  link: Link;
  /** The trees (covers 'model' when the file holds real counts, else 'none'), or null. */
  trees: TreeEnsemble | null;
  /** The linear model over the app's rows: with text features, the folded one (text-feature.ts), weight 1 on each text's score. */
  linear: LinearModel | null;
  /** The text features, in card order: their vectorizer and slot weights ([] for most models). */
  text: TextFeature[];
  /** What the file holds as node covers: real counts, the converters' placeholder 1.0, or nothing (or not a tree model). */
  fileCovers: 'counts' | 'placeholder' | 'none';
  /** Problems that leave the model scorable but unexplained or explained with care (warnings, unsupported trees). */
  explainProblems: Problem[];
}

export const outputSpaceOf = (link: Link): OutputSpace => (link === 'logistic' ? 'log-odds' : 'probability');
