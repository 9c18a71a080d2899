import { defineMessages } from '../define';

/**
 * Speed at national scale (issue 19): the sentence that refuses a file over the tab's ceiling
 * (core/csv/tab-ceiling.ts) up front, naming the ceiling in rows and the batch path.
 */
export const scale = defineMessages({
  nb: {
    'problem.intake.over_ceiling':
      'Fila har om lag {rows} {row_n}, flere enn de {ceiling} appen kan score og forklare i én fane. Bruk kommandolinja ({command}), som leser filer av alle størrelser.',
  },
  nn: {
    'problem.intake.over_ceiling':
      'Fila har om lag {rows} {row_n}, fleire enn dei {ceiling} appen kan skåre og forklare i éi fane. Bruk kommandolinja ({command}), som les filer av alle storleikar.',
  },
  en: {
    'problem.intake.over_ceiling':
      'The file holds about {rows} {row_n}, more than the {ceiling} the app scores and explains in one tab. Use the command line ({command}), which reads files of any size.',
  },
});
