import { defineMessages } from '../define';

/** Many models (issue 16, app side): the picker of bundled models, the challenger and the comparison view's frame. */
export const manyModels = defineMessages({
  nb: {
    'models.picker': 'Modell',
    'models.option': '{Task} – kontroll av 25 % finner {recall}',
    'models.own': 'Egen modell: {name}',
    'models.picker_help': 'Modellene som følger med appen. Å bytte modell beregner den åpne filen på nytt; demofilen byttes til den nye modellens.',
  },
  nn: {
    'models.picker': 'Modell',
    'models.option': '{Task} – kontroll av 25 % finn {recall}',
    'models.own': 'Eigen modell: {name}',
    'models.picker_help': 'Modellane som følgjer med appen. Å byte modell reknar ut den opne fila på nytt; demofila blir bytt til demofila til den nye modellen.',
  },
  en: {
    'models.picker': 'Model',
    'models.option': '{Task} – checking 25 % finds {recall}',
    'models.own': 'Own model: {name}',
    'models.picker_help': 'The models that come with the app. Switching model scores the open file again; the demo sample becomes the new model’s.',
  },
});
