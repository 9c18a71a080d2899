import { defineMessages } from '../define';

/**
 * Speed at national scale (issue 19): the sentence that refuses a file over the tab's ceiling
 * (core/csv/tab-ceiling.ts) up front, naming the ceiling in rows and the batch path.
 */
export const scale = defineMessages({
  nb: {
    'problem.intake.over_ceiling':
      'Fila har om lag {rows} {row_n}, flere enn de {ceiling} appen kan score og forklare i én fane. Bruk kommandolinja i stedet ({command}), som leser fila i biter utenfor nettleseren.',
  },
  nn: {
    'problem.intake.over_ceiling':
      'Fila har om lag {rows} {row_n}, fleire enn dei {ceiling} appen kan skåre og forklare i éi fane. Bruk kommandolinja i staden ({command}), som les fila i bitar utanfor nettlesaren.',
  },
  en: {
    'problem.intake.over_ceiling':
      'The file holds about {rows} {row_n}, more than the {ceiling} the app scores and explains in one tab. Use the command line instead ({command}), which reads the file in chunks outside the browser.',
  },
});
