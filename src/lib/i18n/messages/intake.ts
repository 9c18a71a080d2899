import { defineMessages } from '../define';

/**
 * Sentences for every CSV intake problem (src/lib/core/csv/codes.ts), keyed
 * `problem.<code>`. Placeholders: {line}, {column}, {field} where the problem has them,
 * plus the code's params. Each says what is wrong, where, and what happened to the row.
 */
export const intake = defineMessages({
  nb: {
    'problem.csv.empty_file': 'Filen er tom: den har verken kolonnenavn eller rader.',
    'problem.csv.binary_file':
      'Filen er en {format}-fil, ikke CSV. Er det et regneark, åpne det i Excel og lagre som «CSV (semikolondelt)».',
    'problem.csv.not_text': 'Filen er ikke tekst og kan ikke leses som CSV. Er det riktig fil?',
    'problem.csv.header_missing':
      'Linje {line}: første linje ser ut som data, ikke kolonnenavn. Filen må begynne med en linje med kolonnenavn.',
    'problem.csv.header_too_long':
      'Fant ikke slutten på linjen med kolonnenavn innen de første {limit} bytene. Kontroller skilletegn og linjeskift.',
    'problem.csv.too_many_columns':
      'Linje {line}: minst {count} {count|kolonne|kolonner}, flere enn de {limit} som støttes. Kontroller skilletegnet.',
    'problem.csv.no_rows': 'Filen har kolonnenavn (linje {line}), men ingen rader med data.',
    'problem.csv.missing_features':
      'Modellen trenger {count} {count|kolonne|kolonner} som mangler: {features}. Legg dem til i uttrekket, eller koble dem til riktige kolonner.',
    'problem.csv.national_id_as_feature':
      'Kolonne {column} ({field}) inneholder fødselsnumre og kan ikke brukes som {feature}.',
    'problem.csv.mapping_unknown_header': 'Koblingen for {key} peker på kolonnen «{header}», som ikke finnes i filen.',
    'problem.csv.mapping_unknown_key': 'Koblingen nevner «{key}», som verken er en variabel i modellen, id eller fasit. Den brukes ikke.',
    'problem.csv.feature_absent':
      '{feature} er valgt bort: den regnes som ukjent for alle rader, og risikoen beregnes uten den.',
    'problem.csv.duplicate_header':
      'Linje {line}, kolonne {column}: kolonnenavnet «{field}» finnes også i kolonne {first}. Den første brukes.',
    'problem.csv.ambiguous_mapping': 'Flere kolonner passer til {feature}: {columns}. Den første brukes; velg en annen om den er feil.',
    'problem.csv.no_id_column': 'Filen har ingen id-kolonne. Radene vises med linjenummer.',
    'problem.csv.national_ids_found':
      'Kolonne {column} ({field}) har fødselsnumre, første gang på linje {line}, etter radene forhåndsvisningen så (celler med fødselsnummer: {count}). De skjules på skjermen og i eksporter med mindre du velger noe annet.',
    'problem.csv.national_id_column':
      'Kolonne {column} ({field}) ser ut til å inneholde fødselsnumre. Den skjules på skjermen og brukes aldri i modellen.',
    'problem.csv.encoding_switched':
      'Linje {line}: tegn som ikke er UTF-8. Resten av filen leses som Windows-1252, som Excel bruker. Kontroller at æ, ø og å ser riktige ut.',
    'problem.csv.invalid_encoding':
      'Linje {line}: bytes som ikke er gyldig {encoding}, vist som �. Velg en annen tegnkoding om æ, ø og å ser feil ut.',
    'problem.csv.mixed_decimal':
      'Kolonne {column} ({field}) bruker «{decimal}» som desimaltegn, men {count} {count|celle|celler} bruker «{other}», først på linje {line}. Tall som 1.234 kan være tolket feil.',
    'problem.csv.trailing_empty_fields': '{count} {count|rad|rader} har tomme felt etter siste kolonne, først på linje {line}. De tomme feltene er ignorert.',
    'problem.csv.mixed_line_endings':
      'Filen blander linjeskift ({endings}), første gang på linje {line}. Hvert av dem avslutter en rad, så ingen rader går tapt.',
    'problem.csv.problems_truncated': 'Viser de første {shown} av {total} problemer i rader. Alle er talt med i oppsummeringen.',
    'problem.csv.ragged_row':
      'Linje {line}: raden har {found} felt, men overskriften har {expected}. Raden er avvist. Et desimalkomma uten anførselstegn i en kommaseparert fil gir ofte dette.',
    'problem.csv.malformed_quote': 'Linje {line}: anførselstegn er brukt feil, så cellene kan ikke skilles sikkert. Raden er avvist.',
    'problem.csv.unterminated_quote':
      'Linje {line}, kolonne {column}: et anførselstegn åpnes, men lukkes aldri, så {lines} linjer fra og med denne ble lest som én celle. Raden er avvist.',
    'problem.csv.record_too_long':
      'Linje {line}: raden er lengre enn {limit} tegn ({lines} linjer) og er hoppet over. Mangler det et avsluttende anførselstegn?',
    'problem.csv.not_a_number': 'Linje {line}, kolonne {column} ({field}): «{value}» er ikke et tall. Raden er avvist.',
    'problem.csv.wrong_unit':
      'Linje {line}, kolonne {column} ({field}): «{value}» har en enhet (% eller kr) som ikke passer kolonnen. Raden er avvist.',
    'problem.csv.negative':
      'Linje {line}, kolonne {column} ({field}): «{value}» er negativt, men kan ikke være under null. Raden er avvist.',
    'problem.csv.not_binary': 'Linje {line}, kolonne {column} ({field}): «{value}» skal være 0 eller 1 (nei eller ja). Raden er avvist.',
    'problem.csv.out_of_range':
      'Linje {line}, kolonne {column} ({field}): «{value}» er utenfor det modellen er trent på ({min} til {max}). Risikoen er beregnet, men er mindre sikker.',
    'problem.csv.not_integer': 'Linje {line}, kolonne {column} ({field}): «{value}» skulle vært et helt tall.',
    'problem.csv.unknown_category': 'Linje {line}, kolonne {column} ({field}): «{value}» er ikke en kjent kode for kolonnen.',
    'problem.csv.missing_value':
      'Linje {line}, kolonne {column} ({field}): cellen er tom, men skal ha en verdi. Risikoen er beregnet med verdien som ukjent.',
    'problem.csv.missing_id': 'Linje {line}, kolonne {column} ({field}): raden mangler id.',
    'problem.csv.duplicate_id': 'Linje {line}, kolonne {column} ({field}): samme id som på linje {first}.',
    'problem.csv.national_id_checksum':
      'Linje {line}, kolonne {column} ({field}): fødselsnummeret har feil kontrollsiffer. Kontroller at det er skrevet riktig.',
    'problem.csv.control_characters':
      'Linje {line}, kolonne {column} ({field}): cellen har kontrolltegn (for eksempel NUL) som ikke vises. I eksporter er de byttet ut med �.',
    'problem.csv.label_invalid': 'Linje {line}, kolonne {column} ({field}): fasiten «{value}» skal være 0 eller 1 og regnes som ukjent.',
  },
  nn: {
    'problem.csv.empty_file': 'Fila er tom: ho har verken kolonnenamn eller rader.',
    'problem.csv.binary_file':
      'Fila er ei {format}-fil, ikkje CSV. Er det eit rekneark, opna det i Excel og lagra som «CSV (semikolondelt)».',
    'problem.csv.not_text': 'Fila er ikkje tekst og kan ikkje lesast som CSV. Er det rett fil?',
    'problem.csv.header_missing':
      'Linje {line}: første linja ser ut som data, ikkje kolonnenamn. Fila må byrja med ei linje med kolonnenamn.',
    'problem.csv.header_too_long':
      'Fann ikkje slutten på linja med kolonnenamn innan dei første {limit} bytane. Kontroller skiljeteikn og linjeskift.',
    'problem.csv.too_many_columns':
      'Linje {line}: minst {count} {count|kolonne|kolonnar}, fleire enn dei {limit} som er støtta. Kontroller skiljeteiknet.',
    'problem.csv.no_rows': 'Fila har kolonnenamn (linje {line}), men ingen rader med data.',
    'problem.csv.missing_features':
      'Modellen treng {count} {count|kolonne|kolonnar} som manglar: {features}. Legg dei til i uttrekket, eller kopla dei til rette kolonnar.',
    'problem.csv.national_id_as_feature':
      'Kolonne {column} ({field}) inneheld fødselsnummer og kan ikkje brukast som {feature}.',
    'problem.csv.mapping_unknown_header': 'Koplinga for {key} peikar på kolonnen «{header}», som ikkje finst i fila.',
    'problem.csv.mapping_unknown_key': 'Koplinga nemner «{key}», som verken er ein variabel i modellen, id eller fasit. Ho blir ikkje brukt.',
    'problem.csv.feature_absent':
      '{feature} er vald bort: han blir rekna som ukjend for alle rader, og risikoen blir rekna ut utan han.',
    'problem.csv.duplicate_header':
      'Linje {line}, kolonne {column}: kolonnenamnet «{field}» finst òg i kolonne {first}. Den første blir brukt.',
    'problem.csv.ambiguous_mapping': 'Fleire kolonnar passar til {feature}: {columns}. Den første blir brukt; vel ein annan om han er feil.',
    'problem.csv.no_id_column': 'Fila har ingen id-kolonne. Radene blir viste med linjenummer.',
    'problem.csv.national_ids_found':
      'Kolonne {column} ({field}) har fødselsnummer, første gong på linje {line}, etter radene førehandsvisinga såg (celler med fødselsnummer: {count}). Dei blir skjulte på skjermen og i eksportar om du ikkje vel noko anna.',
    'problem.csv.national_id_column':
      'Kolonne {column} ({field}) ser ut til å innehalde fødselsnummer. Han blir skjult på skjermen og blir aldri brukt i modellen.',
    'problem.csv.encoding_switched':
      'Linje {line}: teikn som ikkje er UTF-8. Resten av fila blir lesen som Windows-1252, som Excel brukar. Kontroller at æ, ø og å ser rette ut.',
    'problem.csv.invalid_encoding':
      'Linje {line}: bytar som ikkje er gyldig {encoding}, viste som �. Vel ei anna teiknkoding om æ, ø og å ser feil ut.',
    'problem.csv.mixed_decimal':
      'Kolonne {column} ({field}) brukar «{decimal}» som desimalteikn, men {count} {count|celle|celler} brukar «{other}», først på linje {line}. Tal som 1.234 kan vere tolka feil.',
    'problem.csv.trailing_empty_fields': '{count} {count|rad|rader} har tomme felt etter siste kolonne, først på linje {line}. Dei tomme felta er ignorerte.',
    'problem.csv.mixed_line_endings':
      'Fila blandar linjeskift ({endings}), første gong på linje {line}. Kvart av dei avsluttar ei rad, så ingen rader går tapt.',
    'problem.csv.problems_truncated': 'Viser dei første {shown} av {total} problem i rader. Alle er talde med i oppsummeringa.',
    'problem.csv.ragged_row':
      'Linje {line}: rada har {found} felt, men overskrifta har {expected}. Rada er avvist. Eit desimalkomma utan hermeteikn i ei kommaseparert fil gjev ofte dette.',
    'problem.csv.malformed_quote': 'Linje {line}: hermeteikn er brukte feil, så cellene kan ikkje skiljast sikkert. Rada er avvist.',
    'problem.csv.unterminated_quote':
      'Linje {line}, kolonne {column}: eit hermeteikn blir opna, men aldri lukka, så {lines} linjer frå og med denne vart lesne som éi celle. Rada er avvist.',
    'problem.csv.record_too_long':
      'Linje {line}: rada er lengre enn {limit} teikn ({lines} linjer) og er hoppa over. Manglar det eit avsluttande hermeteikn?',
    'problem.csv.not_a_number': 'Linje {line}, kolonne {column} ({field}): «{value}» er ikkje eit tal. Rada er avvist.',
    'problem.csv.wrong_unit':
      'Linje {line}, kolonne {column} ({field}): «{value}» har ei eining (% eller kr) som ikkje passar kolonnen. Rada er avvist.',
    'problem.csv.negative':
      'Linje {line}, kolonne {column} ({field}): «{value}» er negativt, men kan ikkje vere under null. Rada er avvist.',
    'problem.csv.not_binary': 'Linje {line}, kolonne {column} ({field}): «{value}» skal vere 0 eller 1 (nei eller ja). Rada er avvist.',
    'problem.csv.out_of_range':
      'Linje {line}, kolonne {column} ({field}): «{value}» er utanfor det modellen er trena på ({min} til {max}). Risikoen er rekna ut, men er mindre sikker.',
    'problem.csv.not_integer': 'Linje {line}, kolonne {column} ({field}): «{value}» skulle vore eit heilt tal.',
    'problem.csv.unknown_category': 'Linje {line}, kolonne {column} ({field}): «{value}» er ikkje ein kjend kode for kolonnen.',
    'problem.csv.missing_value':
      'Linje {line}, kolonne {column} ({field}): cella er tom, men skal ha ein verdi. Risikoen er rekna ut med verdien som ukjend.',
    'problem.csv.missing_id': 'Linje {line}, kolonne {column} ({field}): rada manglar id.',
    'problem.csv.duplicate_id': 'Linje {line}, kolonne {column} ({field}): same id som på linje {first}.',
    'problem.csv.national_id_checksum':
      'Linje {line}, kolonne {column} ({field}): fødselsnummeret har feil kontrollsiffer. Kontroller at det er skrive rett.',
    'problem.csv.control_characters':
      'Linje {line}, kolonne {column} ({field}): cella har kontrollteikn (til dømes NUL) som ikkje blir viste. I eksportar er dei bytte ut med �.',
    'problem.csv.label_invalid': 'Linje {line}, kolonne {column} ({field}): fasiten «{value}» skal vere 0 eller 1 og blir rekna som ukjend.',
  },
  en: {
    'problem.csv.empty_file': 'The file is empty: it has neither column names nor rows.',
    'problem.csv.binary_file':
      'The file is a {format} file, not CSV. If it is a spreadsheet, open it in Excel and save it as "CSV (semicolon delimited)".',
    'problem.csv.not_text': 'The file is not text and cannot be read as CSV. Is it the right file?',
    'problem.csv.header_missing':
      'Line {line}: the first line looks like data, not column names. The file must start with a line of column names.',
    'problem.csv.header_too_long':
      'The end of the line of column names was not found within the first {limit} bytes. Check the delimiter and line endings.',
    'problem.csv.too_many_columns': 'Line {line}: at least {count} {count|column|columns}, more than the {limit} supported. Check the delimiter.',
    'problem.csv.no_rows': 'The file has column names (line {line}) but no rows of data.',
    'problem.csv.missing_features':
      'The model needs {count} {count|column that is|columns that are} missing: {features}. Add {count|it|them} to the extract, or map {count|it|them} to the right {count|column|columns}.',
    'problem.csv.national_id_as_feature': 'Column {column} ({field}) holds national identity numbers and cannot be used as {feature}.',
    'problem.csv.mapping_unknown_header': 'The mapping for {key} names the column "{header}", which is not in the file.',
    'problem.csv.mapping_unknown_key': 'The mapping names "{key}", which is not a model feature, the id or the label. It is not used.',
    'problem.csv.feature_absent': '{feature} is left out: it counts as unknown for every row, and risk is computed without it.',
    'problem.csv.duplicate_header': 'Line {line}, column {column}: the column name "{field}" also heads column {first}. The first is used.',
    'problem.csv.ambiguous_mapping': 'Several columns fit {feature}: {columns}. The first is used; choose another if it is wrong.',
    'problem.csv.no_id_column': 'The file has no id column. Rows are shown by line number.',
    'problem.csv.national_ids_found':
      'Column {column} ({field}) holds national identity numbers, first on line {line}, past the rows the preview saw (cells with one: {count}). They are hidden on screen and in exports unless you choose otherwise.',
    'problem.csv.national_id_column':
      'Column {column} ({field}) appears to hold national identity numbers. It is hidden on screen and never used by the model.',
    'problem.csv.encoding_switched':
      'Line {line}: characters that are not UTF-8. The rest of the file is read as Windows-1252, as Excel writes it. Check that æ, ø and å look right.',
    'problem.csv.invalid_encoding':
      'Line {line}: bytes that are not valid {encoding}, shown as �. Choose another encoding if æ, ø and å look wrong.',
    'problem.csv.mixed_decimal':
      'Column {column} ({field}) uses "{decimal}" as the decimal separator, but {count} {count|cell uses|cells use} "{other}", first on line {line}. Numbers like 1.234 may be misread.',
    'problem.csv.trailing_empty_fields': '{count} {count|row has|rows have} empty fields after the last column, first on line {line}. The empty fields are ignored.',
    'problem.csv.mixed_line_endings':
      'The file mixes line endings ({endings}), first on line {line}. Each of them ends a row, so no row is lost.',
    'problem.csv.problems_truncated': 'Showing the first {shown} of {total} row problems. All are counted in the summary.',
    'problem.csv.ragged_row':
      'Line {line}: the row has {found} fields but the header has {expected}. The row is rejected. An unquoted decimal comma in a comma-separated file often causes this.',
    'problem.csv.malformed_quote': 'Line {line}: quotes are used wrongly, so the cells cannot be told apart safely. The row is rejected.',
    'problem.csv.unterminated_quote':
      'Line {line}, column {column}: a quote opens but never closes, so {lines} lines from this one on were read as one cell. The row is rejected.',
    'problem.csv.record_too_long':
      'Line {line}: the row is longer than {limit} characters ({lines} lines) and was skipped. Is a closing quote missing?',
    'problem.csv.not_a_number': 'Line {line}, column {column} ({field}): "{value}" is not a number. The row is rejected.',
    'problem.csv.wrong_unit':
      'Line {line}, column {column} ({field}): "{value}" has a unit (% or kr) that does not fit the column. The row is rejected.',
    'problem.csv.negative': 'Line {line}, column {column} ({field}): "{value}" is negative but cannot be below zero. The row is rejected.',
    'problem.csv.not_binary': 'Line {line}, column {column} ({field}): "{value}" should be 0 or 1 (no or yes). The row is rejected.',
    'problem.csv.out_of_range':
      'Line {line}, column {column} ({field}): "{value}" is outside what the model was trained on ({min} to {max}). Risk is computed but less certain.',
    'problem.csv.not_integer': 'Line {line}, column {column} ({field}): "{value}" should be a whole number.',
    'problem.csv.unknown_category': 'Line {line}, column {column} ({field}): "{value}" is not a known code for the column.',
    'problem.csv.missing_value':
      'Line {line}, column {column} ({field}): the cell is empty but should hold a value. Risk is computed with the value unknown.',
    'problem.csv.missing_id': 'Line {line}, column {column} ({field}): the row has no id.',
    'problem.csv.duplicate_id': 'Line {line}, column {column} ({field}): the same id as on line {first}.',
    'problem.csv.national_id_checksum':
      'Line {line}, column {column} ({field}): the national identity number has wrong control digits. Check that it is written correctly.',
    'problem.csv.control_characters':
      'Line {line}, column {column} ({field}): the cell holds control characters (such as NUL) that do not show. Exports replace them with �.',
    'problem.csv.label_invalid': 'Line {line}, column {column} ({field}): the label "{value}" should be 0 or 1 and counts as unknown.',
  },
});
