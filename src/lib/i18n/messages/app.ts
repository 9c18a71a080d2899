import { defineMessages } from '../define';

export const app = defineMessages({
  nb: {
    'app.title': 'Fradragsrisiko',
  },
  nn: {
    'app.title': 'Frådragsrisiko',
  },
  en: {
    'app.title': 'Deduction risk',
  },
});
