import { defineMessages } from '../define';

/** Reading the trees from the model file and explaining scores with them (src/lib/core/model/read-ensemble.ts, src/lib/core/explain). */
export const explain = defineMessages({
  nb: {
    'problem.explain.row_check_failed': 'Forklaringen summerer seg ikke til poengsummen for denne raden (kontrollen feilet).',
    'problem.explain.unavailable': 'Poengsummene kan ikke forklares med denne modellen; rangeringen er likevel gyldig.',
    'problem.explain.covers_estimated': 'Modellfila har ingen tellinger av nodedekning (ingen, eller bare plassholdere); forklaringene bygger på tellinger fra denne fila, ikke fra treningsdataene.',
    'problem.explain.incomplete': '{count} {count|rad|rader} ble ikke forklart fordi en bakgrunnsprosess stoppet. Poengsummene deres er likevel med.',
    'explain.engines': 'Beregnet parallelt i {workers} bakgrunnsprosesser.',
    'problem.trees.missing': 'Modellfila inneholder ingen beslutningstrær, så poengsummene kan ikke forklares.',
    'problem.trees.several': 'Modellfila inneholder {count} {count|treensemble|treensembler}; appen leser bare modeller med ett.',
    'problem.trees.opset': 'Operatoren {op} i ai.onnx.ml versjon {version} støttes ikke.',
    'problem.trees.unsupported': 'Denne tremodellen støttes ikke: {detail}.',
    'problem.trees.malformed': 'Trærne i modellfila er ødelagte: {detail}.',
    'problem.trees.input_transformed':
      'Trærne leser ikke modellens inndata direkte, men «{name}», så forklaringene ville ikke passe til kolonnene i fila.',
    'problem.trees.no_covers':
      'Modellfila oppgir ikke hvor mange treningsrader som gikk gjennom hver node. Forklaringene bruker i stedet tall fra radene som er lest inn.',
    'problem.trees.covers_inconsistent':
      'Nodetellingene i modellfila henger ikke sammen (tre {tree}). Forklaringene bruker i stedet tall fra radene som er lest inn.',
    'problem.explain.path_too_deep': 'Tre {tree} har mer enn {limit} ulike variabler på én gren og kan ikke forklares.',
    'problem.explain.sum_mismatch': '{count} {count|rad|rader} fikk forklaringer som ikke summerer seg til poengsummen. De er merket.',
  },
  nn: {
    'problem.explain.row_check_failed': 'Forklaringa summerer seg ikkje til poengsummen for denne rada (kontrollen feila).',
    'problem.explain.unavailable': 'Poengsummane kan ikkje forklarast med denne modellen; rangeringa er likevel gyldig.',
    'problem.explain.covers_estimated': 'Modellfila har ingen teljingar av nodedekning (ingen, eller berre plasshaldarar); forklaringane byggjer på teljingar frå denne fila, ikkje frå treningsdataa.',
    'problem.explain.incomplete': '{count} {count|rad vart ikkje forklart|rader vart ikkje forklarte} fordi ein bakgrunnsprosess stoppa. Poengsummane deira er likevel med.',
    'explain.engines': 'Rekna ut parallelt i {workers} bakgrunnsprosessar.',
    'problem.trees.missing': 'Modellfila inneheld ingen avgjerdstre, så poengsummane kan ikkje forklarast.',
    'problem.trees.several': 'Modellfila inneheld {count} treensemble; appen les berre modellar med eitt.',
    'problem.trees.opset': 'Operatoren {op} i ai.onnx.ml versjon {version} er ikkje støtta.',
    'problem.trees.unsupported': 'Denne tremodellen er ikkje støtta: {detail}.',
    'problem.trees.malformed': 'Trea i modellfila er øydelagde: {detail}.',
    'problem.trees.input_transformed':
      'Trea les ikkje inndata til modellen direkte, men «{name}», så forklaringane ville ikkje passa til kolonnane i fila.',
    'problem.trees.no_covers':
      'Modellfila oppgjev ikkje kor mange treningsrader som gjekk gjennom kvar node. Forklaringane brukar i staden tal frå radene som er lesne inn.',
    'problem.trees.covers_inconsistent':
      'Nodeteljingane i modellfila heng ikkje saman (tre {tree}). Forklaringane brukar i staden tal frå radene som er lesne inn.',
    'problem.explain.path_too_deep': 'Tre {tree} har meir enn {limit} ulike variablar på ei grein og kan ikkje forklarast.',
    'problem.explain.sum_mismatch': '{count} {count|rad|rader} fekk forklaringar som ikkje summerer seg til poengsummen. Dei er merkte.',
  },
  en: {
    'problem.explain.row_check_failed': 'The explanation does not add up to the score for this row (the check failed).',
    'problem.explain.unavailable': 'The scores cannot be explained with this model; the ranking is still valid.',
    'problem.explain.covers_estimated': 'The model file holds no counted node covers (none, or only placeholders); the explanations rest on counts from this file, not from the training data.',
    'problem.explain.incomplete': '{count} {count|row was|rows were} not explained because a background process stopped. Their scores are still included.',
    'explain.engines': 'Computed in parallel by {workers} background processes.',
    'problem.trees.missing': 'The model file holds no decision trees, so the scores cannot be explained.',
    'problem.trees.several': 'The model file holds {count} {count|tree ensemble|tree ensembles}; the app reads models with one only.',
    'problem.trees.opset': 'The operator {op} of ai.onnx.ml version {version} is not supported.',
    'problem.trees.unsupported': 'This tree model is not supported: {detail}.',
    'problem.trees.malformed': 'The trees in the model file are broken: {detail}.',
    'problem.trees.input_transformed':
      'The trees do not read the model input directly but “{name}”, so explanations would not match the columns of the file.',
    'problem.trees.no_covers':
      'The model file does not say how many training rows went through each node. Explanations use counts from the rows read instead.',
    'problem.trees.covers_inconsistent':
      'The node counts in the model file do not add up (tree {tree}). Explanations use counts from the rows read instead.',
    'problem.explain.path_too_deep': 'Tree {tree} has more than {limit} different variables on one branch and cannot be explained.',
    'problem.explain.sum_mismatch': '{count} {count|row|rows} got explanations that do not add up to their score. They are marked.',
  },
});
