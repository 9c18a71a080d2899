import { defineMessages } from '../define';

/**
 * The champion–challenger comparison: the plain sentence at the top of the view and on the CLI's
 * stderr (compare-sentence.ts picks the key), and the comparison's problems. Task words come from
 * the card's vocabulary ({row_n}, {pos_n}: vocabularyParams).
 */
export const compare = defineMessages({
  nb: {
    'compare.sentence.more': 'Ved kontroll av {count} {row_n} finner utfordreren {diff} flere {pos_n} (95 %-intervall {lo}–{hi}); {swapped} av {count} er byttet ut.',
    'compare.sentence.fewer': 'Ved kontroll av {count} {row_n} finner utfordreren {diff} færre {pos_n} (95 %-intervall {lo}–{hi}); {swapped} av {count} er byttet ut.',
    'compare.sentence.same': 'Ved kontroll av {count} {row_n} finner utfordreren like mange {pos_n} (95 %-intervall for forskjellen {lo}–{hi}); {swapped} av {count} er byttet ut.',
    'compare.sentence.no_labels': 'Ved kontroll av {count} {row_n} er {swapped} av {count} byttet ut; uten kjente utfall kan funnene ikke sammenlignes.',
    'problem.compare.no_labels': 'Ingen rader har kjent utfall: bare rangeringene sammenlignes, ikke AUC eller funn.',
    'problem.compare.one_class': 'Alle {labelled} kjente utfall er like ({positives} positive): AUC kan ikke beregnes.',
    'problem.compare.too_few_for_interval': 'For få kjente utfall ({positives} positive, {negatives} negative) til et intervall for AUC-forskjellen.',
    'problem.compare.capacity_clamped': 'Kapasiteten {asked} er større enn radene begge modellene scoret; sammenligner {used}.',
    'problem.compare.unpaired_rows': '{count} {count|rad|rader} er scoret av bare én av modellene og er holdt utenfor sammenligningen.',
    'problem.compare.swapped_unlabelled': '{count} av de {swapped} byttede radene har ukjent utfall; forskjellen i funn teller bare kjente utfall.',
  },
  nn: {
    'compare.sentence.more': 'Ved kontroll av {count} {row_n} finn utfordraren {diff} fleire {pos_n} (95 %-intervall {lo}–{hi}); {swapped} av {count} er bytte ut.',
    'compare.sentence.fewer': 'Ved kontroll av {count} {row_n} finn utfordraren {diff} færre {pos_n} (95 %-intervall {lo}–{hi}); {swapped} av {count} er bytte ut.',
    'compare.sentence.same': 'Ved kontroll av {count} {row_n} finn utfordraren like mange {pos_n} (95 %-intervall for skilnaden {lo}–{hi}); {swapped} av {count} er bytte ut.',
    'compare.sentence.no_labels': 'Ved kontroll av {count} {row_n} er {swapped} av {count} bytte ut; utan kjende utfall kan ikkje funna samanliknast.',
    'problem.compare.no_labels': 'Ingen rader har kjent utfall: berre rangeringane blir samanlikna, ikkje AUC eller funn.',
    'problem.compare.one_class': 'Alle {labelled} kjende utfall er like ({positives} positive): AUC kan ikkje reknast ut.',
    'problem.compare.too_few_for_interval': 'For få kjende utfall ({positives} positive, {negatives} negative) til eit intervall for AUC-skilnaden.',
    'problem.compare.capacity_clamped': 'Kapasiteten {asked} er større enn radene begge modellane skåra; samanliknar {used}.',
    'problem.compare.unpaired_rows': '{count} {count|rad er skåra|rader er skåra} av berre éin av modellane og er haldne utanfor samanlikninga.',
    'problem.compare.swapped_unlabelled': '{count} av dei {swapped} bytte radene har ukjent utfall; skilnaden i funn tel berre kjende utfall.',
  },
  en: {
    'compare.sentence.more': 'Checking {count} {row_n}, the challenger finds {diff} more {pos_n} (95 % interval {lo}–{hi}); {swapped} of {count} are swapped.',
    'compare.sentence.fewer': 'Checking {count} {row_n}, the challenger finds {diff} fewer {pos_n} (95 % interval {lo}–{hi}); {swapped} of {count} are swapped.',
    'compare.sentence.same': 'Checking {count} {row_n}, the challenger finds as many {pos_n} (95 % interval of the difference {lo}–{hi}); {swapped} of {count} are swapped.',
    'compare.sentence.no_labels': 'Checking {count} {row_n}, {swapped} of {count} are swapped; without known outcomes the finds cannot be compared.',
    'problem.compare.no_labels': 'No row has a known outcome: only the rankings are compared, not AUC or finds.',
    'problem.compare.one_class': 'All {labelled} known outcomes are the same ({positives} positive): no AUC.',
    'problem.compare.too_few_for_interval': 'Too few known outcomes ({positives} positive, {negatives} negative) for an interval of the AUC difference.',
    'problem.compare.capacity_clamped': 'The capacity {asked} is more than the rows both models scored; comparing {used}.',
    'problem.compare.unpaired_rows': '{count} {count|row was|rows were} scored by only one of the models and are left out of the comparison.',
    'problem.compare.swapped_unlabelled': '{count} of the {swapped} swapped rows have no known outcome; the difference in finds counts known outcomes only.',
  },
});
