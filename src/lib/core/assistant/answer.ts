import { countForShare } from '../metrics/count-for-share';
import { countToFind } from '../select/count-to-find';
import type { AnswerTab, AssistantContext } from './context';
import { DEDUCTION_RULES, RULES_INCOME_YEAR } from './deduction-rules';
import type { Entities } from './entities';
import type { Intent } from './intents';

/**
 * An answer as a value: `code` names its sentence (`assistant.a.<code>` in
 * i18n/messages/assistant.ts), `params` fill it — a name ending in `Share` is a fraction 0–1
 * shown as a percentage; `items` are lines under it (a record's reasons); `link` is the view
 * that shows the figures.
 */
export interface Answer {
  intent: Intent;
  code: string;
  params: Record<string, string | number>;
  items?: string[];
  /** `record`: the row the record view opens; `capacity`: the planner's capacity to set, so it shows the answer's figures. */
  link?: { tab: AnswerTab; record?: number; capacity?: number };
}

/** The goal "how many to check" assumes when the question gives none: the example. */
export const DEFAULT_GOAL = 0.8;

type Reply = Omit<Answer, 'intent'>;
type Compose = (entities: Entities, ctx: AssistantContext) => Reply;

const needsFile = (ctx: AssistantContext): Omit<Answer, 'intent'> | null =>
  !ctx.card ? { code: 'needs_model', params: {} } : !ctx.file ? { code: 'needs_file', params: {} } : null;

const COMPOSE: Record<Intent, Compose> = {
  why_flagged(_e, ctx): Reply {
    const missing = needsFile(ctx);
    if (missing) return missing;
    const file = ctx.file!;
    if (ctx.unknownId !== null) return { code: 'why.unknown_id', params: { id: ctx.unknownId, column: file.idColumn ?? '–' }, link: { tab: 'results' } };
    const r = ctx.record;
    if (!r) return file.idColumn ? { code: 'why.no_id', params: { column: file.idColumn, example: file.topId ?? '' } } : { code: 'why.no_id_column', params: {} };
    const link = { tab: 'results' as const, record: r.row };
    if (r.rejected) return { code: 'why.rejected', params: { id: r.id }, link };
    const params = { id: r.id, rank: r.rank, scored: file.scored, riskShare: r.probability };
    if (r.reasons === null) return { code: 'why.pending', params, link };
    if (r.reasons.length === 0) return { code: 'why.no_reasons', params, link };
    return { code: 'why.reasons', params: { ...params, count: r.reasons.length }, items: r.reasons, link };
  },

  explain_feature(e, ctx): Reply {
    if (!ctx.card) return { code: 'needs_model', params: {} };
    const j = e.features[0];
    if (j === undefined) {
      return { code: 'feature.which', params: { examples: ctx.card.features.slice(0, 3).map((f) => f.label[ctx.locale]).join(', '), count: ctx.card.features.length }, link: { tab: 'explain' } };
    }
    const f = ctx.card.features[j];
    return { code: 'feature.explain', params: { label: f.label[ctx.locale], name: f.name, description: f.description[ctx.locale], unit: f.unit }, link: { tab: 'explain' } };
  },

  deduction_rule(e): Reply {
    const id = e.deductions[0];
    if (!id) return { code: 'rule.which', params: { year: String(RULES_INCOME_YEAR) } };
    const rule = DEDUCTION_RULES.find((r) => r.id === id)!;
    return { code: `rule.${id}`, params: { year: String(RULES_INCOME_YEAR), source: rule.source, ...rule.figures } };
  },

  how_many_to_check(e, ctx): Reply {
    const missing = needsFile(ctx);
    if (missing) return missing;
    if (!ctx.plan) return { code: 'needs_file', params: {} };
    const given = e.percents.find((p) => p > 0 && p <= 100);
    const goal = given !== undefined ? given / 100 : DEFAULT_GOAL;
    const k = countToFind(ctx.plan.expected, ctx.plan.scored, goal);
    if (k === null) return { code: 'how_many.nothing_expected', params: {}, link: { tab: 'planner' } };
    const total = ctx.plan.expected[ctx.plan.scored];
    return {
      code: given !== undefined ? 'how_many.answer' : 'how_many.default_goal',
      params: { goalShare: goal, count: k, fileShare: k / ctx.plan.scored, scored: ctx.plan.scored, expected: round1(ctx.plan.expected[k]), total: round1(total) },
      link: { tab: 'planner', capacity: k },
    };
  },

  expected_finds(e, ctx): Reply {
    const missing = needsFile(ctx);
    if (missing) return missing;
    if (!ctx.plan) return { code: 'needs_file', params: {} };
    const { scored, expected } = ctx.plan;
    const share = e.percents.find((p) => p > 0 && p <= 100);
    const count = e.numbers.find((n) => Number.isInteger(n) && n > 0);
    const asked = count !== undefined ? count : share !== undefined ? countForShare(share / 100, scored) : ctx.capacity;
    const k = Math.min(scored, Math.max(0, Math.round(asked)));
    const total = expected[scored];
    return {
      code: count === undefined && share === undefined ? 'expected.current' : k < asked ? 'expected.capped' : 'expected.answer',
      params: { count: k, asked, scored, fileShare: scored > 0 ? k / scored : 0, expected: round1(expected[k]), recallShare: total > 0 ? expected[k] / total : 0, precisionShare: k > 0 ? expected[k] / k : 0 },
      link: { tab: 'planner', capacity: k },
    };
  },

  random_control(_e, ctx): Reply {
    const share = ctx.controlShare;
    if (!ctx.file || !(share > 0)) return { code: 'random.none', params: {}, link: { tab: 'planner' } };
    const control = Math.round(ctx.capacity * share);
    return { code: 'random.answer', params: { controlShare: share, control, capacity: ctx.capacity }, link: { tab: 'planner' } };
  },

  export_list(_e, ctx): Reply {
    if (!ctx.file) return { code: 'export.no_file', params: {} };
    return { code: 'export.answer', params: { capacity: ctx.capacity }, link: { tab: 'planner' } };
  },

  model_quality(_e, ctx): Reply {
    if (!ctx.card) return { code: 'needs_model', params: {} };
    const m = ctx.card.metrics;
    if (!m || !Number.isFinite(m.roc_auc)) return { code: 'quality.no_metrics', params: {}, link: { tab: 'evaluation' } };
    const first = m.at_share?.[0];
    const params: Record<string, number> = { n: m.n, positives: m.positives, auc: round3(m.roc_auc), prAuc: round3(m.pr_auc), baseShare: m.base_rate };
    if (first) Object.assign(params, { atShare: first.share, precisionShare: first.precision, recallShare: first.recall, lift: round1(first.lift) });
    return { code: first ? 'quality.answer' : 'quality.auc_only', params, link: { tab: 'evaluation' } };
  },

  drift(_e, ctx): Reply {
    const missing = needsFile(ctx);
    if (missing) return missing;
    if (!ctx.drift || !ctx.card) return { code: 'drift.unknown', params: {}, link: { tab: 'evaluation' } };
    if (ctx.drift.moved.length === 0) return { code: 'drift.stable', params: { features: ctx.card.features.length }, link: { tab: 'evaluation' } };
    const names = ctx.drift.moved.slice(0, 3).map((j) => ctx.card!.features[j].label[ctx.locale]);
    return { code: ctx.drift.worrying ? 'drift.worrying' : 'drift.moved', params: { count: ctx.drift.moved.length, names: names.join(', ') }, link: { tab: 'evaluation' } };
  },

  privacy: (): Reply => ({ code: 'privacy.answer', params: {} }),

  rejected_rows(_e, ctx): Reply {
    const missing = needsFile(ctx);
    if (missing) return missing;
    const r = ctx.rejected;
    if (!r || r.total === 0) return { code: 'rejected.none', params: { rows: ctx.file!.rows }, link: { tab: 'results' } };
    return { code: 'rejected.answer', params: { total: r.total, rows: ctx.file!.rows }, items: r.reasons.slice(0, 3).map((x) => `${x.text} (${x.count})`), link: { tab: 'results' } };
  },

  load_file: (_e, ctx): Reply => ({ code: ctx.file ? 'load.another' : 'load.answer', params: { name: ctx.file?.name ?? '' } }),

  case_sheet(e, ctx): Reply {
    if (!ctx.file) return { code: 'case_sheet.no_file', params: {} };
    return ctx.record && !ctx.record.rejected && e.ids.length > 0
      ? { code: 'case_sheet.record', params: { id: ctx.record.id }, link: { tab: 'results', record: ctx.record.row } }
      : { code: 'case_sheet.answer', params: {}, link: { tab: 'planner' } };
  },

  explanation_method(_e, ctx): Reply {
    if (!ctx.explainer) return { code: 'method.general', params: {} };
    return { code: ctx.explainer.kind === 'linear' ? 'method.linear' : 'method.trees', params: { space: ctx.explainer.space }, link: { tab: 'explain' } };
  },

  fairness: (_e, ctx): Reply => ({ code: ctx.file ? 'fairness.answer' : 'fairness.no_file', params: {}, link: ctx.file ? { tab: 'fairness' } : undefined }),

  compare_models: (_e, ctx): Reply => ({ code: ctx.file ? 'compare.answer' : 'compare.no_file', params: {}, link: ctx.file ? { tab: 'compare' } : undefined }),

  out_of_scope: (): Reply => ({ code: 'out_of_scope', params: {} }),
};

