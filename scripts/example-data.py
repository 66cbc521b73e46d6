#!/usr/bin/env python3
"""Synthetic data for scripts/build-example (no real people or case numbers).

  example-data.py populations WORK STICKPROV   write the population files into WORK
  example-data.py results WORK STICKPROV       fill the worksheets urval-*.csv in WORK

The review populations are built so that the drawn items fall on as many officers as
the 2023 appendix reports (13, 13 and 16 socialsekreterare): the keys are written first,
`stickprov sample` says which are drawn under the round's published seed, and officers
are then assigned. The seed is never chosen by trying several.
"""
import csv
import random
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


if __name__ == "__main__":
    command, work, stickprov = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    {"populations": populations, "results": results}[command](work, stickprov)
