<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
    <context>
        <name>CommunityRisk</name>
        <message>
            <location filename="../plugin/main.py" line="34" />
            <source>Community Risk</source>
            <translation>Risg Cymunedol</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" line="49" />
            <source>Community Risk Toolkit</source>
            <translation>Pecyn Cymorth Risg Cymunedol</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="22" />
            <source>Data preparation</source>
            <translation>Paratoi data</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="23" />
            <source>Fire risk</source>
            <translation>Risg tân</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="24" />
            <source>Targeting</source>
            <translation>Targedu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="25" />
            <source>Health and housing</source>
            <translation>Iechyd a thai</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="29" />
            <source>points</source>
            <translation>pwyntiau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="30" />
            <source>lines</source>
            <translation>llinellau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="31" />
            <source>polygons</source>
            <translation>polygonau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="32" />
            <source>no geometry</source>
            <translation>dim geometreg</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="33" />
            <source>unknown geometry</source>
            <translation>geometreg anhysbys</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="122" />
            <source>The {} layer could not be opened ({}).</source>
            <translation>Nid oedd modd agor yr haen {} ({}).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="97" />
            <source>The {} layer '{}' has {}; it must have {}.</source>
            <translation>Mae gan yr haen {} '{}' {}; rhaid iddi gael {}.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="104" />
            <source>The {} layer '{}' is empty: it has no features.</source>
            <translation>Mae'r haen {} '{}' yn wag: nid oes ganddi nodweddion.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="110" />
            <source>No field was chosen on the {} layer '{}'.</source>
            <translation>Ni ddewiswyd maes ar yr haen {} '{}'.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="113" />
            <source>The {} layer '{}' has no field '{}'. Its fields are: {}.</source>
            <translation>Nid oes gan yr haen {} '{}' faes '{}'. Ei meysydd yw: {}.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="73" />
            <source>This algorithm needs the Python packages {} which this QGIS cannot import. Install them for the Python that QGIS uses (see the plugin's README, 'Using the plugin in your own QGIS').</source>
            <translation>Mae angen y pecynnau Python {} ar yr algorithm hwn, ac ni all y QGIS hwn eu mewnforio. Gosodwch nhw ar gyfer y Python y mae QGIS yn ei ddefnyddio (gweler README yr ategyn, 'Using the plugin in your own QGIS').</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="51" />
            <source>Counts incident points (fires, calls, visits) in each area polygon, ready for the fire-risk model.

Inputs
- Areas: polygons such as wards or LSOAs.
- Area id field: a unique code per area (e.g. LSOA11CD); duplicates are refused.
- Incidents: points. A layer in another CRS is reprojected to the areas' CRS.
- Date field (optional): the incident date, as a date field or as text (2016-03-31 or 31/03/2016). Needed for a date window or per-year counts.
- Start date / End date (optional): count only incidents on or after the start and on or before the end. Incidents with no date are then left out and reported in the log.
- Filter (optional): a QGIS expression choosing which incidents count, e.g. "property_type" = 'House - single occupancy'.
- Count per year: add one column per calendar year.

Output fields (the areas' own fields are kept)
- incidents: incidents in the area.
- incidents_YYYY: incidents in the area in calendar year YYYY (with Count per year).

A point on a boundary shared by two areas is counted once, in the first of them in layer order. Incidents outside every area are counted in no area; the log says how many.</source>
            <translation>Yn cyfrif pwyntiau digwyddiadau (tanau, galwadau, ymweliadau) ym mhob polygon ardal, yn barod ar gyfer y model risg tân.

Mewnbynnau
- Ardaloedd: polygonau megis wardiau neu LSOAau.
- Maes dynodydd yr ardal: cod unigryw ar gyfer pob ardal (e.e. LSOA11CD); gwrthodir dyblygion.
- Digwyddiadau: pwyntiau. Caiff haen mewn CRS arall ei hailragamcanu i CRS yr ardaloedd.
- Maes dyddiad (dewisol): dyddiad y digwyddiad, fel maes dyddiad neu fel testun (2016-03-31 neu 31/03/2016). Mae ei angen ar gyfer ffenestr ddyddiadau neu gyfrifon fesul blwyddyn.
- Dyddiad dechrau / Dyddiad gorffen (dewisol): cyfrif dim ond digwyddiadau ar y dechrau neu wedyn ac ar y diwedd neu cyn hynny. Yna gadewir digwyddiadau heb ddyddiad allan a'u nodi yn y log.
- Hidlydd (dewisol): mynegiad QGIS sy'n dewis pa ddigwyddiadau sy'n cyfrif, e.e. "property_type" = 'House - single occupancy'.
- Cyfrif fesul blwyddyn: ychwanegu un golofn ar gyfer pob blwyddyn galendr.

Meysydd allbwn (cedwir meysydd yr ardaloedd eu hunain)
- incidents: digwyddiadau yn yr ardal.
- incidents_YYYY: digwyddiadau yn yr ardal ym mlwyddyn galendr YYYY (gyda Cyfrif fesul blwyddyn).

Cyfrifir pwynt ar ffin a rennir gan ddwy ardal unwaith, yn y gyntaf ohonynt yn nhrefn yr haen. Ni chyfrifir digwyddiadau y tu allan i bob ardal; mae'r log yn dweud faint.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="102" />
            <source>area</source>
            <translation>ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="105" />
            <source>incident</source>
            <translation>digwyddiad</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="74" />
            <source>Areas</source>
            <translation>Ardaloedd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="76" />
            <source>Area id field</source>
            <translation>Maes dynodydd yr ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="78" />
            <source>Incidents</source>
            <translation>Digwyddiadau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="80" />
            <source>Date field</source>
            <translation>Maes dyddiad</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="82" />
            <source>Start date</source>
            <translation>Dyddiad dechrau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="84" />
            <source>End date</source>
            <translation>Dyddiad gorffen</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="86" />
            <source>Filter (expression)</source>
            <translation>Hidlydd (mynegiad)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="88" />
            <source>Count per year</source>
            <translation>Cyfrif fesul blwyddyn</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="90" />
            <source>Incident counts</source>
            <translation>Cyfrifon digwyddiadau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="91" />
            <source>Incidents counted</source>
            <translation>Digwyddiadau a gyfrifwyd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="92" />
            <source>Incidents outside every area</source>
            <translation>Digwyddiadau y tu allan i bob ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="130" />
            <source>Reading areas from '{}'</source>
            <translation>Yn darllen ardaloedd o '{}'</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="160" />
            <source>Reading incidents from '{}'</source>
            <translation>Yn darllen digwyddiadau o '{}'</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="208" />
            <source>{} incident(s) read, {} counted in {} areas.</source>
            <translation>Darllenwyd {} digwyddiad, cyfrifwyd {} mewn {} ardal.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="285" />
            <source>The id field '{}' of the area layer '{}' is empty for {} area(s); every area needs an id.</source>
            <translation>Mae'r maes dynodydd '{}' yn yr haen ardaloedd '{}' yn wag ar gyfer {} ardal; mae angen dynodydd ar bob ardal.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="289" />
            <source>The id field '{}' of the area layer '{}' has duplicate ids: {}. Each area needs a unique id.</source>
            <translation>Mae dynodyddion dyblyg yn y maes dynodydd '{}' yn yr haen ardaloedd '{}': {}. Mae angen dynodydd unigryw ar bob ardal.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="117" />
            <source>A date window or per-year counts need a date field on the incident layer '{}'.</source>
            <translation>Mae angen maes dyddiad ar yr haen digwyddiadau '{}' ar gyfer ffenestr ddyddiadau neu gyfrifon fesul blwyddyn.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="120" />
            <source>The start date {} is after the end date {}.</source>
            <translation>Mae'r dyddiad dechrau {} ar ôl y dyddiad gorffen {}.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="152" />
            <source>Reprojecting incidents from {} to {}</source>
            <translation>Yn ailragamcanu digwyddiadau o {} i {}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="190" />
            <source>{} incident(s) have no geometry and were not counted.</source>
            <translation>Nid oes geometreg gan {} digwyddiad ac ni chawsant eu cyfrif.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="210" />
            <source>{} incident(s) lie outside every area and were not counted.</source>
            <translation>Mae {} digwyddiad y tu allan i bob ardal ac ni chawsant eu cyfrif.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="231" />
            <source>The output could not be created ({}).</source>
            <translation>Nid oedd modd creu'r allbwn ({}).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="126" />
            <source>The filter expression on the incident layer '{}' is not valid: {}</source>
            <translation>Nid yw'r mynegiad hidlo ar yr haen digwyddiadau '{}' yn ddilys: {}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="220" />
            <source>The area layer's field '{}' is replaced by the new count.</source>
            <translation>Mae'r cyfrif newydd yn disodli maes '{}' yr haen ardaloedd.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="172" />
            <source>The date field '{}' of the incident layer '{}' has {} value(s) that are not dates, e.g. {}. Use ISO dates (2016-03-31) or day-first dates (31/03/2016).</source>
            <translation>Mae gan y maes dyddiad '{}' yn yr haen digwyddiadau '{}' {} gwerth nad ydynt yn ddyddiadau, e.e. {}. Defnyddiwch ddyddiadau ISO (2016-03-31) neu ddyddiadau diwrnod-yn-gyntaf (31/03/2016).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="179" />
            <source>{} incident(s) have no date and were not counted.</source>
            <translation>Nid oes dyddiad gan {} digwyddiad ac ni chawsant eu cyfrif.</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="20" />
            <source>Community Risk Toolkit: fire risk, targeting, health and housing</source>
            <translation>Pecyn Cymorth Risg Cymunedol: risg tân, targedu, iechyd a thai</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="34" />
            <source>Count incidents per area</source>
            <translation>Cyfrif digwyddiadau fesul ardal</translation>
        </message>
    </context>
</TS>
