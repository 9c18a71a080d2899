"""The columns of the synthetic VAT-return extract and the VAT-remarks model's spec (model_spec.ModelSpec).

One row is one VAT return (*mva-melding*) for one bi-monthly term of 2024: turnover by rate,
input VAT deducted, corrections against earlier terms, and the free-text remark (*merknad*).
The one list of the model's inputs, in input order: vat_generate.py writes the columns in this
order, build_vat.py trains and describes them in this order. The remark is the last input and
a text feature: its TF-IDF slots follow the numeric inputs in the model's input tensor
(MODEL_CARD.md, "Text features"). Texts in bokmål (nb), nynorsk (nn) and English (en).
Domain: /work/shared/DOMAIN.md, "VAT returns and their remarks"; data notes: VAT_DATA.md.
"""

from __future__ import annotations

import pipeline_config as C
from card import forms
from feature_catalogue import Feature, text
from model_spec import ModelSpec

ID_COLUMN = "mva_melding_id"
LABEL_COLUMN = "feil_inngaende_mva"
TEXT_COLUMN = "merknad"
# Carried along for the caseworker, never model inputs: the term (1–6) and the industry code.
PASSTHROUGH_COLUMNS = ("termin", "naeringskode")
# Ground truth only synthetic data has: the mechanism behind a row (V1–V5 an incorrect
# deduction, L1–L5 a legitimate look-alike, '' neither) and the truth before label noise.
GROUND_TRUTH_COLUMNS = ("mekanisme", "feil_sann")

MODEL_ID = "vat-remarks"
MODEL_VERSION = "1.0.0"
INCOME_YEAR = 2024


def amount(name: str, nb: str, nn: str, en: str, dnb: str, dnn: str, den: str, aliases: tuple[str, ...], *, signed: bool = False) -> Feature:
    return Feature(name, text(nb, nn, en), text(dnb, dnn, den), "NOK", "integer", "taxpayer", nonnegative=not signed, aliases=aliases)


NUMERIC_FEATURES: tuple[Feature, ...] = (
    amount(
        "omsetning_25", "Omsetning 25 %", "Omsetnad 25 %", "Turnover 25 %",
        "Omsetning med alminnelig sats (25 %) i terminen, uten mva.",
        "Omsetnad med alminneleg sats (25 %) i terminen, utan mva.",
        "Turnover at the general rate (25 %) in the term, VAT excluded.",
        ("turnover_25", "omsetning_alminnelig"),
    ),
    amount(
        "omsetning_15", "Omsetning 15 %", "Omsetnad 15 %", "Turnover 15 %",
        "Omsetning med middels sats (15 %, næringsmidler) i terminen, uten mva.",
        "Omsetnad med middels sats (15 %, næringsmiddel) i terminen, utan mva.",
        "Turnover at the reduced rate for food (15 %) in the term, VAT excluded.",
        ("turnover_15", "omsetning_naeringsmidler"),
    ),
    amount(
        "omsetning_12", "Omsetning 12 %", "Omsetnad 12 %", "Turnover 12 %",
        "Omsetning med lav sats (12 %: persontransport, overnatting, kultur) i terminen, uten mva.",
        "Omsetnad med låg sats (12 %: persontransport, overnatting, kultur) i terminen, utan mva.",
        "Turnover at the low rate (12 %: passenger transport, accommodation, culture) in the term, VAT excluded.",
        ("turnover_12", "omsetning_lav_sats"),
    ),
    amount(
        "omsetning_0", "Omsetning fritatt", "Omsetnad friteken", "Zero-rated turnover",
        "Omsetning fritatt for mva (0 %, blant annet eksport) i terminen.",
        "Omsetnad friteken for mva (0 %, mellom anna eksport) i terminen.",
        "Zero-rated turnover (0 %, exports among others) in the term.",
        ("turnover_0", "omsetning_fritatt", "eksport"),
    ),
    amount(
        "inngaende_mva", "Inngående mva", "Inngåande mva", "Input VAT",
        "Inngående merverdiavgift til fradrag i terminen.",
        "Inngåande meirverdiavgift til frådrag i terminen.",
        "Input VAT deducted in the term.",
        ("input_vat", "fradrag_inngaende_mva"),
    ),
    amount(
        "inngaende_mva_forrige", "Inngående mva forrige termin", "Inngåande mva førre termin", "Input VAT previous term",
        "Inngående merverdiavgift til fradrag i terminen før.",
        "Inngåande meirverdiavgift til frådrag i terminen før.",
        "Input VAT deducted in the term before.",
        ("input_vat_previous", "forrige_inngaende_mva"),
    ),
    amount(
        "korreksjoner", "Korreksjoner", "Korreksjonar", "Corrections",
        "Netto korreksjon av inngående mva for tidligere terminer i denne meldingen (positiv: mer fradrag).",
        "Netto korreksjon av inngåande mva for tidlegare terminar i denne meldinga (positiv: meir frådrag).",
        "Net correction of input VAT for earlier terms in this return (positive: more deducted).",
        ("corrections", "korreksjon"),
        signed=True,
    ),
)

