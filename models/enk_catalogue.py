"""The columns of the synthetic sole-proprietorship extract and the inactive-business model's spec (model_spec.ModelSpec).

The one list of the inactive-business model's inputs, in input order (as feature_catalogue.py
is for the deduction model): enk_generate.py writes the columns in this order, build_enk.py
trains and describes them in this order. Texts in bokmål (nb), nynorsk (nn) and English (en).
Sources of the signals: /work/shared/DOMAIN.md, "Sole proprietorships"; data notes: ENK_DATA.md.
"""

from __future__ import annotations

import pipeline_config as C
from card import forms
from feature_catalogue import Feature, text
from model_spec import ModelSpec

ID_COLUMN = "foretak_id"
LABEL_COLUMN = "inaktiv"
# Ground truth only synthetic data has: the mechanism behind a row (I1–I4 inactive, L1–L4 an
# active look-alike, '' neither) and whether it was inactive before label noise; never inputs.
GROUND_TRUTH_COLUMNS = ("mekanisme", "inaktiv_sann")

MODEL_ID = "inactive-business"
MODEL_VERSION = "1.0.0"
INCOME_YEAR = 2024
YEARS = (2022, 2023, 2024)

# (code, NACE section, nb, nn, en). Coded 1–12 so the model reads one number; the section
# letters are SSB's Standard for næringsgruppering (SN2007), which follows NACE Rev. 2.
NACE = (
    (1, "A", "Jordbruk, skogbruk og fiske", "Jordbruk, skogbruk og fiske", "Agriculture, forestry and fishing"),
    (2, "C", "Industri", "Industri", "Manufacturing"),
    (3, "F", "Bygge- og anleggsvirksomhet", "Bygg- og anleggsverksemd", "Construction"),
    (4, "G", "Varehandel", "Varehandel", "Wholesale and retail trade"),
    (5, "H", "Transport og lagring", "Transport og lagring", "Transportation and storage"),
    (6, "I", "Overnattings- og serveringsvirksomhet", "Overnattings- og serveringsverksemd", "Accommodation and food service"),
    (7, "J", "Informasjon og kommunikasjon", "Informasjon og kommunikasjon", "Information and communication"),
    (8, "M", "Faglig, vitenskapelig og teknisk tjenesteyting", "Fagleg, vitskapleg og teknisk tenesteyting", "Professional, scientific and technical activities"),
    (9, "N", "Forretningsmessig tjenesteyting", "Forretningsmessig tenesteyting", "Administrative and support services"),
    (10, "Q", "Helse- og sosialtjenester", "Helse- og sosialtenester", "Human health and social work"),
    (11, "R", "Kultur, underholdning og fritid", "Kultur, underhaldning og fritid", "Arts, entertainment and recreation"),
    (12, "S", "Annen tjenesteyting", "Annan tenesteyting", "Other service activities"),
)
NACE_CODE = {letter: code for code, letter, *_ in NACE}


def per_year(stem: str, label: tuple[str, str, str], description: tuple[str, str, str], aliases: tuple[str, ...]) -> tuple[Feature, ...]:
    """One feature per income year 2022–2024, from the business's own annual accounts
    (næringsspesifikasjonen, filed by the owner); empty for years before the registration."""
    return tuple(
        Feature(
            f"{stem}_{year}",
            text(*(f"{t} {year}" for t in label)),
            text(*(f"{d} {year}." for d in description)),
            "NOK", "integer", "taxpayer", nullable=True,
            aliases=tuple(f"{a}_{year}" for a in aliases),
        )
        for year in YEARS
    )


