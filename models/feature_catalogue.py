"""The columns of the synthetic extract and what a caseworker needs to know about each feature.

This is the one list of model inputs: the generator writes the columns in this order, the
trainer reads them in this order, and the model card (src/lib/core/model/card.ts) describes
them in this order. Texts are in bokmål (nb), nynorsk (nn) and English (en).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ID_COLUMN = "skattyter_id"
# Carried through to the output for the caseworker, never model inputs.
PASSTHROUGH_COLUMNS = ("kommunenr", "sivilstand")
LABEL_COLUMN = "feil_fradrag"
# Ground truth that only synthetic data has; never model inputs.
GROUND_TRUTH_COLUMNS = ("feil_type", "feil_belop")


def text(nb: str, nn: str, en: str) -> dict[str, str]:
    return {"nb": nb, "nn": nn, "en": en}


@dataclass(frozen=True)
class Feature:
    name: str
    label: dict[str, str]
    description: dict[str, str]
    unit: str  # 'NOK' | 'km' | 'days' | 'years' | 'percent' | 'count' | 'flag' | 'code'
    kind: str  # 'continuous' | 'integer' | 'binary' | 'ordinal' | 'categorical'
    source: str  # 'register' | 'taxpayer' | 'derived'
    nonnegative: bool = True
    nullable: bool = False
    aliases: tuple[str, ...] = ()
    categories: tuple[tuple[int, dict[str, str]], ...] = field(default=())
    # Written with one decimal in the CSV; every other feature is a whole number.
    decimals: int = 0


FEATURES: tuple[Feature, ...] = (
    Feature(
        "alder",
        text("Alder", "Alder", "Age"),
        text(
            "Skattyterens alder ved utgangen av inntektsåret.",
            "Alderen til skattytaren ved utgangen av inntektsåret.",
            "The taxpayer's age at the end of the income year.",
        ),
        "years", "integer", "register",
        aliases=("age", "skattyter_alder", "taxpayer_age"),
    ),
    Feature(
        "sentralitet",
        text("Sentralitet", "Sentralitet", "Centrality"),
        text(
            "SSBs sentralitetsklasse for bostedskommunen, fra 1 (mest sentral) til 6 (minst sentral).",
            "Sentralitetsklassen til SSB for bustadkommunen, frå 1 (mest sentral) til 6 (minst sentral).",
            "Statistics Norway's centrality class of the home municipality, from 1 (most central) to 6 (least central).",
        ),
        "code", "ordinal", "register", nullable=True,
        aliases=("centrality", "sentralitetsklasse", "centrality_class"),
        categories=(
            (1, text("1 – mest sentral", "1 – mest sentral", "1 – most central")),
            (2, text("2", "2", "2")),
            (3, text("3", "3", "3")),
            (4, text("4", "4", "4")),
            (5, text("5", "5", "5")),
            (6, text("6 – minst sentral", "6 – minst sentral", "6 – least central")),
        ),
    ),
    Feature(
        "antall_barn_under_12",
        text("Barn under 12 år", "Born under 12 år", "Children under 12"),
        text(
            "Antall barn som ikke fyller 12 år i løpet av inntektsåret (gir rett til foreldrefradrag).",
            "Talet på born som ikkje fyller 12 år i løpet av inntektsåret (gjev rett til foreldrefrådrag).",
            "Number of children who do not turn 12 during the income year (the children that qualify for the childcare deduction).",
        ),
        "count", "integer", "register",
        aliases=("barn_under_12", "children_under_12", "number_of_children_under_12"),
    ),
    Feature(
        "yngste_barn_alder",
        text("Yngste barns alder", "Alderen til yngste barnet", "Youngest child's age"),
        text(
            "Alderen til det yngste barnet under 18 år ved utgangen av året; tom når skattyteren ikke har barn under 18.",
            "Alderen til det yngste barnet under 18 år ved utgangen av året; tom når skattytaren ikkje har born under 18.",
            "Age of the youngest child under 18 at the end of the year; empty when the taxpayer has no child under 18.",
        ),
        "years", "integer", "register", nullable=True,
        aliases=("youngest_child_age", "alder_yngste_barn", "yngste_barn"),
    ),
    Feature(
        "hovedinntektskilde",
        text("Hovedinntektskilde", "Hovudinntektskjelde", "Main source of income"),
        text(
            "Den største inntektskilden i året: lønn, pensjon, uføretrygd eller næring.",
            "Den største inntektskjelda i året: løn, pensjon, uføretrygd eller næring.",
            "The largest source of income in the year: wages, pension, disability benefit or business.",
        ),
        "code", "categorical", "register",
        aliases=("main_income_source", "inntektskilde", "income_source"),
        categories=(
            (1, text("Lønn", "Løn", "Wages")),
            (2, text("Pensjon", "Pensjon", "Pension")),
            (3, text("Uføretrygd", "Uføretrygd", "Disability benefit")),
            (4, text("Næring", "Næring", "Business")),
        ),
    ),
    Feature(
        "lonnsinntekt",
        text("Lønnsinntekt", "Lønsinntekt", "Wage income"),
        text(
            "Lønn og andre ytelser fra arbeidsgivere i året, slik a-ordningen har rapportert dem.",
            "Løn og andre ytingar frå arbeidsgivarar i året, slik a-ordninga har rapportert dei.",
            "Wages and other employee benefits in the year, as employers reported them to the a-ordning register.",
        ),
        "NOK", "integer", "register",
        aliases=("wage_income", "wages", "lonn", "lønnsinntekt"),
    ),
    Feature(
        "stillingsprosent",
        text("Stillingsprosent", "Stillingsprosent", "Position percentage"),
        text(
            "Samlet stillingsprosent fra arbeidsgiverne (100 er heltid); tom når arbeidsgiveren ikke har rapportert den.",
            "Samla stillingsprosent frå arbeidsgivarane (100 er heiltid); tom når arbeidsgivaren ikkje har rapportert han.",
            "Total position percentage reported by employers (100 is full time); empty when no employer reported it.",
        ),
        "percent", "integer", "register", nullable=True,
        aliases=("employment_percentage", "position_percentage", "stillingsandel"),
    ),
    Feature(
        "sykefravaer_dager",
        text("Sykefravær (dager)", "Sjukefråvær (dagar)", "Sick leave (days)"),
        text(
            "Arbeidsdager med sykefravær i året. Fravær ut over 15 dager skal trekkes fra dagene i reisefradraget.",
            "Arbeidsdagar med sjukefråvær i året. Fråvær ut over 15 dagar skal trekkjast frå dagane i reisefrådraget.",
            "Working days of sick leave in the year. Absence beyond 15 days must be taken off the days in the travel deduction.",
        ),
        "days", "integer", "register", nullable=True,
        aliases=("sick_leave_days", "sykefravaer", "sykefravær_dager", "sykedager"),
    ),
    Feature(
        "antall_arbeidsgivere",
        text("Antall arbeidsgivere", "Talet på arbeidsgivarar", "Number of employers"),
        text(
            "Hvor mange arbeidsgivere som rapporterte lønn for skattyteren i året.",
            "Kor mange arbeidsgivarar som rapporterte løn for skattytaren i året.",
            "How many employers reported wages for the taxpayer in the year.",
        ),
        "count", "integer", "register",
        aliases=("number_of_employers", "arbeidsgivere", "employers"),
    ),
    Feature(
        "har_enk",
        text("Har enkeltpersonforetak", "Har enkeltpersonføretak", "Has a sole proprietorship"),
        text(
            "1 når skattyteren driver et enkeltpersonforetak, ellers 0.",
            "1 når skattytaren driv eit enkeltpersonføretak, elles 0.",
            "1 when the taxpayer runs a sole proprietorship, otherwise 0.",
        ),
        "flag", "binary", "register",
        aliases=("enk", "has_sole_proprietorship", "enkeltpersonforetak"),
    ),
    Feature(
        "naeringsinntekt",
        text("Næringsinntekt", "Næringsinntekt", "Business income"),
        text(
            "Resultatet fra enkeltpersonforetaket i året; negativt ved underskudd, 0 uten foretak.",
            "Resultatet frå enkeltpersonføretaket i året; negativt ved underskot, 0 utan føretak.",
            "The sole proprietorship's result for the year; negative for a loss, 0 without a business.",
        ),
        "NOK", "integer", "taxpayer", nonnegative=False,
        aliases=("business_income", "næringsinntekt", "naeringsresultat"),
    ),
    Feature(
        "enk_underskudd_ar_pa_rad",
        text("År på rad med underskudd", "År på rad med underskot", "Loss years in a row"),
        text(
            "Hvor mange år på rad, dette året medregnet, foretaket har gått med underskudd; 0 ved overskudd.",
            "Kor mange år på rad, dette året medrekna, føretaket har gått med underskot; 0 ved overskot.",
            "How many years in a row, this year included, the business has made a loss; 0 when it made a profit.",
        ),
        "years", "integer", "derived",
        aliases=("consecutive_loss_years", "underskudd_ar_pa_rad", "enk_underskudd_år_på_rad"),
    ),
    Feature(
        "avstand_reg_km",
        text("Registrert reiseavstand (km)", "Registrert reiseavstand (km)", "Registered commute distance (km)"),
        text(
            "Korteste reisevei én vei mellom registrert bostedsadresse og arbeidsstedet arbeidsgiveren har rapportert; tom når adressen ikke kunne stedfestes eller skattyteren ikke har arbeidsgiver.",
            "Kortaste reiseveg éin veg mellom registrert bustadadresse og arbeidsstaden arbeidsgivaren har rapportert; tom når adressa ikkje kunne stadfestast eller skattytaren ikkje har arbeidsgivar.",
            "Shortest route one way between the registered home address and the workplace the employer reported; empty when the address could not be located or the taxpayer has no employer.",
        ),
        "km", "continuous", "register", nullable=True, decimals=1,
        aliases=("registered_distance_km", "register_distance_km", "avstand_km"),
    ),
    Feature(
        "flyttet_i_aar",
        text("Flyttet i året", "Flytta i året", "Moved during the year"),
        text(
            "1 når folkeregisteret viser flytting i løpet av inntektsåret, ellers 0.",
            "1 når folkeregisteret viser flytting i løpet av inntektsåret, elles 0.",
            "1 when the population register shows a move during the income year, otherwise 0.",
        ),
        "flag", "binary", "register",
        aliases=("moved_this_year", "flyttet_i_år", "moved"),
    ),
    Feature(
        "reise_km_oppgitt",
        text("Oppgitt reiseavstand (km)", "Oppgjeven reiseavstand (km)", "Claimed commute distance (km)"),
        text(
            "Avstand én vei mellom hjem og arbeid som skattyteren har ført i reisefradraget; 0 uten reisefradrag.",
            "Avstand éin veg mellom heim og arbeid som skattytaren har ført i reisefrådraget; 0 utan reisefrådrag.",
            "Distance one way between home and work that the taxpayer entered for the travel deduction; 0 without a travel deduction.",
        ),
        "km", "continuous", "taxpayer",
        aliases=("claimed_commute_km", "commute_km", "reiseavstand_km"),
    ),
    Feature(
        "reise_dager_oppgitt",
        text("Oppgitte reisedager", "Oppgjevne reisedagar", "Claimed commuting days"),
        text(
            "Antall arbeidsreiser (dager) i reisefradraget; 230 tilsvarer et helt arbeidsår. 0 uten reisefradrag.",
            "Talet på arbeidsreiser (dagar) i reisefrådraget; 230 svarar til eit heilt arbeidsår. 0 utan reisefrådrag.",
            "Number of commuting days in the travel deduction; 230 is a full working year. 0 without a travel deduction.",
        ),
        "days", "integer", "taxpayer",
        aliases=("claimed_commute_days", "commute_days", "reisedager"),
    ),
    Feature(
        "reisefradrag",
        text("Reisefradrag", "Reisefrådrag", "Travel deduction"),
        text(
            "Krevd fradrag for reiser mellom hjem og arbeid (post 3.2.8): 1,76 kr per km tur-retur × dager, minus 14 950 kr, høyst 97 000 kr i kostnader.",
            "Kravd frådrag for reiser mellom heim og arbeid (post 3.2.8): 1,76 kr per km tur-retur × dagar, minus 14 950 kr, høgst 97 000 kr i kostnader.",
            "Claimed deduction for travel between home and work (item 3.2.8): NOK 1.76 per km both ways × days, minus NOK 14,950, on at most NOK 97,000 of costs.",
        ),
        "NOK", "integer", "taxpayer",
        aliases=("travel_deduction", "commuting_deduction", "reisefradrag_krevd"),
    ),
    Feature(
        "pendler_kost_losji",
        text("Pendler: kost og losji", "Pendlar: kost og losji", "Commuter: board and lodging"),
        text(
            "Krevd fradrag for kost og losji som pendler. Gis bare de første 24 månedene fra første krav.",
            "Kravd frådrag for kost og losji som pendlar. Blir berre gitt dei første 24 månadene frå første krav.",
            "Claimed deduction for board and lodging as a commuter. Allowed only for the first 24 months from the first claim.",
        ),
        "NOK", "integer", "taxpayer",
        aliases=("board_and_lodging", "kost_og_losji", "pendlerfradrag"),
    ),
    Feature(
        "pendler_ar_siden_forste_krav",
        text("År siden første pendlerkrav", "År sidan første pendlarkrav", "Years since first commuter claim"),
        text(
            "Hele år siden skattyteren første gang krevde pendlerfradrag (0 = i år); tom når det aldri er krevd.",
            "Heile år sidan skattytaren første gong kravde pendlarfrådrag (0 = i år); tom når det aldri er kravd.",
            "Whole years since the taxpayer first claimed the commuter deduction (0 = this year); empty when never claimed.",
        ),
        "years", "integer", "register", nullable=True,
        aliases=("years_since_first_commuter_claim", "pendler_år_siden_første_krav", "pendler_ar"),
    ),
    Feature(
        "fagforening_forhandsutfylt",
        text("Fagforening, forhåndsutfylt", "Fagforeining, førehandsutfylt", "Union dues, pre-filled"),
        text(
            "Fagforeningskontingent som fagforeningen har rapportert og som står forhåndsutfylt (høyst 8 000 kr).",
            "Fagforeiningskontingent som fagforeininga har rapportert og som står førehandsutfylt (høgst 8 000 kr).",
            "Union dues reported by the union and pre-filled in the return (at most NOK 8,000).",
        ),
        "NOK", "integer", "register",
        aliases=("union_dues_prefilled", "fagforening_forhåndsutfylt"),
    ),
    Feature(
        "fagforening_krevd",
        text("Fagforening, krevd", "Fagforeining, kravd", "Union dues, claimed"),
        text(
            "Fradrag for fagforeningskontingent i skattemeldingen etter skattyterens endringer (grense 8 000 kr).",
            "Frådrag for fagforeiningskontingent i skattemeldinga etter endringane til skattytaren (grense 8 000 kr).",
            "Union dues deduction in the return after the taxpayer's changes (cap NOK 8,000).",
        ),
        "NOK", "integer", "taxpayer",
        aliases=("union_dues_claimed", "fagforeningskontingent"),
    ),
    Feature(
        "gaver_forhandsutfylt",
        text("Gaver, forhåndsutfylt", "Gåver, førehandsutfylt", "Gifts, pre-filled"),
        text(
            "Gaver til frivillige organisasjoner som organisasjonene har rapportert (minst 500 kr per organisasjon).",
            "Gåver til frivillige organisasjonar som organisasjonane har rapportert (minst 500 kr per organisasjon).",
            "Gifts to voluntary organisations reported by the organisations (at least NOK 500 per organisation).",
        ),
        "NOK", "integer", "register",
        aliases=("gifts_prefilled", "gaver_forhåndsutfylt"),
    ),
    Feature(
        "gaver_krevd",
        text("Gaver, krevd", "Gåver, kravd", "Gifts, claimed"),
        text(
            "Fradrag for gaver i skattemeldingen etter skattyterens endringer (grense 25 000 kr). Skattyteren skal normalt ikke legge til gaver selv.",
            "Frådrag for gåver i skattemeldinga etter endringane til skattytaren (grense 25 000 kr). Skattytaren skal normalt ikkje leggje til gåver sjølv.",
            "Gifts deduction in the return after the taxpayer's changes (cap NOK 25,000). Taxpayers should normally not add gifts themselves.",
        ),
        "NOK", "integer", "taxpayer",
        aliases=("gifts_claimed", "gaver"),
    ),
    Feature(
        "foreldrefradrag_forhandsutfylt",
        text("Foreldrefradrag, forhåndsutfylt", "Foreldrefrådrag, førehandsutfylt", "Childcare, pre-filled"),
        text(
            "Utgifter til barnehage og SFO som er rapportert og står forhåndsutfylt.",
            "Utgifter til barnehage og SFO som er rapporterte og står førehandsutfylte.",
            "Kindergarten and after-school care costs that were reported and are pre-filled.",
        ),
        "NOK", "integer", "register",
        aliases=("childcare_prefilled", "foreldrefradrag_forhåndsutfylt"),
    ),
    Feature(
        "foreldrefradrag_krevd",
        text("Foreldrefradrag, krevd", "Foreldrefrådrag, kravd", "Childcare, claimed"),
        text(
            "Krevd foreldrefradrag: dokumenterte pass- og stelleutgifter for barn under 12 år, høyst 25 000 kr per barn.",
            "Kravd foreldrefrådrag: dokumenterte pass- og stelleutgifter for born under 12 år, høgst 25 000 kr per barn.",
            "Claimed childcare deduction: documented care costs for children under 12, at most NOK 25,000 per child.",
        ),
        "NOK", "integer", "taxpayer",
        aliases=("childcare_claimed", "foreldrefradrag"),
    ),
    Feature(
        "renter_forhandsutfylt",
        text("Gjeldsrenter, forhåndsutfylt", "Gjeldsrenter, førehandsutfylt", "Interest, pre-filled"),
        text(
            "Renter på gjeld som norske långivere har rapportert.",
            "Renter på gjeld som norske långjevarar har rapportert.",
            "Interest on debt reported by Norwegian lenders.",
        ),
        "NOK", "integer", "register",
        aliases=("interest_prefilled", "renter_forhåndsutfylt", "gjeldsrenter_forhandsutfylt"),
    ),
    Feature(
        "renter_krevd",
        text("Gjeldsrenter, krevd", "Gjeldsrenter, kravd", "Interest, claimed"),
        text(
            "Renter i skattemeldingen etter skattyterens endringer, for eksempel renter på private lån.",
            "Renter i skattemeldinga etter endringane til skattytaren, til dømes renter på private lån.",
            "Interest in the return after the taxpayer's changes, for example interest on private loans.",
        ),
        "NOK", "integer", "taxpayer",
        aliases=("interest_claimed", "gjeldsrenter"),
    ),
    Feature(
        "gjeld",
        text("Gjeld", "Gjeld", "Debt"),
        text(
            "Samlet gjeld til norske långivere ved årets slutt.",
            "Samla gjeld til norske långjevarar ved slutten av året.",
            "Total debt to Norwegian lenders at the end of the year.",
        ),
        "NOK", "integer", "register",
        aliases=("debt", "total_debt", "sum_gjeld"),
    ),
    Feature(
        "eier_bolig",
        text("Eier bolig", "Eig bustad", "Owns a home"),
        text(
            "1 når skattyteren eier boligen sin, ellers 0.",
            "1 når skattytaren eig bustaden sin, elles 0.",
            "1 when the taxpayer owns their home, otherwise 0.",
        ),
        "flag", "binary", "register",
        aliases=("owns_home", "home_owner", "boligeier"),
    ),
    Feature(
        "antall_poster_endret",
        text("Antall poster endret", "Talet på postar endra", "Items changed"),
        text(
            "Hvor mange poster skattyteren har lagt til eller endret i forhold til det forhåndsutfylte.",
            "Kor mange postar skattytaren har lagt til eller endra samanlikna med det førehandsutfylte.",
            "How many items the taxpayer added or changed compared with the pre-filled return.",
        ),
        "count", "integer", "derived",
        aliases=("items_changed", "number_of_items_changed", "poster_endret"),
    ),
    Feature(
        "endring_fra_forhandsutfylt",
        text("Endring fra forhåndsutfylt", "Endring frå førehandsutfylt", "Change from pre-filled"),
        text(
            "Sum av fradrag skattyteren har lagt til, minus det som er trukket fra, i forhold til det forhåndsutfylte.",
            "Sum av frådrag skattytaren har lagt til, minus det som er trekt frå, samanlikna med det førehandsutfylte.",
            "Deductions the taxpayer added minus those removed, compared with the pre-filled return.",
        ),
        "NOK", "integer", "derived", nonnegative=False,
        aliases=("change_from_prefilled", "endring_fra_forhåndsutfylt", "endring_forhandsutfylt"),
    ),
    Feature(
        "fjorarets_sum_fradrag",
        text("Fjorårets sum fradrag", "Sum frådrag i fjor", "Last year's total deductions"),
        text(
            "Sum av fradragene (utenom minstefradrag) i fjorårets fastsetting; tom når det ikke fantes noen fastsetting i fjor.",
            "Sum av frådraga (utanom minstefrådrag) i fjorårets fastsetjing; tom når det ikkje fanst noka fastsetjing i fjor.",
            "Total deductions (except the standard deduction) in last year's assessment; empty when there was no assessment last year.",
        ),
        "NOK", "integer", "register", nullable=True,
        aliases=("last_year_total_deductions", "fjorårets_sum_fradrag", "sum_fradrag_i_fjor"),
    ),
    Feature(
        "fjorarets_reisefradrag",
        text("Fjorårets reisefradrag", "Reisefrådrag i fjor", "Last year's travel deduction"),
        text(
            "Reisefradraget i fjorårets fastsetting; tom når det ikke fantes noen fastsetting i fjor.",
            "Reisefrådraget i fjorårets fastsetjing; tom når det ikkje fanst noka fastsetjing i fjor.",
            "The travel deduction in last year's assessment; empty when there was no assessment last year.",
        ),
        "NOK", "integer", "register", nullable=True,
        aliases=("last_year_travel_deduction", "fjorårets_reisefradrag", "reisefradrag_i_fjor"),
    ),
    Feature(
        "tidligere_kontrollert_endret",
        text("Tidligere kontrollert og endret", "Tidlegare kontrollert og endra", "Previously audited and changed"),
        text(
            "1 når en tidligere skattemelding ble kontrollert og endret av Skatteetaten, ellers 0.",
            "1 når ei tidlegare skattemelding vart kontrollert og endra av Skatteetaten, elles 0.",
            "1 when an earlier return was audited and changed by the tax administration, otherwise 0.",
        ),
        "flag", "binary", "register",
        aliases=("previously_audited_changed", "tidligere_endret", "previously_changed"),
    ),
)

FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)
FEATURE_BY_NAME = {f.name: f for f in FEATURES}

# Column order of every extract the generator writes.
ALL_COLUMNS: tuple[str, ...] = (ID_COLUMN, *PASSTHROUGH_COLUMNS, *FEATURE_NAMES, LABEL_COLUMN, *GROUND_TRUTH_COLUMNS)
# The demo sample and drift fixtures: what a real extract would hold (no ground truth).
EXTRACT_COLUMNS: tuple[str, ...] = (ID_COLUMN, *PASSTHROUGH_COLUMNS, *FEATURE_NAMES, LABEL_COLUMN)

LABEL_TEXT = text(
    "Feil fradrag funnet ved kontroll (1 = ja, 0 = nei)",
    "Feil frådrag funne ved kontroll (1 = ja, 0 = nei)",
    "Incorrect deduction found by a control (1 = yes, 0 = no)",
)
LABEL_ALIASES = ("incorrect_deduction", "feil", "label", "utfall")