TEXT_FEATURE = Feature(
    TEXT_COLUMN,
    text("Merknad", "Merknad", "Remark"),
    text(
        "Fritekstmerknaden i mva-meldingen. Modellen leser tegn-n-gram (TF-IDF); tallet appen viser og sammendraget gjelder, er merknadens eget bidrag til log-oddsen.",
        "Fritekstmerknaden i mva-meldinga. Modellen les teikn-n-gram (TF-IDF); talet appen viser og samandraget gjeld, er merknaden sitt eige bidrag til log-oddsen.",
        "The free-text remark of the VAT return. The model reads character n-grams (TF-IDF); the number the app shows and the summary is of is the remark's own part of the log-odds.",
    ),
    "code", "text", "taxpayer", nonnegative=False, nullable=True,
    aliases=("remark", "merknader", "kommentar", "comment"),
)

FEATURES: tuple[Feature, ...] = (*NUMERIC_FEATURES, TEXT_FEATURE)
FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)
NUMERIC_NAMES: tuple[str, ...] = tuple(f.name for f in NUMERIC_FEATURES)

ALL_COLUMNS: tuple[str, ...] = (ID_COLUMN, *PASSTHROUGH_COLUMNS, *FEATURE_NAMES, LABEL_COLUMN, *GROUND_TRUTH_COLUMNS)
# The demo sample: what a real extract would hold (no ground truth).
EXTRACT_COLUMNS: tuple[str, ...] = (ID_COLUMN, *PASSTHROUGH_COLUMNS, *FEATURE_NAMES, LABEL_COLUMN)

LABEL_TEXT = text("feil fradrag for inngående mva", "feil frådrag for inngåande mva", "incorrect input VAT deduction")
LABEL_ALIASES = ("label", "utfall", "feil_fradrag_mva", "incorrect_input_vat")

NOTICE = text(
    "Modellen er trent på syntetiske data som etterligner mva-meldinger for 2024. "
    "Den viser hvordan en risikomodell leser tall og fritekst; poengsummene sier ingenting om virkelige virksomheter.",
    "Modellen er trena på syntetiske data som liknar mva-meldingar for 2024. "
    "Han viser korleis ein risikomodell les tal og fritekst; poengsummane seier ingenting om verkelege verksemder.",
    "This model was trained on synthetic data that imitates VAT returns for 2024. "
    "It shows how a risk model reads figures and free text; its scores say nothing about real businesses.",
)

VOCABULARY = {
    "task": text("risiko for feil fradrag for inngående mva", "risiko for feil frådrag for inngåande mva", "risk of an incorrect input VAT deduction"),
    "row": {
        "nb": forms("mva-melding", "mva-meldinger", "mva-meldingene"),
        "nn": forms("mva-melding", "mva-meldingar", "mva-meldingane"),
        "en": forms("VAT return", "VAT returns", "the VAT returns"),
    },
    "positive": {
        "nb": forms("feil fradrag for inngående mva", "feil fradrag for inngående mva", "de feilaktige fradragene for inngående mva"),
        "nn": forms("feil frådrag for inngåande mva", "feil frådrag for inngåande mva", "dei feilaktige frådraga for inngåande mva"),
        "en": forms("incorrect input VAT deduction", "incorrect input VAT deductions", "the incorrect input VAT deductions"),
    },
    "subject": {
        "nb": forms("virksomhet", "virksomheter", "virksomhetene"),
        "nn": forms("verksemd", "verksemder", "verksemdene"),
        "en": forms("business", "businesses", "the businesses"),
    },
}

VAT_REMARKS = ModelSpec(
    id=MODEL_ID,
    version=MODEL_VERSION,
    income_year=INCOME_YEAR,
    features=FEATURES,
    notice=NOTICE,
    id_column=ID_COLUMN,
    label_column=LABEL_COLUMN,
    label_text=LABEL_TEXT,
    label_aliases=LABEL_ALIASES,
    ground_truth_columns=GROUND_TRUTH_COLUMNS,
    vocabulary=VOCABULARY,
    generator="models/vat_generate.py: synthetic VAT returns for 2024 with free-text remarks, mechanisms V1–V5 with look-alikes L1–L5",
    seed=C.VAT_SEED,
    description="Risk that a VAT return deducts input VAT incorrectly, read from its figures and its remark. Trained on synthetic data.",
    onnx_path=C.VAT_ONNX_PATH,
    booster_path=C.VAT_ONNX_PATH,  # no booster: the model is a logistic regression, its file is the ONNX one
)
