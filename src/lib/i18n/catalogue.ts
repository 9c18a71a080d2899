import type { Locale } from './locale';
import { app } from './messages/app';
import { selection } from './messages/selection';
import { model } from './messages/model';
import { intake } from './messages/intake';
import { cli } from './messages/cli';
import { explain } from './messages/explain';
import { intakeUi } from './messages/intake-ui';
import { evaluation } from './messages/evaluation';
import { planner } from './messages/planner';
import { trust } from './messages/trust';
import { anyModel } from './messages/any-model';
import { manyModels } from './messages/many-models';
import { textFeature } from './messages/text-feature';
import { compare } from './messages/compare';
import { whatIf } from './messages/what-if';
import { session } from './messages/session';
import { table } from './messages/table';
import { report } from './messages/report';
import { decisions } from './messages/decisions';
import { outcomes } from './messages/outcomes';
import { fairness } from './messages/fairness';
import { scale } from './messages/scale';
import { assistant } from './messages/assistant';
import { parquet } from './messages/parquet';
import { batch } from './messages/batch';

/**
 * Every area's messages merged. Each area lives in messages/<area>.ts, built with
 * defineMessages so its three languages have the same keys; add a new area to `areas`.
 */
const areas = [app, selection, model, intake, cli, explain, planner, trust, evaluation, intakeUi, anyModel, manyModels, compare, whatIf, session, table, report, decisions, outcomes, fairness, scale, textFeature, assistant, parquet, batch] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Merged = UnionToIntersection<(typeof areas)[number]['nb']>;

function merge(locale: Locale): Merged {
  return Object.assign({}, ...areas.map((area) => area[locale])) as Merged;
}

export const catalogue: Record<Locale, Merged> = { nb: merge('nb'), nn: merge('nn'), en: merge('en') };
