# Steps of the worked example Plans/vardomsorg-2024 (sourced by scripts/build-example): a
# synthetic care committee's 2024, assessed per risk area (kontrollområde). Five areas: one
# followed up at the interim only (R4), one at the year end only (R3), the others at both (R5
# holds a control point concluded at the interim). The journal review (K1) draws one stratified
# sample of decisions per half-year and checks each decision against four criteria; K2 checks
# LSS investigations against the SOSFS 2014:5 checklist. Measurements of counts (with what they
# are counts of), shares and days. Every command is dated as the year would have it.

on 2023-11-06
"$S" plan init --plan "$P" --committee 'Vård- och omsorgsnämnden' --year 2024 --title 'Internkontrollplan 2024' \
    --assessment-level risk --report-layout areas >/dev/null

q plan add-risk --text 'Att myndighetsutövningen inte är rättssäker och likvärdig' --probability 3 --consequence 4
q plan add-control --risk R1 --text 'Att biståndsbeslut enligt SoL och LSS följer lagstiftning och nämndens riktlinjer' \
    --method granskning --method-label 'Journalgranskning' --cadence halvårsvis --responsible 'Kvalitetsutvecklare myndighet' \
    --key-column Beslutsnummer --stratum-column Beslutstyp \
    --stratum-rule 'SoL hemtjänst=5%' --stratum-rule 'SoL korttidsboende=5%' \
    --stratum-rule 'SoL särskilt boende=10%' --stratum-rule 'LSS=25%' --item-noun 'ett beslut/beslut'
q plan edit K1 --criterion 'Följsamhet till nämndens riktlinjer' \
    --criterion 'Kodning och motivering av avvikelse från riktlinjerna' \
    --criterion 'Uppföljning av tidsbegränsat beslut innan det upphör' \
    --criterion 'Uppföljning mot målen i genomförandeplanen'
q plan add-control --risk R1 --text 'Att utredningar enligt LSS dokumenteras enligt SOSFS 2014:5' \
    --method granskning --method-label 'Aktgranskning' --cadence 2024-10-15 --follow-up year-end \
    --responsible 'Enhetschef myndighet LSS' --count 12 --key-column Ärendenummer --item-noun 'en utredning/utredningar'
q plan edit K2 --criteria sosfs

q plan add-risk --text 'Att beviljade insatser inte verkställs inom skälig tid' --probability 3 --consequence 3
q plan add-control --risk R2 --text 'Att beslut om särskilt boende verkställs inom tre månader' --method measurement \
    --method-label 'Uppföljning av verkställighet' --cadence halvårsvis --responsible 'Enhetschef myndighet'
q plan add-control --risk R2 --text 'Att ansökningar om bistånd inom äldreomsorgen utreds och beslutas inom 21 dagar' \
    --method measurement --method-label 'Uppföljning av handläggningstid' --cadence halvårsvis \
    --responsible 'Enhetschef myndighet'

q plan add-risk --text 'Att brister i vård och omsorg inte upptäcks och åtgärdas' --probability 3 --consequence 4
q plan add-control --risk R3 --text 'Att avvikelser inom vård och omsorg utreds och åtgärdas inom 30 dagar' \
    --method measurement --method-label 'Uppföljning i avvikelsesystemet' --cadence årligen --follow-up year-end \
    --responsible 'Medicinskt ansvarig sjuksköterska'
q plan add-control --risk R3 --text 'Att boende i särskilt boende har fått en läkemedelsgenomgång under året' \
    --method measurement --method-label 'Uppföljning i journalsystemet' --cadence årligen --follow-up year-end \
    --responsible 'Medicinskt ansvarig sjuksköterska'

q plan add-risk --text 'Att avgifter och ersättningar till utförare blir felaktiga' --probability 2 --consequence 3
q plan add-control --risk R4 --text 'Att avgiftsbeslut inom hemtjänst och särskilt boende är korrekt beräknade' \
    --method stickprov --cadence 2024-04-15 --follow-up interim --responsible 'Enhetschef avgifter' \
    --count 20 --key-column Ärendenummer --item-noun 'ett avgiftsbeslut/avgiftsbeslut' \
    --remark-kind 'Inkomstuppgifterna är inte aktuella' --remark-kind 'Bostadskostnaden är felaktigt beräknad'
q plan add-control --risk R4 --text 'Att ersättningen till utförare inom hemtjänsten motsvarar utförd tid' \
    --method stickprov --method-label 'Stickprov mot tidsregistrering' --cadence 2024-03-11 --follow-up interim \
    --responsible 'Controller' --count 15 --key-column Fakturanummer --carry Utförare \
    --item-noun 'en faktura/fakturor' --remark-kind 'Fakturerad tid överstiger registrerad tid'

