import { defineMessages } from '../define';

/**
 * A text feature on the record view (issue 21, the VAT remarks model): the text with each word
 * marked by its contribution (colour and a signed figure, never colour alone), and the part of
 * the n-grams the text does not contain, so the lines add up to the feature's contribution.
 */
export const textFeature = defineMessages({
  nb: {
    'text.heading': '{feature}: ord for ord',
    'text.empty': 'Ingen tekst.',
    'text.word_up': 'trekker opp {value}',
    'text.word_down': 'trekker ned {value}',
    'text.absent': 'Det teksten ikke sier (n-gram den ikke har): {value}',
    'text.total': 'Til sammen: {value} (log-odds)',
    'text.legend': 'Ord som trekker risikoen opp er merket med rødt, ord som trekker den ned med blått; tallet i parentes er bidraget i log-odds.',
    'text.edit': 'Endre teksten',
  },
  nn: {
    'text.heading': '{feature}: ord for ord',
    'text.empty': 'Ingen tekst.',
    'text.word_up': 'dreg opp {value}',
    'text.word_down': 'dreg ned {value}',
    'text.absent': 'Det teksten ikkje seier (n-gram han ikkje har): {value}',
    'text.total': 'Til saman: {value} (log-odds)',
    'text.legend': 'Ord som dreg risikoen opp er merkte med raudt, ord som dreg han ned med blått; talet i parentes er bidraget i log-odds.',
    'text.edit': 'Endre teksten',
  },
  en: {
    'text.heading': '{feature}, word by word',
    'text.empty': 'No text.',
    'text.word_up': 'raises {value}',
    'text.word_down': 'lowers {value}',
    'text.absent': 'What the text does not say (n-grams it lacks): {value}',
    'text.total': 'In all: {value} (log-odds)',
    'text.legend': 'Words that raise the risk are marked red, words that lower it blue; the figure in brackets is the contribution in log-odds.',
    'text.edit': 'Edit the text',
  },
});
