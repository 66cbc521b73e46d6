#!/usr/bin/env python3
"""Synthetic data (no real people or case numbers) for scripts/build-example and the README's walk.

  example-data.py walk [DIR] [STICKPROV]        the files the README's walk through the year reads
                                                (exports, sheets, texts), written into DIR (default:
                                                the current folder); STICKPROV: the one on PATH, else
                                                the one swift build made here
  example-data.py NAME populations WORK STICKPROV            write example NAME's exports into WORK
  example-data.py NAME results WORK STICKPROV [DRAW-ID…]     fill the worksheets urval-DRAW-ID.csv in
                                                              WORK (default: all) as ifylld-DRAW-ID.csv

socialnamnden-2023: the review populations are built so that the drawn items fall on as many officers as
the 2023 appendix reports (13, 13 and 16 socialsekreterare): the keys are written first,
`stickprov sample` says which are drawn under the round's published seed, and officers
are then assigned. The seed is never chosen by trying several.
"""
import csv
import datetime
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROUNDS = {"2023-02-15": (25, 13), "2023-05-15": (25, 13), "2023-10-15": (29, 16)}
OFFICERS = [f"Socialsekreterare {i:02d}" for i in range(1, 21)]
UNITS = ["Vuxen", "Barn och unga", "Försörjningsstöd", "LSS"]


