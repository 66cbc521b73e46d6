#!/usr/bin/env python3
"""Synthetic data (no real people or case numbers) for scripts/build-example and the README's walk.

  example-data.py walk [DIR] [STICKPROV]        the files the README's walk through the year reads
                                                (exports, sheets, texts), written into DIR (default:
                                                the current folder); STICKPROV: the one on PATH, else
                                                the one swift build made here
  example-data.py populations WORK STICKPROV   write the population files into WORK
  example-data.py results WORK STICKPROV       fill the worksheets urval-*.csv in WORK

The review populations are built so that the drawn items fall on as many officers as
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


def fill(sheet, decide, reviewer, day):
    with open(sheet, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header = rows[0]
    col = {name: header.index(name) for name in header}
    items = [r for r in rows[1:] if not r[col["Nr"]].startswith("Reserv")]
    for index, row in enumerate(items):
        result, kind, note = decide(index, row, col)
        row[col["Resultat"]], row[col["Typ av anmärkning"]], row[col["Kommentar"]] = result, kind, note
        row[col["Granskad av"]], row[col["Datum"]] = reviewer, day
    write(sheet.with_name("ifylld-" + sheet.name[len("urval-"):]), header, rows[1:])


def results(work, stickprov):
    months = ["01-31", "02-28", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"]
    for n in range(1, 13):
        def k1(index, row, col, n=n):
            if n == 5 and index == 6:
                return "anmärkning", "Åtkomst utan koppling till ärende", "Åtgärdat av enhetschef"
            return "ok", "", ""
        fill(work / f"urval-K1-{n}.csv", k1, "Enhetschef", f"2023-{months[n - 1]}")

    def k2(index, row, col):
        adults = row[col["Stratum"]] == "Placering vuxna"
        position = index if adults else index - 10
        ok = position < 1 if adults else position < 11
        return ("ok", "", "") if ok else ("anmärkning", "Ekonomisk bedömning saknas", "")
    fill(work / "urval-K2-1.csv", k2, "Avgiftshandläggare", "2023-11-30")

    for n, (day, (size, _)) in enumerate(ROUNDS.items(), start=1):
        remarks = size - 11
        weights = [6, 4, 2, 2] if remarks == 14 else [7, 5, 3, 3]
        kinds = [kind for kind, w in zip(K3_KINDS, weights) for _ in range(w)]
        def k3(index, row, col, kinds=kinds):
            return ("ok", "", "") if index % 2 == 0 and index < 22 else ("anmärkning", kinds.pop(0), "")
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


def walk(work, stickprov):
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
    texts = Path(__file__).resolve().parent / "example-texts"
    shutil.copyfile(texts / "K3-årsbokslut-resultat.txt", work / "k3.txt")
    shutil.copyfile(texts / "K3-årsbokslut-atgarder.txt", work / "k3-atg.txt")
    shutil.copyfile(texts / "bilaga2-2023.csv", work / "bilaga2-2023.csv")
    shutil.copyfile(texts / "bilaga2-kommentar.txt", work / "bilaga2-kommentar.txt")
    for name in sorted(os.listdir(work)):
        print(name)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "walk":
        walk(Path(sys.argv[2] if len(sys.argv) > 2 else "."), sys.argv[3] if len(sys.argv) > 3 else built_stickprov())
        sys.exit(0)
    command, work, stickprov = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    {"populations": populations, "results": results}[command](work, stickprov)
