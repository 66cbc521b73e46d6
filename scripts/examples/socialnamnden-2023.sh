# Steps of the worked example Plans/socialnamnden-2023 (sourced by scripts/build-example):
# Socialnämnden's 2023 plan and a year of draws, results, measurements and assessments that
# reproduce the published year-end appendix.

# The example was entered after the fact, in January 2024: every line carries that time.
on 2024-01-15
"$S" plan init --plan "$P" --committee Socialnämnden --year 2023 --title 'Internkontrollplan 2023' >/dev/null
q plan add-risk --text 'Att vi till delar inte har säkerställt att vi har en rättssäker myndighetsutövning' \
    --probability 3 --consequence 4
q plan add-control --risk R1 --text 'Att obehöriga personer ej går in i ärenden' --method stickprov \
    --cadence månadsvis --responsible Systemförvaltare --log-check-users 15 --key-column Användare --carry Enhet \
    --remark-kind 'Åtkomst utan koppling till ärende' --item-noun 'en kontroll/kontroller'
q plan add-control --risk R1 --text 'Att vi har likabehandling i avgiftshanteringen' --method stickprov \
    --cadence årligen --responsible 'Enhetschef ekonomi' --stratum-rule 'Placering vuxna=10' \
    --stratum-rule 'Placering barn och unga=15' --key-column Ärendenummer --stratum-column Placeringstyp \
    --remark-kind 'Ekonomisk bedömning saknas'
q plan add-control --risk R1 --text 'Att vi har en rättssäker handläggning inom vuxenområdet' --method granskning \
    --cadence 2023-02-15,2023-05-15,2023-10-15 --responsible Rättshandläggare --count 25 \
    --key-column Ärendenummer --carry Handläggare --item-noun 'en utredning/utredningar' \
    --officer-noun 'en socialsekreterare/socialsekreterare' \
    --remark-kind 'Handläggningsåtgärder ej dokumenterade' --remark-kind 'Kommunicering av beslutsunderlag ej dokumenterad' \
    --remark-kind 'Underrättelse om beslut saknas' --remark-kind 'Motivering av beslutsskäl saknas'
q plan add-risk --text 'Att vi inte nyttjar digitala möjligheter i tillräcklig grad' --probability 3 --consequence 3
q plan add-control --risk R2 --text 'Att antal ansökningar av försörjningsstöd via e-tjänst ökar' --method measurement \
    --method-label 'Kontroll av antal e-ansökningar' --cadence halvårsvis --responsible 'Enhetschef försörjningsstöd'
# The rest of the risk analysis: risks handled elsewhere, without control points.
q plan add-risk --text 'Att vi inte kan rekrytera och behålla socialsekreterare med rätt kompetens' \
    --probability 3 --consequence 2
q plan handle-risk R3 --as elsewhere \
    --text 'förvaltningens uppföljning av kritiska verksamhetsfaktorer utifrån perspektiven ekonomi, målgrupp, verksamhet och medarbetare'
q plan add-risk --text 'Att kostnaderna för externa placeringar överstiger budget' --probability 2 --consequence 3
q plan handle-risk R4 --as goal --text 'En ekonomi i balans'

# The committee adopts the plan: its hash is pinned in the journal.
q plan adopt --date 2022-12-14 --paragraph '§ 123'

data populations

# K1: the monthly log check, 15 officers and one week; one remark in the year.
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
  w draw K1 --population handlaggare.csv --month "2023-$m" \
      --seed "Socialnämnden loggkontroll 2023-$m" --date "2023-$m-01" --out "urval-K1-$((10#$m)).csv"
done
# K2: one stratified draw of placements.
w draw K2 --population placeringar.csv --seed 'Socialnämnden avgifter 2023' \
    --period 2023-11-15 --date 2023-11-15 --out urval-K2-1.csv
# K3: three review rounds.
n=0
for round in 2023-02-15:25 2023-05-15:25 2023-10-15:29; do
  day=${round%:*}; size=${round#*:}; n=$((n + 1))
  w draw K3 --population "utredningar-$day.csv" --seed "Socialnämnden granskning $day" \
      --size "$size" --period "$day" --date "$day" --out "urval-K3-$n.csv"
done

# An amendment during the year: the fee checks move to the unit that handles fees.
q plan edit K2 --responsible 'Enhetschef avgifter' --decision 'SN 2023-06-14 § 77'

data results
record_sheets

q measure K4 --value 37 --unit % --target 50 --date 2022-12-31 --note 'Utgångsläge december 2022'
q measure K4 --value 42 --unit % --target 50 --date 2023-08-31
q measure K4 --value 48 --unit % --target 50 --date 2023-12-31

# Dated as the committee made them: the interim's in September, the year end's in January.
assess_from_texts delår 2023-09-20
assess_from_texts årsbokslut 2024-01-15

# Bilaga 2: the year's follow-up of two contracts with private providers, and the comment on it.
q provider import "$T/bilaga2-2023.csv"
q provider comment --text-file "$T/bilaga2-kommentar.txt"