def write(path, header, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def sample(stickprov, path, key, seed, size):
    out = subprocess.run([stickprov, "sample", str(path), "--key", key, "--seed", seed, "--size", str(size)],
                         check=True, capture_output=True, text=True).stdout
    return out.split()


def populations(work, stickprov):
    rng = random.Random(2023)
    write(work / "handlaggare.csv", ["Användare", "Enhet", "Chef"],
          [[f"hl{i:03d}", f"Enhet {UNITS[i % 4]}", f"Enhetschef {UNITS[i % 4]}"] for i in range(1, 61)])
    placements = [[f"SN-2023-{4000 + i}", "Placering vuxna" if i < 18 else "Placering barn och unga",
                   rng.choice(OFFICERS)] for i in range(62)]
    write(work / "placeringar.csv", ["Ärendenummer", "Placeringstyp", "Handläggare"], placements)
    for n, (day, (size, officers)) in enumerate(ROUNDS.items()):
        keys = [f"SN-2023-{1000 * (n + 1) + i:04d}" for i in range(160)]
        keys_only = work / f"keys-{day}.csv"
        write(keys_only, ["Ärendenummer"], [[k] for k in keys])
        drawn = sample(stickprov, keys_only, "Ärendenummer", f"Socialnämnden granskning {day}", size)
        keys_only.unlink()
        chosen = rng.sample(OFFICERS, officers)
        assigned = {key: chosen[i % officers] for i, key in enumerate(drawn)}
        rows = [[k, assigned.get(k, rng.choice(OFFICERS))] for k in keys]
        write(work / f"utredningar-{day}.csv", ["Ärendenummer", "Handläggare"], rows)


K3_KINDS = ["Handläggningsåtgärder ej dokumenterade", "Kommunicering av beslutsunderlag ej dokumenterad",
            "Underrättelse om beslut saknas", "Motivering av beslutsskäl saknas"]


def outcome(result, kind="", note=""):
    """A worksheet row's result columns."""
    return {"Resultat": result, "Typ av anmärkning": kind, "Kommentar": note}


def fill(sheet, decide, reviewer, day):
    """Fills urval-X.csv as a reviewer would and saves it as ifylld-X.csv: `decide(index, row, col)`
    gives the columns to fill (by header name) for the index-th sampled item (spares are left)."""
    with open(sheet, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header = rows[0]
    col = {name: header.index(name) for name in header}
    items = [r for r in rows[1:] if not r[col["Nr"]].startswith("Reserv")]
    for index, row in enumerate(items):
        for name, text in decide(index, row, col).items():
            row[col[name]] = text
        row[col["Granskad av"]], row[col["Datum"]] = reviewer, day
    write(sheet.with_name("ifylld-" + sheet.name[len("urval-"):]), header, rows[1:])


def wanted(work, draws):
    """The worksheets to fill: urval-DRAW.csv for the draws named, else all in WORK."""
    return [work / f"urval-{d}.csv" for d in draws] if draws else sorted(work.glob("urval-*.csv"))


def results(work, stickprov, draws=()):
    months = ["01-31", "02-28", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"]
    for n in range(1, 13):
        def k1(index, row, col, n=n):
            if n == 5 and index == 6:
                return outcome("anmärkning", "Åtkomst utan koppling till ärende", "Åtgärdat av enhetschef")
            return outcome("ok")
        fill(work / f"urval-K1-{n}.csv", k1, "Enhetschef", f"2023-{months[n - 1]}")

    def k2(index, row, col):
        adults = row[col["Stratum"]] == "Placering vuxna"
        position = index if adults else index - 10
        ok = position < 1 if adults else position < 11
        return outcome("ok") if ok else outcome("anmärkning", "Ekonomisk bedömning saknas")
    fill(work / "urval-K2-1.csv", k2, "Avgiftshandläggare", "2023-11-30")

    for n, (day, (size, _)) in enumerate(ROUNDS.items(), start=1):
        remarks = size - 11
        weights = [6, 4, 2, 2] if remarks == 14 else [7, 5, 3, 3]
        kinds = [kind for kind, w in zip(K3_KINDS, weights) for _ in range(w)]
        def k3(index, row, col, kinds=kinds):
            return outcome("ok") if index % 2 == 0 and index < 22 else outcome("anmärkning", kinds.pop(0))
        fill(work / f"urval-K3-{n}.csv", k3, "Rättshandläggare", day)


# The README's walk names these seeds and keys; the files are built so that the keys it records are
# drawn under the seeds it gives (the other keys are dropped until they are, never the seed changed).
WALK_REVIEW_SEED, WALK_REVIEW_KEY, WALK_REVIEW_SIZE = "Socialnämnden 2023-02-15", "SN-2023-0412", 25
WALK_LOG_SEED, WALK_LOG_OFFICERS, WALK_LOG_SIZE = "Socialnämnden loggkontroll 2023-03", ["anna.berg", "per.ek"], 15
FIRST = ["anna", "per", "karin", "lars", "eva", "johan", "maria", "erik", "lena", "anders", "sara", "nils",
         "ingrid", "olof", "emma", "jonas", "frida", "mats", "elin", "peter", "sofia", "magnus"]
LAST = ["berg", "ek", "lind", "holm", "strand", "nyström", "sjöberg", "dahl", "falk", "wik"]


def ranked(stickprov, work, key, keys, seed):
    """Every key in the order `stickprov sample` draws them under `seed`."""
    scratch = work / ".keys.csv"
    write(scratch, [key], [[k] for k in keys])
    try:
        return sample(stickprov, scratch, key, seed, len(keys))
    finally:
        scratch.unlink()


def keeping_drawn(order, wanted, size):
    """The keys of `order` (rank order) less those ranked before the last wanted key beyond
    the first `size - len(wanted)`, so that every wanted key is among the first `size`."""
    last = max(order.index(k) for k in wanted)
    before = [k for k in order[:last] if k not in wanted][: size - len(wanted)]
    return [k for k in order if k in before or k in wanted or order.index(k) > last]


def built_stickprov():
    """`stickprov` on PATH, else the one `swift build` made in this repository."""
    found = shutil.which("stickprov")
    if found:
        return found
    root = Path(__file__).resolve().parent.parent
    for build in ("release", "debug"):
        if os.access(root / ".build" / build / "stickprov", os.X_OK):
            return str(root / ".build" / build / "stickprov")
    sys.exit("example-data.py: no stickprov on PATH and none built here; run 'swift build' first")


WALK_FILES = ["utredningar-feb.csv", "handlaggare.csv", "behorighetslogg-2023-03.csv", "utbetalningar-mars.csv",
              "internkontrollplan-2023.csv", "riskanalys-2023.csv", "k3.txt", "k3-atg.txt", "bilaga2-2023.csv",
              "bilaga2-kommentar.txt"]


def walk(work, stickprov):
    # Never over a user's own exports of the same names: the folder must not hold any of them yet.
    there = [name for name in WALK_FILES if (work / name).exists()]
    if there:
        sys.exit(f"example-data.py: {work} already holds {', '.join(there)}; "
                 "synthetic files are written only into a folder without them (choose a new one)")
    rng = random.Random(2024)
    work.mkdir(parents=True, exist_ok=True)
    # K3's review: the cases of February, the key the README records among the 25 drawn.
    cases = [f"SN-2023-{n:04d}" for n in range(380, 560)]
    order = ranked(stickprov, work, "Ärendenummer", cases, WALK_REVIEW_SEED)
    kept = set(keeping_drawn(order, [WALK_REVIEW_KEY], WALK_REVIEW_SIZE))
    write(work / "utredningar-feb.csv", ["Ärendenummer", "Handläggare"],
          [[k, rng.choice(OFFICERS)] for k in cases if k in kept])
    # K1's log check: the officer list, with the two officers the README records among the 15 drawn.
    users = [f"{f}.{l}" for f in FIRST for l in LAST]
    rng.shuffle(users)
    users = WALK_LOG_OFFICERS + [u for u in users if u not in WALK_LOG_OFFICERS][:58]
    order = ranked(stickprov, work, "Användare", users, WALK_LOG_SEED + "/users")
    kept = keeping_drawn(order, WALK_LOG_OFFICERS, WALK_LOG_SIZE)
    officers = [u for u in users if u in kept]
    unit = {u: UNITS[i % 4] for i, u in enumerate(officers)}
    write(work / "handlaggare.csv", ["Användare", "Enhet", "Chef"],
          [[u, f"Enhet {unit[u]}", f"Enhetschef {unit[u]}"] for u in officers])
    # The access log: every ISO week that can be March's (2023-W09 starts 27 February, W13 ends 2 April).
    rows, day = [], datetime.datetime(2023, 2, 27, 7, 0)
    while day < datetime.datetime(2023, 4, 3):
        for u in officers:
            for _ in range(rng.randrange(0, 4)):
                t = day + datetime.timedelta(minutes=rng.randrange(0, 10 * 60))
                rows.append([t.strftime("%Y-%m-%d %H:%M:%S"), u, u.replace(".", " ").title(), f"Enhet {unit[u]}",
                             f"SN-2023-{rng.randrange(100, 999):04d}", rng.choice(["Läst", "Ändrat"]),
                             rng.choice(["Journalanteckning", "Utredning", "Beslut; delegation"])])
        day += datetime.timedelta(days=1)
    rows.sort()
    write(work / "behorighetslogg-2023-03.csv",
          ["Tidpunkt", "Användare", "Namn", "Enhet", "Ärendenummer", "Händelse", "Beskrivning"], rows)
    # K6: the payments of March, a few of them above the certain-from amount.
    payments = [[f"V{23000 + n}", f"{rng.randrange(100_000, 250_000) if n % 40 == 0 else rng.randrange(8_000, 60_000)},"
                 f"{rng.randrange(0, 100):02d}"] for n in range(400)]
    write(work / "utbetalningar-mars.csv", ["Verifikation", "Belopp"], payments)
    # A second committee's plan as typed in Excel, and the risk analysis as a sheet.
    write(work / "internkontrollplan-2023.csv",
          ["Id", "Identifierad risk", "Kontrollmoment", "Metod", "Frekvens", "Uppföljningsansvarig"],
          [["BUN 1", "Att barn inte får det stöd de har rätt till", "Att beslut om särskilt stöd är dokumenterade",
            "Stickprov", "2 ggr/år", "Rektor"],
           ["BUN 2", "Att barn inte får det stöd de har rätt till", "Att åtgärdsprogram följs upp",
            "Granskning", "Årligen", "Elevhälsochef"],
           ["BUN 3", "Att fakturor betalas felaktigt", "Att fakturor attesteras enligt attestordning",
            "Kontroll", "Löpande", "Controller"]])
    write(work / "riskanalys-2023.csv", ["Identifierad risk", "Sannolikhet", "Konsekvens", "Hantering", "Hur"],
          [["Att vi till delar inte har säkerställt att vi har en rättssäker myndighetsutövning", "3", "4",
            "kontrollpunkt", ""],
           ["Att vi inte nyttjar digitala möjligheter i tillräcklig grad", "3", "3", "kontrollpunkt", ""],
           ["Att vi inte kan rekrytera och behålla socialsekreterare med rätt kompetens", "3", "2", "annat",
            "förvaltningens uppföljning av kritiska verksamhetsfaktorer"],
           ["Att kostnaderna för externa placeringar överstiger budget", "2", "3", "mål", "En ekonomi i balans"]])
    # The officer's texts, and Bilaga 2's sheet and comment, as the bundled example has them.
    texts = Path(__file__).resolve().parent / "example-texts" / "socialnamnden-2023"
    shutil.copyfile(texts / "K3-årsbokslut-resultat.txt", work / "k3.txt")
    shutil.copyfile(texts / "K3-årsbokslut-atgarder.txt", work / "k3-atg.txt")
    shutil.copyfile(texts / "bilaga2-2023.csv", work / "bilaga2-2023.csv")
    shutil.copyfile(texts / "bilaga2-kommentar.txt", work / "bilaga2-kommentar.txt")
    for name in WALK_FILES:
        print(work / name)


# vardomsorg-2024: a care committee's exports. Decision numbers, invoice numbers and employment
# numbers are made up; officers and providers are roles and letters, never names.

STRATA = {"SoL hemtjänst": (480, 512), "SoL korttidsboende": (140, 126), "SoL särskilt boende": (90, 84), "LSS": (64, 60)}
K1_CRITERIA = ["Följsamhet till nämndens riktlinjer", "Kodning och motivering av avvikelse från riktlinjerna",
               "Uppföljning av tidsbegränsat beslut innan det upphör", "Uppföljning mot målen i genomförandeplanen"]
SOSFS = ["Handläggningsåtgärder dokumenterade", "Kommunicering av beslutsunderlag", "Underrättelse om beslut",
         "Motivering av beslutsskäl"]


def care_populations(work, stickprov):
    number = 10000
    for half in (0, 1):
        rows = []
        for stratum, sizes in STRATA.items():
            for _ in range(sizes[half]):
                number += 7
                rows.append([f"VO-2024-{number}", stratum, f"Biståndshandläggare {number % 14 + 1:02d}"])
        write(work / f"beslut-2024-H{half + 1}.csv", ["Beslutsnummer", "Beslutstyp", "Handläggare"], rows)
    write(work / "utredningar-lss-2024.csv", ["Ärendenummer"], [[f"LSS-2024-{i:03d}"] for i in range(1, 87)])
    write(work / "avgiftsbeslut-2024-03.csv", ["Ärendenummer", "Insats"],
          [[f"AVG-2024-{i:04d}", "Hemtjänst" if i % 3 else "Särskilt boende"] for i in range(1, 241)])
    write(work / "fakturor-2024-02.csv", ["Fakturanummer", "Utförare"],
          [[f"F-2024-{3100 + i}", f"Utförare {'ABCDE'[i % 5]}"] for i in range(1, 96)])
    write(work / "anstallningar-lss-2024.csv", ["Anställningsnummer"], [[f"A-{23000 + 11 * i}"] for i in range(1, 58)])


def criteria(texts, results):
    """The criteria columns of one row: `results` holds one word per criterion, in order."""
    return dict(zip(texts, results))


def journal_review(half):
    """K1: each sampled decision against the four criteria. Per decision type, a few decisions
    deviate from the guidelines (most of them coded and motivated), time-limited decisions
    (home care and short stays) are mostly followed up in time, and follow-up against goals
    lags in home care. Two decisions of the second half-year could not be reviewed."""
    rng = random.Random(2024 + half)
    guideline = {"SoL hemtjänst": 0.94, "SoL korttidsboende": 1.0, "SoL särskilt boende": 0.9, "LSS": 1.0}
    timely = {"SoL hemtjänst": 0.92, "SoL korttidsboende": 1.0, "SoL särskilt boende": None, "LSS": 0.95}
    goals = {"SoL hemtjänst": 0.88 if half == 1 else 0.93, "SoL korttidsboende": 1.0, "SoL särskilt boende": 0.95, "LSS": 1.0}

    def decide(index, row, col):
        stratum = row[col["Stratum"]]
        if half == 2 and stratum == "SoL särskilt boende" and index % 40 == 37:
            return outcome("ej granskad", note="Ärendet har flyttats till en annan kommun")
        follows = rng.random() < guideline[stratum]
        coded = "ej tillämpligt" if follows else ("uppfyllt" if rng.random() < 0.7 else "anmärkning")
        limit = timely[stratum]
        followed_up = "ej tillämpligt" if limit is None else ("uppfyllt" if rng.random() < limit else "anmärkning")
        goal = "uppfyllt" if rng.random() < goals[stratum] else "anmärkning"
        if half == 2 and stratum == "LSS" and index % 50 == 3:
            goal = "ej granskad: genomförandeplanen finns hos utföraren och var inte tillgänglig"
        return criteria(K1_CRITERIA, ["uppfyllt" if follows else "anmärkning", coded, followed_up, goal])
    return decide


def lss_review(index, row, col):
    """K2: twelve LSS investigations against SOSFS 2014:5; communication missing in two, reasons in one."""
    results = ["uppfyllt"] * 4
    if index in (2, 9):
        results[1] = "anmärkning"
    if index == 5:
        results[3] = "anmärkning"
    return criteria(SOSFS, results)


def care_results(work, stickprov, draws=()):
    reviewers = {"K1-1": ("Kvalitetsutvecklare", "2024-08-16", journal_review(1)),
                 "K1-2": ("Kvalitetsutvecklare", "2025-01-17", journal_review(2)),
                 "K2-1": ("Enhetschef myndighet LSS", "2024-11-04", lss_review),
                 "K7-1": ("Avgiftshandläggare", "2024-04-26",
                          lambda i, row, col: outcome("anmärkning", "Inkomstuppgifterna är inte aktuella") if i in (4, 13)
                          else outcome("anmärkning", "Bostadskostnaden är felaktigt beräknad") if i == 17 else outcome("ok")),
                 "K8-1": ("Controller", "2024-03-27",
                          lambda i, row, col: outcome("anmärkning", "Fakturerad tid överstiger registrerad tid",
                                                      "Kreditfaktura begärd") if i == 6 else outcome("ok")),
                 "K9-1": ("HR-specialist", "2024-06-04",
                          lambda i, row, col: outcome("anmärkning", "Utdraget kontrollerades först efter anställningens början")
                          if i == 8 else outcome("ej granskad", note="Anställningen avslutades under provanställningen")
                          if i == 12 else outcome("ok"))}
    for sheet in wanted(work, draws):
        draw = sheet.stem[len("urval-"):]
        reviewer, day, decide = reviewers[draw]
        fill(sheet, decide, reviewer, day)


EXAMPLES = {"socialnamnden-2023": {"populations": populations, "results": results},
            "vardomsorg-2024": {"populations": care_populations, "results": care_results}}

if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "walk":
        walk(Path(sys.argv[2] if len(sys.argv) > 2 else "."), sys.argv[3] if len(sys.argv) > 3 else built_stickprov())
        sys.exit(0)
    name, command, work, stickprov = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]
    steps = EXAMPLES[name][command]
    steps(work, stickprov, sys.argv[5:]) if command == "results" else steps(work, stickprov)
