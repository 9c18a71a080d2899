import { defineMessages } from '../define';

/** The privacy panel: what is processed where, and the live count of network requests (issue 7). */
export const trust = defineMessages({
  nb: {
    'trust.heading': 'Personvern: dataene blir på denne maskinen',
    'trust.where': 'Fila leses, scores og forklares i denne nettleserfanen, i egne tråder (én per prosessorkjerne) på maskinen din. Den lastes ikke opp noe sted.',
    'trust.engine': 'Modellen, beregningsmotoren (ONNX Runtime som WebAssembly) og skriftene kommer fra samme adresse som denne siden. Siden har en innholdssikkerhetspolicy (CSP) som nekter den å kontakte andre adresser.',
    'trust.storage': 'Ingenting fra fila lagres: ikke i informasjonskapsler, lokal lagring eller hurtigbuffer. Lukker du fanen, er dataene borte. Bare eksport lager en fil, og den lagrer du selv.',
    'trust.offline': 'Etter første besøk virker appen også uten nett.',
    'trust.count_before': 'Nettverksforespørsler fra denne siden siden den ble åpnet: {count}.',
    'trust.count_since': 'Nettverksforespørsler fra denne siden siden fila ble lastet: {count}.',
    'trust.count_elsewhere': 'Av dem til andre adresser: {count}.',
  },
  nn: {
    'trust.heading': 'Personvern: dataa blir på denne maskina',
    'trust.where': 'Fila blir lesen, skåra og forklart i denne nettlesarfana, i eigne trådar (éin per prosessorkjerne) på maskina di. Ho blir ikkje lasta opp nokon stad.',
    'trust.engine': 'Modellen, berekningsmotoren (ONNX Runtime som WebAssembly) og skriftene kjem frå same adresse som denne sida. Sida har ein innhaldstryggleikspolicy (CSP) som nektar henne å kontakte andre adresser.',
    'trust.storage': 'Ingenting frå fila blir lagra: ikkje i informasjonskapslar, lokal lagring eller snøgglager. Lukkar du fana, er dataa borte. Berre eksport lagar ei fil, og den lagrar du sjølv.',
    'trust.offline': 'Etter første besøk verkar appen òg utan nett.',
    'trust.count_before': 'Nettverksførespurnader frå denne sida sidan ho vart opna: {count}.',
    'trust.count_since': 'Nettverksførespurnader frå denne sida sidan fila vart lasta: {count}.',
    'trust.count_elsewhere': 'Av dei til andre adresser: {count}.',
  },
  en: {
    'trust.heading': 'Privacy: your data stays on this machine',
    'trust.where': 'The file is read, scored and explained in this browser tab, in background threads on your machine (one per processor core). It is not uploaded anywhere.',
    'trust.engine': 'The model, the engine (ONNX Runtime as WebAssembly) and the fonts come from the same address as this page. The page has a Content Security Policy (CSP) that forbids it to contact any other address.',
    'trust.storage': 'Nothing from the file is stored: not in cookies, local storage or caches. Close the tab and the data is gone. Only an export makes a file, and you save it yourself.',
    'trust.offline': 'After the first visit the app also works without a network.',
    'trust.count_before': 'Network requests from this page since it opened: {count}.',
    'trust.count_since': 'Network requests from this page since the file was loaded: {count}.',
    'trust.count_elsewhere': 'Of those, to other addresses: {count}.',
  },
});