q plan add-risk --text 'Att verksamheten saknar medarbetare med rätt kompetens och lämplighet' --probability 3 --consequence 3
q plan add-control --risk R5 --text 'Att utdrag ur belastningsregistret har kontrollerats före anställning inom LSS' \
    --method stickprov --cadence 2024-05-20 --follow-up interim --responsible 'HR-specialist' \
    --count 15 --key-column Anställningsnummer --item-noun 'en anställning/anställningar' \
    --remark-kind 'Utdraget kontrollerades först efter anställningens början'
q plan add-control --risk R5 --text 'Att omvårdnadspersonal har genomgått utbildning i basala hygienrutiner' \
    --method measurement --method-label 'Uppföljning i utbildningsportalen' --cadence halvårsvis \
    --responsible 'Hygiensjuksköterska'

# The rest of the risk analysis: risks handled as a goal or elsewhere.
q plan add-risk --text 'Att kostnaderna för köpta platser överstiger budget' --probability 3 --consequence 2
q plan handle-risk R6 --as goal --text 'En ekonomi i balans'
q plan add-risk --text 'Att nämnden inte kan rekrytera undersköterskor och sjuksköterskor' --probability 3 --consequence 3
q plan handle-risk R7 --as elsewhere --text 'förvaltningens kompetensförsörjningsplan'

on 2023-12-13 14:00
q plan adopt --date 2023-12-13 --paragraph '§ 142'

data populations

# Interim: the checks followed up only at the interim, and the first half-year.
on 2024-03-11
w draw K8 --population fakturor-2024-02.csv --seed 'Vård- och omsorgsnämnden fakturor 2024-02' \
    --period 2024-02 --date 2024-03-11 --out urval-K8-1.csv
on 2024-03-28
data results K8-1
record_sheets K8-1

on 2024-04-15
w draw K7 --population avgiftsbeslut-2024-03.csv --seed 'Vård- och omsorgsnämnden avgifter 2024' \
    --period 2024-03 --date 2024-04-15 --out urval-K7-1.csv
on 2024-04-30
data results K7-1
record_sheets K7-1

on 2024-05-20
w draw K9 --population anstallningar-lss-2024.csv --seed 'Vård- och omsorgsnämnden belastningsregister 2024' \
    --period '2023-11-01–2024-04-30' --date 2024-05-20 --out urval-K9-1.csv
on 2024-06-05
data results K9-1
record_sheets K9-1

# An amendment: the hygiene training is followed up by the medically responsible nurse.
on 2024-06-13
q plan edit K10 --responsible 'Medicinskt ansvarig sjuksköterska' --decision 'VON 2024-06-12 § 64'

on 2024-07-08
w draw K1 --population beslut-2024-H1.csv --seed 'Vård- och omsorgsnämnden journalgranskning 2024-H1' \
    --period 2024-H1 --date 2024-07-08 --out urval-K1-1.csv
q measure K3 --value 41 --unit st --of 46 --of-what 'beslut om särskilt boende' --date 2024-06-30
q measure K4 --value 24 --unit dagar --target 21 --date 2024-06-30 --note 'Genomsnittlig handläggningstid för avslutade ärenden.'
q measure K10 --value 71 --unit % --target 100 --date 2024-06-30
on 2024-08-20
data results K1-1
record_sheets K1-1

on 2024-09-10
assess_from_texts delår

# Year end: the LSS investigations, the second half-year and the year's measurements.
on 2024-10-15
w draw K2 --population utredningar-lss-2024.csv --seed 'Vård- och omsorgsnämnden aktgranskning 2024' \
    --period '2024-01-01–2024-09-30' --date 2024-10-15 --out urval-K2-1.csv
on 2024-11-05
data results K2-1
record_sheets K2-1

on 2025-01-08
w draw K1 --population beslut-2024-H2.csv --seed 'Vård- och omsorgsnämnden journalgranskning 2024-H2' \
    --period 2024-H2 --date 2025-01-08 --out urval-K1-2.csv
on 2025-01-10
q measure K3 --value 88 --unit st --of 97 --of-what 'beslut om särskilt boende' --date 2024-12-31 \
    --note 'De nio beslut som inte verkställdes inom tre månader har rapporterats till IVO.'
q measure K4 --value 19 --unit dagar --target 21 --date 2024-12-31
q measure K5 --value 512 --unit st --of 588 --of-what avvikelser --date 2024-12-31 \
    --note 'Fall- och läkemedelsavvikelser enligt avvikelsesystemet.'
q measure K6 --value 82 --unit % --target 100 --date 2024-12-31
q measure K10 --value 88 --unit % --target 100 --date 2024-12-31
on 2025-01-20
data results K1-2
record_sheets K1-2

on 2025-01-27
assess_from_texts årsbokslut
