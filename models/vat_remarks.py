"""The free-text remarks (*merknad*) of the synthetic VAT returns: phrases per kind, typos, abbreviations.

DOMAIN.md ("VAT returns and their remarks"): remarks are short, often empty, sometimes English,
with typos and abbreviations. Errors show in "privat", "feilført", "kreditnota" without the
matching reduction, vague or copied remarks ("se vedlegg" with nothing attached); legitimate
spikes are explained ("investering i maskin", "sesong", "forskuddsbetaling"). Every signal
word also occurs in look-alikes (VAT_DATA.md), so no word decides alone.
"""

from __future__ import annotations

import numpy as np

PHRASES: dict[str, tuple[str, ...]] = {
    # V1: private purchases deducted.
    "private": (
        "privat", "privatkjøp", "Privat innkjøp", "kjøp til hytta", "mobil til kona", "tv til hjemmet",
        "privat bruk av bil", "private purchase", "bought for private use", "ferie", "diverse privat",
        "møbler hjemme", "gave til familie", "hagemøbler privat",
    ),
    # V2: a wrong booking deducted again.
    "misbooked": (
        "feilført", "feilført forrige termin", "feilføring rettet", "korr. feilført faktura", "feilført bilag",
        "Feilført i regnskapet", "wrongly booked last term", "rettet feilføring, lagt til",
    ),
    # V3: a credit note named, the reduction not made.
    "credit": (
        "kreditnota", "kreditnota mottatt", "kreditnota fra leverandør", "kreditnota, se bilag",
        "credit note received", "kred.nota", "kreditnota leverandør mars",
    ),
    # V4: vague or copied.
    "vague": (
        "se vedlegg", "Se vedlegg", "diverse", "div.", "som forrige termin", "iht. avtale", "ok",
        "jfr. tidligere", "Viser til tidligere korrespondanse", "see attachment", "kopi av forrige melding",
        "samme som sist", "diverse kostnader",
    ),
    # L1: the private share taken out (correct).
    "private_removed": (
        "privat andel trukket ut", "privat andel tilbakeført", "korrigert for privat bruk",
        "private share removed", "fradrag redusert for privat andel", "privat del ikke fradragsført",
    ),
    # L2: a wrong booking corrected downwards (correct).
    "misbooked_down": (
        "feilført, korrigert ned", "feilføring tilbakeført", "feilført i forrige termin, redusert fradrag",
        "reversed wrong booking", "korr. av feilført bilag, trukket fra",
    ),
    # L3: a credit note with its reduction (correct).
    "credit_matched": (
        "kreditnota trukket fra", "kreditnota, fradrag redusert", "kreditnota motregnet",
        "credit note deducted", "kreditnota bokført mot faktura",
    ),
    # L4: a legitimate spike explained.
    "spike_explained": (
        "investering i maskin", "investering i ny maskin", "ny varebil til firmaet", "sesong", "høysesong",
        "sesongvarer", "forskuddsbetaling varelager", "forskuddsbetaling leverandør", "innkjøp av utstyr",
        "new machine for the workshop", "seasonal stock", "oppgradering av lokaler", "innkjøp før sesong",
    ),
    # Everyday remarks of honest returns.
    "ordinary": (
        "ingen merknad", "normal drift", "økt salg", "lavere salg i terminen", "rettet omsetning",
        "ny kunde", "ferieavvikling", "ingen endring", "normal termin", "quiet term", "salg på messe",
        "endret regnskapsbyrå", "purret faktura betalt",
    ),
}

ABBREVIATIONS = (("korrigert", "korr."), ("forrige", "forr."), ("termin", "term."), ("leverandør", "lev."))


def typo(rng: np.random.Generator, s: str) -> str:
    """One dropped, doubled or swapped letter somewhere inside a word."""
    if len(s) < 4:
        return s
    i = int(rng.integers(1, len(s) - 1))
    kind = int(rng.integers(0, 3))
    if kind == 0:
        return s[:i] + s[i + 1:]
    if kind == 1:
        return s[:i] + s[i] + s[i:]
    return s[:i - 1] + s[i] + s[i - 1] + s[i + 1:]


def remark(rng: np.random.Generator, kind: str) -> str:
    s = PHRASES[kind][int(rng.integers(0, len(PHRASES[kind])))]
    if rng.random() < 0.15:
        for long, short in ABBREVIATIONS:
            s = s.replace(long, short)
    if rng.random() < 0.12:
        s = typo(rng, s)
    u = rng.random()
    if u < 0.1:
        s = s.upper()
    elif u < 0.3:
        s = s.lower()
    if rng.random() < 0.1:
        s = s + ", " + PHRASES["ordinary"][int(rng.integers(0, len(PHRASES["ordinary"])))]
    return s


def remarks(rng: np.random.Generator, kinds: np.ndarray) -> np.ndarray:
    """One remark per row of the kind named ('' leaves the remark empty), drawn in row order."""
    return np.array([remark(rng, k) if k else "" for k in kinds], dtype=object)