FEATURES: tuple[Feature, ...] = (
    *per_year(
        "omsetning",
        ("Omsetning", "Omsetnad", "Turnover"),
        ("Driftsinntekter i næringsspesifikasjonen for", "Driftsinntekter i næringsspesifikasjonen for", "Operating income in the business's annual accounts for"),
        ("turnover", "driftsinntekter"),
    ),
    *per_year(
        "kostnader",
        ("Kostnader", "Kostnader", "Costs"),
        ("Driftskostnader i næringsspesifikasjonen for", "Driftskostnader i næringsspesifikasjonen for", "Operating costs in the business's annual accounts for"),
        ("costs", "driftskostnader"),
    ),
    Feature(
        "underskudd_ar_pa_rad", text("Underskudd år på rad", "Underskot år på rad", "Loss years in a row"),
        text("Antall år på rad fram til 2024 med kostnader over omsetningen.", "Talet på år på rad fram til 2024 med kostnader over omsetnaden.", "Years in a row up to 2024 with costs above turnover."),
        "count", "integer", "derived", aliases=("loss_years", "underskuddsar"),
    ),
    Feature(
        "mva_registrert", text("Registrert i Merverdiavgiftsregisteret", "Registrert i Meirverdiavgiftsregisteret", "VAT registered"),
        text("Foretaket står i Merverdiavgiftsregisteret ved utgangen av 2024.", "Føretaket står i Meirverdiavgiftsregisteret ved utgangen av 2024.", "The business is in the VAT register at the end of 2024."),
        "flag", "binary", "register", aliases=("vat_registered", "mva"),
    ),
    Feature(
        "mva_meldinger_levert", text("Mva-meldinger levert", "Mva-meldingar leverte", "VAT returns filed"),
        text("Mva-meldinger levert for terminene i 2024 (seks for tomånedlige terminer, én for årstermin); tom når foretaket ikke er mva-registrert.",
             "Mva-meldingar leverte for terminane i 2024 (seks for tomånadlege terminar, éin for årstermin); tom når føretaket ikkje er mva-registrert.",
             "VAT returns filed for the 2024 terms (six for bi-monthly terms, one for an annual term); empty when the business is not VAT registered."),
        "count", "integer", "register", nullable=True, aliases=("vat_returns_filed",),
    ),
    Feature(
        "mva_nullmeldinger_pa_rad", text("Nullmeldinger på rad", "Nullmeldingar på rad", "Zero VAT returns in a row"),
        text("Mva-meldinger uten omsetning på rad fram til siste termin i 2024, også fra tidligere år; tom når foretaket ikke er mva-registrert.",
             "Mva-meldingar utan omsetnad på rad fram til siste termin i 2024, også frå tidlegare år; tom når føretaket ikkje er mva-registrert.",
             "VAT returns without turnover in a row up to the last 2024 term, earlier years included; empty when the business is not VAT registered."),
        "count", "integer", "register", nullable=True, aliases=("zero_vat_returns", "nullmeldinger"),
    ),
    Feature(
        "inngaende_mva", text("Inngående merverdiavgift", "Inngåande meirverdiavgift", "Input VAT"),
        text("Inngående merverdiavgift ført i mva-meldingene for 2024; tom når foretaket ikke er mva-registrert.",
             "Inngåande meirverdiavgift ført i mva-meldingane for 2024; tom når føretaket ikkje er mva-registrert.",
             "Input VAT entered in the 2024 VAT returns; empty when the business is not VAT registered."),
        "NOK", "integer", "register", nullable=True, aliases=("input_vat",),
    ),
    Feature(
        "maneder_med_salg", text("Måneder med salg", "Månader med sal", "Months with sales"),
        text("Måneder i 2024 med omsetning i mva-meldinger, fakturaer eller innbetalinger.", "Månader i 2024 med omsetnad i mva-meldingar, fakturaer eller innbetalingar.", "Months of 2024 with sales in VAT returns, invoices or incoming payments."),
        "count", "integer", "derived", aliases=("months_with_sales",),
    ),
    Feature(
        "fakturaer_utstedt", text("Fakturaer utstedt", "Fakturaer skrivne ut", "Invoices issued"),
        text("Utgående fakturaer i 2024.", "Utgåande fakturaer i 2024.", "Outgoing invoices in 2024."),
        "count", "integer", "register", aliases=("invoices_issued", "fakturaer"),
    ),
    Feature(
        "kunder_antall", text("Kunder", "Kundar", "Customers"),
        text("Ulike kunder fakturert i 2024.", "Ulike kundar fakturerte i 2024.", "Distinct customers invoiced in 2024."),
        "count", "integer", "register", aliases=("customers", "antall_kunder"),
    ),
    Feature(
        "storste_faktura", text("Største faktura", "Største faktura", "Largest invoice"),
        text("Beløpet på den største utgående fakturaen i 2024; tom uten fakturaer.", "Beløpet på den største utgåande fakturaen i 2024; tom utan fakturaer.", "Amount of the largest outgoing invoice in 2024; empty without invoices."),
        "NOK", "integer", "register", nullable=True, aliases=("largest_invoice",),
    ),
    Feature(
        "har_naeringskonto", text("Egen konto for næringen", "Eigen konto for næringa", "Business bank account"),
        text("Foretaket har en egen bankkonto for næringen.", "Føretaket har ein eigen bankkonto for næringa.", "The business has a bank account of its own."),
        "flag", "binary", "register", aliases=("business_account", "bedriftskonto"),
    ),
    Feature(
        "banktransaksjoner_inn", text("Innbetalinger", "Innbetalingar", "Incoming payments"),
        text("Innbetalinger til næringskontoen i 2024; tom uten egen konto.", "Innbetalingar til næringskontoen i 2024; tom utan eigen konto.", "Payments into the business account in 2024; empty without an account of its own."),
        "count", "integer", "register", nullable=True, aliases=("incoming_payments", "transactions_in"),
    ),
    Feature(
        "banktransaksjoner_ut", text("Utbetalinger", "Utbetalingar", "Outgoing payments"),
        text("Utbetalinger fra næringskontoen i 2024; tom uten egen konto.", "Utbetalingar frå næringskontoen i 2024; tom utan eigen konto.", "Payments out of the business account in 2024; empty without an account of its own."),
        "count", "integer", "register", nullable=True, aliases=("outgoing_payments", "transactions_out"),
    ),
    Feature(
        "ansatte", text("Ansatte", "Tilsette", "Employees"),
        text("Arbeidstakere rapportert i a-meldingen for desember 2024, eller siste måned med ansatte.", "Arbeidstakarar rapporterte i a-meldinga for desember 2024, eller siste månad med tilsette.", "Employees reported in the a-melding for December 2024, or the last month with employees."),
        "count", "integer", "register", aliases=("employees",),
    ),
    Feature(
        "a_meldinger_levert", text("A-meldinger levert", "A-meldingar leverte", "Payroll reports filed"),
        text("Måneder i 2024 med levert a-melding.", "Månader i 2024 med levert a-melding.", "Months of 2024 with a payroll report (a-melding) filed."),
        "count", "integer", "register", aliases=("payroll_reports", "a_meldinger"),
    ),
    Feature(
        "naeringskode", text("Næringskode", "Næringskode", "Industry"),
        text("Hovednæring i Enhetsregisteret (NACE-hovedområde).", "Hovudnæring i Einingsregisteret (NACE-hovudområde).", "Main industry in the Central Coordinating Register (NACE section)."),
        "code", "categorical", "register", aliases=("nace", "industry", "naering"),
        categories=tuple((code, text(f"{letter} {nb}", f"{letter} {nn}", f"{letter} {en}")) for code, letter, nb, nn, en in NACE),
    ),
    Feature(
        "registrert_ar", text("År siden registrering", "År sidan registrering", "Years since registration"),
        text("Hele år fra registreringen i Enhetsregisteret til utgangen av 2024.", "Heile år frå registreringa i Einingsregisteret til utgangen av 2024.", "Whole years from registration in the Central Coordinating Register to the end of 2024."),
        "years", "integer", "register", aliases=("registration_age", "alder_registrering"),
    ),
    Feature(
        "sist_endret_ar", text("År siden siste endring", "År sidan siste endring", "Years since last register change"),
        text("Hele år siden foretaket sist meldte en endring til Enhetsregisteret.", "Heile år sidan føretaket sist melde ei endring til Einingsregisteret.", "Whole years since the business last reported a change to the Central Coordinating Register."),
        "years", "integer", "register", aliases=("years_since_change",),
    ),
    Feature(
        "driftsmidler", text("Driftsmidler", "Driftsmiddel", "Business assets"),
        text("Skattemessig verdi av driftsmidler ved utgangen av 2024.", "Skattemessig verdi av driftsmiddel ved utgangen av 2024.", "Tax value of the business's fixed assets at the end of 2024."),
        "NOK", "integer", "taxpayer", aliases=("business_assets", "assets"),
    ),
    Feature(
        "adresse_lik_bosted", text("Forretningsadresse er bostedet", "Forretningsadressa er bustaden", "Business address is the owner's home"),
        text("Forretningsadressen er innehaverens bostedsadresse i Folkeregisteret.", "Forretningsadressa er bustadadressa til innehavaren i Folkeregisteret.", "The business address is the owner's home address in the National Population Register."),
        "flag", "binary", "register", aliases=("address_is_home",),
    ),
    Feature(
        "eier_alder", text("Innehaverens alder", "Alderen til innehavaren", "Owner's age"),
        text("Innehaverens alder ved utgangen av 2024.", "Alderen til innehavaren ved utgangen av 2024.", "The owner's age at the end of 2024."),
        "years", "integer", "register", aliases=("owner_age",),
    ),
    Feature(
        "eier_lonnsinntekt", text("Innehaverens lønn", "Løna til innehavaren", "Owner's wages"),
        text("Lønn fra arbeidsgivere til innehaveren i 2024 (a-ordningen).", "Løn frå arbeidsgivarar til innehavaren i 2024 (a-ordninga).", "Wages paid to the owner by employers in 2024 (a-ordning register)."),
        "NOK", "integer", "register", aliases=("owner_wages",),
    ),
    Feature(
        "eier_pensjon", text("Innehaverens pensjon", "Pensjonen til innehavaren", "Owner's pension"),
        text("Alderspensjon og tjenestepensjon til innehaveren i 2024.", "Alderspensjon og tenestepensjon til innehavaren i 2024.", "Old-age and occupational pension paid to the owner in 2024."),
        "NOK", "integer", "register", aliases=("owner_pension",),
    ),
    Feature(
        "eier_nav_ytelser", text("Sykepenger og foreldrepenger", "Sjukepengar og foreldrepengar", "Sickness and parental benefit"),
        text("Sykepenger og foreldrepenger fra NAV til innehaveren i 2024.", "Sjukepengar og foreldrepengar frå NAV til innehavaren i 2024.", "Sickness and parental benefit paid to the owner by NAV in 2024."),
        "NOK", "integer", "register", aliases=("owner_benefits", "nav_ytelser"),
    ),
)

FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)
FEATURE_BY_NAME = {f.name: f for f in FEATURES}
ALL_COLUMNS: tuple[str, ...] = (ID_COLUMN, *FEATURE_NAMES, LABEL_COLUMN, *GROUND_TRUTH_COLUMNS)
# The demo sample: what a real extract would hold (no ground truth).
EXTRACT_COLUMNS: tuple[str, ...] = (ID_COLUMN, *FEATURE_NAMES, LABEL_COLUMN)

LABEL_TEXT = text("inaktivt foretak", "inaktivt føretak", "inactive business")
LABEL_ALIASES = ("inactive", "inaktivt", "label", "utfall")

NOTICE = text(
    "Modellen er trent på syntetiske data som etterligner enkeltpersonforetak i inntektsåret 2024. "
    "Den viser hvordan en risikomodell virker; poengsummene sier ingenting om virkelige foretak.",
    "Modellen er trena på syntetiske data som liknar enkeltpersonføretak i inntektsåret 2024. "
    "Han viser korleis ein risikomodell verkar; poengsummane seier ingenting om verkelege føretak.",
    "This model was trained on synthetic data that imitates sole proprietorships in income year 2024. "
    "It shows how a risk model works; its scores say nothing about real businesses.",
)

VOCABULARY = {
    "task": text("risiko for at foretaket er inaktivt", "risiko for at føretaket er inaktivt", "risk that the business is inactive"),
    "row": {
        "nb": forms("enkeltpersonforetak", "enkeltpersonforetak", "enkeltpersonforetakene"),
        "nn": forms("enkeltpersonføretak", "enkeltpersonføretak", "enkeltpersonføretaka"),
        "en": forms("sole proprietorship", "sole proprietorships", "the sole proprietorships"),
    },
    "positive": {
        "nb": forms("inaktivt foretak", "inaktive foretak", "de inaktive foretakene"),
        "nn": forms("inaktivt føretak", "inaktive føretak", "dei inaktive føretaka"),
        "en": forms("inactive business", "inactive businesses", "the inactive businesses"),
    },
    "subject": {
        "nb": forms("innehaver", "innehavere", "innehaverne"),
        "nn": forms("innehavar", "innehavarar", "innehavarane"),
        "en": forms("owner", "owners", "the owners"),
    },
}

INACTIVE_BUSINESS = ModelSpec(
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
    generator="models/enk_generate.py: synthetic sole proprietorships for income year 2024, inactivity mechanisms I1–I4 with look-alikes L1–L4",
    seed=C.ENK_SEED,
    description="Risk that a sole proprietorship is inactive. Trained on synthetic data.",
    onnx_path=C.ENK_ONNX_PATH,
    booster_path=C.ENK_BOOSTER_PATH,
)