/** The answer to a question of `intent` naming `entities`, from the app's state in `ctx` only. */
export function answer(intent: Intent, entities: Entities, ctx: AssistantContext): Answer {
  const a = COMPOSE[intent](entities, ctx);
  return a.link === undefined ? { intent, code: a.code, params: a.params, ...(a.items ? { items: a.items } : {}) } : { intent, ...a };
}

/** Every code `answer` can give, for the catalogue test. */
export const ANSWER_CODES = [
  'needs_model', 'needs_file',
  'why.unknown_id', 'why.no_id', 'why.no_id_column', 'why.rejected', 'why.pending', 'why.no_reasons', 'why.reasons',
  'feature.which', 'feature.explain',
  'rule.which', ...DEDUCTION_RULES.map((r) => `rule.${r.id}`),
  'how_many.nothing_expected', 'how_many.answer', 'how_many.default_goal',
  'expected.current', 'expected.capped', 'expected.answer',
  'random.none', 'random.answer', 'export.no_file', 'export.answer',
  'quality.no_metrics', 'quality.answer', 'quality.auc_only',
  'drift.unknown', 'drift.stable', 'drift.worrying', 'drift.moved',
  'privacy.answer', 'rejected.none', 'rejected.answer', 'load.another', 'load.answer',
  'case_sheet.no_file', 'case_sheet.record', 'case_sheet.answer',
  'method.general', 'method.linear', 'method.trees',
  'fairness.answer', 'fairness.no_file', 'compare.answer', 'compare.no_file', 'out_of_scope',
] as const;

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
