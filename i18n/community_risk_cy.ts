<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
    <context>
        <name>CommunityRisk</name>
        <message>
            <location filename="../plugin/main.py" line="39" />
            <source>Community Risk</source>
            <translation>Risg Cymunedol</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" line="63" />
            <source>Community Risk Toolkit</source>
            <translation>Pecyn Cymorth Risg Cymunedol</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="23" />
            <source>Data preparation</source>
            <translation>Paratoi data</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="24" />
            <source>Fire risk</source>
            <translation>Risg tân</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="25" />
            <source>Targeting</source>
            <translation>Targedu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="26" />
            <source>Health and housing</source>
            <translation>Iechyd a thai</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="32" />
            <source>points</source>
            <translation>pwyntiau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="33" />
            <source>lines</source>
            <translation>llinellau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="34" />
            <source>polygons</source>
            <translation>polygonau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="35" />
            <source>no geometry</source>
            <translation>dim geometreg</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="36" />
            <source>unknown geometry</source>
            <translation>geometreg anhysbys</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="353" />
            <source>The {} layer could not be opened ({}).</source>
            <translation>Nid oedd modd agor yr haen {} ({}).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="295" />
            <source>The {} layer '{}' has {}; it must have {}.</source>
            <translation>Mae gan yr haen {} '{}' {}; rhaid iddi gael {}.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="314" />
            <source>The {} layer '{}' is empty: it has no features.</source>
            <translation>Mae'r haen {} '{}' yn wag: nid oes ganddi nodweddion.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="320" />
            <source>No field was chosen on the {} layer '{}'.</source>
            <translation>Ni ddewiswyd maes ar yr haen {} '{}'.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="323" />
            <source>The {} layer '{}' has no field '{}'. Its fields are: {}.</source>
            <translation>Nid oes gan yr haen {} '{}' faes '{}'. Ei meysydd yw: {}.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="77" />
            <source>This algorithm needs the Python packages {} which this QGIS cannot import. Install them for the Python that QGIS uses (see the plugin's README, 'Using the plugin in your own QGIS').</source>
            <translation type="obsolete">Mae angen y pecynnau Python {} ar yr algorithm hwn, ac ni all y QGIS hwn eu mewnforio. Gosodwch nhw ar gyfer y Python y mae QGIS yn ei ddefnyddio (gweler README yr ategyn, 'Using the plugin in your own QGIS').</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="48" />
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
            <location filename="../processing/algorithms/build_factors.py" line="44" />
            <source>area</source>
            <translation>ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="33" />
            <source>incident</source>
            <translation>digwyddiad</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="60" />
            <source>Areas</source>
            <translation>Ardaloedd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="61" />
            <source>Area id field</source>
            <translation>Maes dynodydd yr ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="75" />
            <source>Incidents</source>
            <translation>Digwyddiadau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="77" />
            <source>Date field</source>
            <translation>Maes dyddiad</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="79" />
            <source>Start date</source>
            <translation>Dyddiad dechrau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="81" />
            <source>End date</source>
            <translation>Dyddiad gorffen</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="83" />
            <source>Filter (expression)</source>
            <translation>Hidlydd (mynegiad)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="85" />
            <source>Count per year</source>
            <translation>Cyfrif fesul blwyddyn</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="87" />
            <source>Incident counts</source>
            <translation>Cyfrifon digwyddiadau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="88" />
            <source>Incidents counted</source>
            <translation>Digwyddiadau a gyfrifwyd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="89" />
            <source>Incidents outside every area</source>
            <translation>Digwyddiadau y tu allan i bob ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="93" />
            <source>Reading areas from '{}'</source>
            <translation>Yn darllen ardaloedd o '{}'</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layers.py" line="456" />
            <source>Reading incidents from '{}'</source>
            <translation>Yn darllen digwyddiadau o '{}'</translation>
        </message>
        <message>
            <location filename="../processing/analysis/counting.py" line="274" />
            <source>{} incident(s) read, {} counted in {} areas.</source>
            <translation>Darllenwyd {} digwyddiad, cyfrifwyd {} mewn {} ardal.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layers.py" line="512" />
            <source>The id field '{}' of the area layer '{}' is empty for {} area(s); every area needs an id.</source>
            <translation>Mae'r maes dynodydd '{}' yn yr haen ardaloedd '{}' yn wag ar gyfer {} ardal; mae angen dynodydd ar bob ardal.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layers.py" line="516" />
            <source>The id field '{}' of the area layer '{}' has duplicate ids: {}. Each area needs a unique id.</source>
            <translation>Mae dynodyddion dyblyg yn y maes dynodydd '{}' yn yr haen ardaloedd '{}': {}. Mae angen dynodydd unigryw ar bob ardal.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="129" />
            <source>A date window or per-year counts need a date field on the incident layer '{}'.</source>
            <translation>Mae angen maes dyddiad ar yr haen digwyddiadau '{}' ar gyfer ffenestr ddyddiadau neu gyfrifon fesul blwyddyn.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="132" />
            <source>The start date {} is after the end date {}.</source>
            <translation>Mae'r dyddiad dechrau {} ar ôl y dyddiad gorffen {}.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layers.py" line="448" />
            <source>Reprojecting incidents from {} to {}</source>
            <translation>Yn ailragamcanu digwyddiadau o {} i {}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/counting.py" line="259" />
            <source>{} incident(s) have no geometry and were not counted.</source>
            <translation>Nid oes geometreg gan {} digwyddiad ac ni chawsant eu cyfrif.</translation>
        </message>
        <message>
            <location filename="../processing/analysis/counting.py" line="276" />
            <source>{} incident(s) lie outside every area and were not counted.</source>
            <translation>Mae {} digwyddiad y tu allan i bob ardal ac ni chawsant eu cyfrif.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layers.py" line="176" />
            <source>The output could not be created ({}).</source>
            <translation>Nid oedd modd creu'r allbwn ({}).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layers.py" line="433" />
            <source>The filter expression on the incident layer '{}' is not valid: {}</source>
            <translation>Nid yw'r mynegiad hidlo ar yr haen digwyddiadau '{}' yn ddilys: {}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="220" />
            <source>The area layer's field '{}' is replaced by the new count.</source>
            <translation type="obsolete">Mae'r cyfrif newydd yn disodli maes '{}' yr haen ardaloedd.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/layers.py" line="463" />
            <source>The date field '{}' of the incident layer '{}' has {} value(s) that are not dates, e.g. {}. Use ISO dates (2016-03-31) or day-first dates (31/03/2016).</source>
            <translation>Mae gan y maes dyddiad '{}' yn yr haen digwyddiadau '{}' {} gwerth nad ydynt yn ddyddiadau, e.e. {}. Defnyddiwch ddyddiadau ISO (2016-03-31) neu ddyddiadau diwrnod-yn-gyntaf (31/03/2016).</translation>
        </message>
        <message>
            <location filename="../processing/analysis/counting.py" line="244" />
            <source>{} incident(s) have no date and were not counted.</source>
            <translation>Nid oes dyddiad gan {} digwyddiad ac ni chawsant eu cyfrif.</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="38" />
            <source>Community Risk Toolkit: fire risk, targeting, health and housing</source>
            <translation>Pecyn Cymorth Risg Cymunedol: risg tân, targedu, iechyd a thai</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="30" />
            <source>Count incidents per area</source>
            <translation>Cyfrif digwyddiadau fesul ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="21" />
            <source>Median of the other areas</source>
            <translation>Canolrif yr ardaloedd eraill</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="21" />
            <source>Zero</source>
            <translation>Sero</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="21" />
            <source>Leave empty</source>
            <translation>Gadael yn wag</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="41" />
            <source>Build factors</source>
            <translation>Adeiladu ffactorau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="59" />
            <source>Assembles one modelling layer: the areas with every candidate factor as a numeric field, ready for Fit fire risk model.

Inputs
- Areas: polygons in a projected CRS (areas are measured in it); Area id field: a unique code.
- Households field (optional): gives household density and rates per 1,000 households.
- Attribute tables (optional): census, deprivation, income, crime tables (CSV, spreadsheet or layer) joined on the area code. Their numeric fields become factors.
- Table key fields (optional): the code field of each table, comma separated (one for all tables, or one per table); empty: the field whose values match the area ids is found.
- Point layers (optional): e.g. fire safety inspections, home fire safety visits, previous incidents: counted per area.
- Line layers (optional): e.g. roads: length and density per area.
- Rasters (optional): zonal mean and sum of band 1 per area.
- Fill missing values: the median of the other areas (default), zero, or leave empty.

Output fields (the areas' own fields are kept)
- area_km2: area in square kilometres; hh_per_km2: households per square kilometre.
- &lt;table&gt;_&lt;field&gt;: each numeric table field, named from the table and field names.
- &lt;layer&gt;_count and &lt;layer&gt;_per_1k_hh: points per area and per 1,000 households.
- &lt;layer&gt;_length_m and &lt;layer&gt;_m_per_km2: line length per area and per square kilometre.
- &lt;raster&gt;_mean and &lt;raster&gt;_sum: zonal statistics.
The log (and the optional log file) lists every join: areas matched, codes with no match, missing values and how they were filled, and where each field came from.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="146" />
            <source>area of the polygon</source>
            <translation>arwynebedd y polygon</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="168" />
            <source>Fields written:</source>
            <translation>Meysydd a ysgrifennwyd:</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="62" />
            <source>Households field</source>
            <translation>Maes aelwydydd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="98" />
            <source>Attribute tables</source>
            <translation>Tablau priodoleddau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="68" />
            <source>Table key fields</source>
            <translation>Meysydd allweddol y tablau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="174" />
            <source>Point layers</source>
            <translation>Haenau pwyntiau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="200" />
            <source>Line layers</source>
            <translation>Haenau llinellau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="230" />
            <source>Rasters</source>
            <translation>Rastrau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="69" />
            <source>Fill missing values</source>
            <translation>Llenwi gwerthoedd coll</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="71" />
            <source>Factors</source>
            <translation>Ffactorau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="72" />
            <source>Join log</source>
            <translation>Log uno</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="72" />
            <source>Text files (*.txt)</source>
            <translation>Ffeiliau testun (*.txt)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="150" />
            <source>'{}' per square kilometre</source>
            <translation>'{}' fesul cilometr sgwâr</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="185" />
            <source>point</source>
            <translation>pwynt</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="108" />
            <source>{} factor fields for {} areas.</source>
            <translation>{} maes ffactor ar gyfer {} ardal.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="117" />
            <source>The area layer '{}' is in a geographic CRS ({}): areas and lengths must be measured in a projected CRS. Reproject it first, e.g. to British National Grid (EPSG:27700).</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="133" />
            <source>Give one table key field for all tables or one per table ({} tables, {} keys).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="191" />
            <source>points of '{}' in the area</source>
            <translation>pwyntiau '{}' yn yr ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="222" />
            <source>length of '{}' in the area, metres</source>
            <translation>hyd '{}' yn yr ardal, metrau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="224" />
            <source>length of '{}' per square kilometre</source>
            <translation>hyd '{}' fesul cilometr sgwâr</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="249" />
            <source>mean of '{}' band 1 in the area</source>
            <translation>cymedr band 1 '{}' yn yr ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="250" />
            <source>sum of '{}' band 1 in the area</source>
            <translation>swm band 1 '{}' yn yr ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="194" />
            <source>points of '{}' per 1,000 households</source>
            <translation>pwyntiau '{}' fesul 1,000 o aelwydydd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="163" />
            <source>Table '{}': its codes are in '{}'.</source>
            <translation>Tabl '{}': mae ei godau yn '{}'.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="245" />
            <source>The raster '{}' is not a local file that can be read ({}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="171" />
            <source>No field of the table '{}' matches the area ids of '{}' (e.g. {}); give its key field.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="39" />
            <source>Output fields (the input's own fields are kept)
- observed: incidents in the count field (over the years it covers).
- predicted: forecast incidents per year.
- rate_10k: forecast incidents per 10,000 households per year.
- one_in_x: one incident a year per this many households.
- band: 1 = well below average … 5 = well above average; band_label: its name.
- excess: observed minus the model's expected incidents over the same years.
- pearson_resid: the excess divided by its standard deviation; beyond ±2 is unusual.
Areas with no households are kept with empty model fields.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="27" />
            <source>Automatic (overdispersion test)</source>
            <translation>Awtomatig (prawf gorwasgariad)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="27" />
            <source>Poisson</source>
            <translation>Poisson</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="28" />
            <source>Negative binomial</source>
            <translation>Binomial negatif</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="30" />
            <source>Forward stepwise by AIC</source>
            <translation>Camau ymlaen yn ôl AIC</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="30" />
            <source>Forward stepwise by BIC</source>
            <translation>Camau ymlaen yn ôl BIC</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="31" />
            <source>LASSO with cross-validation</source>
            <translation>LASSO gyda thraws-ddilysu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="31" />
            <source>None: use every factor</source>
            <translation>Dim: defnyddio pob ffactor</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="32" />
            <source>London Fire Brigade (10, 15, 20, 25 per 10,000 households)</source>
            <translation type="obsolete">Brigâd Dân Llundain (10, 15, 20, 25 fesul 10,000 o aelwydydd)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="34" />
            <source>My thresholds</source>
            <translation>Fy nhrothwyon</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="34" />
            <source>Quintiles</source>
            <translation>Cwintelau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="34" />
            <source>Natural breaks (Fisher-Jenks)</source>
            <translation>Toriadau naturiol (Fisher-Jenks)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="77" />
            <source>Fit fire risk model</source>
            <translation>Gosod model risg tân</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="270" />
            <source>Apply fire risk model</source>
            <translation>Cymhwyso model risg tân</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="126" />
            <source>

The report (HTML) explains the model in plain words: family and why, chosen factors as incidence-rate ratios with 95% intervals, fit, spatial clustering of errors (Moran's I), charts. The model file (JSON) holds everything Apply fire risk model needs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="283" />
            <source>Applies a model saved by Fit fire risk model to a layer with the same factor fields: new census figures, another year, another borough. Same outputs and style as the fit.

Inputs
- Areas: a layer with the model's factor fields.
- Model file: the JSON written by Fit fire risk model.
- Households field: households per area (default: the field the model was fitted with).
- Incident count field (optional): recent incidents per area; with a model that uses history, each forecast is shrunk towards the area's own record.
- Years the counts cover: needed with an incident count field.

</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="93" />
            <source>Finds the combination of factors that best explains incident counts per area (London Fire Brigade's method), forecasts incidents per household for every area, and puts each area in one of five risk bands.

Inputs
- Areas: a layer with one feature per area (wards, LSOAs), e.g. the output of Count incidents per area and Build factors.
- Area id field (optional): names areas in messages and the report.
- Incident count field: incidents per area over the years counted.
- Households field: households per area; the model forecasts incidents per household.
- Years the counts cover: e.g. 5 for counts from 2012 to 2016.
- Factors: candidate explanatory fields; by default every numeric field except the count, the households and other counts of the same incidents (fields starting with the count field's name).
- Family: Poisson, negative binomial, or automatic (negative binomial when the counts vary more than Poisson allows).
- Selection: forward stepwise by AIC (default) or BIC, LASSO with cross-validation, or none.
- Maximum factors: the most factors stepwise or LASSO may choose.
- Use each area's own history: shrink the area's observed rate towards the modelled rate (empirical Bayes), so persistent hot spots are kept without chasing one bad year.
- Banding: London Fire Brigade's thresholds (&gt;25 well above average, &gt;20–25 above, &gt;15–20 average, &gt;10–15 below, ≤10 well below, per 10,000 households a year), your own four thresholds (My thresholds, e.g. 10,15,20,25), quintiles or natural breaks.

</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="135" />
            <source>Incident count field</source>
            <translation>Maes cyfrif digwyddiadau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="142" />
            <source>Years the counts cover</source>
            <translation>Blynyddoedd y mae'r cyfrifon yn eu cwmpasu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="146" />
            <source>Family</source>
            <translation>Teulu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="148" />
            <source>Selection</source>
            <translation>Dewis</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="150" />
            <source>Maximum factors</source>
            <translation>Uchafswm ffactorau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="153" />
            <source>Use each area's own history</source>
            <translation>Defnyddio hanes pob ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="156" />
            <source>Banding</source>
            <translation>Bandio</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="157" />
            <source>My thresholds (four, per 10,000 households)</source>
            <translation>Fy nhrothwyon (pedwar, fesul 10,000 o aelwydydd)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="162" />
            <source>Report</source>
            <translation>Adroddiad</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="162" />
            <source>HTML files (*.html)</source>
            <translation>Ffeiliau HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="164" />
            <source>Model file</source>
            <translation>Ffeil model</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="164" />
            <source>JSON files (*.json)</source>
            <translation>Ffeiliau JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="166" />
            <source>Factors chosen</source>
            <translation>Ffactorau a ddewiswyd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="222" />
            <source>Fire risk model: {}</source>
            <translation>Model risg tân: {}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="183" />
            <source>Fitting the model on {} areas with {} candidate factors</source>
            <translation>Yn gosod y model ar {} ardal gyda {} ffactor posibl</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="188" />
            <source>Factors chosen: {}</source>
            <translation>Ffactorau a ddewiswyd: {}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="188" />
            <source>none</source>
            <translation>dim</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="189" />
            <source>Deviance explained: {:.1%}</source>
            <translation>Gwyriad a esboniwyd: {:.1%}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="197" />
            <source>Areas per band (1 = well below … 5 = well above average): {}</source>
            <translation type="obsolete">Ardaloedd fesul band (1 = ymhell islaw … 5 = ymhell uwchlaw’r cyfartaledd): {}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="246" />
            <source>Not used as factors (other counts of the same incidents): {}</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="263" />
            <source>The area layer '{}' has no numeric fields to use as factors besides the count and households.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="242" />
            <source>My thresholds must be four numbers separated by commas, e.g. 10,15,20,25; not '{}'.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="73" />
            <source>The band style could not be saved in {}.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="343" />
            <source>The model file '{}' could not be read: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="318" />
            <source>Give the years the incident count field '{}' covers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="326" />
            <source>The area layer '{}' lacks the model's factor field(s): {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/layers.py" line="166" />
            <source>The input field '{}' is replaced by the new one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/styling.py" line="80" />
            <source>Fire risk bands</source>
            <translation type="obsolete">Bandiau risg tân</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="32" />
            <source>Validate fire risk model (out of time)</source>
            <translation>Dilysu model risg tân (y tu allan i amser)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="56" />
            <source>Proves whether the fire risk model looks forward: it counts incidents in a training window and a later test window, fits the model on the first, and scores its forecast on the second, which it never saw.

Inputs
- Areas: polygons with households and factor fields; Area id field: a unique code.
- Households field: households per area.
- Incidents: dated points; Date field: their date. Filter (optional): which incidents count.
- Training start / Training end, Test start / Test end: the two windows (dates included).
- Factors, Family, Selection, Maximum factors, Use each area's own history: as in Fit fire risk model.

Report: the share of test-window incidents in the top 5%, 10% and 20% of areas ranked by the forecast, against ranking by past incidents and the hindsight best; Spearman rank correlation; Poisson deviance; a capture curve.

Output fields (optional layer; the areas' own fields are kept)
- train_incidents, test_incidents: incidents in each window.
- forecast: forecast incidents per year from the training window.
- forecast_rank: 1 = the area ranked highest.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="115" />
            <source>Training start</source>
            <translation>Dechrau hyfforddi</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="115" />
            <source>Training end</source>
            <translation>Diwedd hyfforddi</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="115" />
            <source>Test start</source>
            <translation>Dechrau profi</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="115" />
            <source>Test end</source>
            <translation>Diwedd profi</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="97" />
            <source>Validation report</source>
            <translation>Adroddiad dilysu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="99" />
            <source>Validation by area</source>
            <translation>Dilysu fesul ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="106" />
            <source>Spearman rank correlation of forecast and test counts</source>
            <translation>Cydberthyniad rheng Spearman y rhagolwg a’r cyfrifon prawf</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="129" />
            <source>The windows must be in order: training start ≤ training end &lt; test start ≤ test end.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="187" />
            <source>Fire risk model validation: {}</source>
            <translation>Dilysu model risg tân: {}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="144" />
            <source>{} incidents in the training window, {} in the test window.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="197" />
            <source>Top 10% of areas: forecast {:.1%}, past incidents {:.1%}, hindsight best {:.1%} of test-window incidents.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="157" />
            <source>No incident of the layer '{}' falls in the test window.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="104" />
            <source>Share of test incidents in the top {}% of areas ({})</source>
            <translation>Cyfran y digwyddiadau prawf yn y {}% uchaf o ardaloedd ({})</translation>
        </message>
        <message>
            <location filename="../processing/analysis/factors.py" line="58" />
            <source>The table '{}' has no field '{}'. Its fields are: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/factors.py" line="62" />
            <source>The table '{}' has duplicate codes in '{}': {}. Each area needs one row.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/factors.py" line="72" />
            <source>The table '{}' has no numeric fields to join.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/factors.py" line="78" />
            <source>Table '{}' joined on '{}': {} of {} areas matched; {} table rows matched no area.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/factors.py" line="99" />
            <source>Unknown way to fill missing values: '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/factors.py" line="81" />
            <source>Areas with no row in '{}': {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/factors.py" line="107" />
            <source>'{}': {} missing value(s) filled with {} ({:.4g}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/factors.py" line="110" />
            <source>'{}': {} missing value(s) left empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="15" />
            <source>Well below average</source>
            <translation>Ymhell islaw’r cyfartaledd</translation>
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="15" />
            <source>Below average</source>
            <translation>Islaw’r cyfartaledd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="212" />
            <source>Average</source>
            <translation>Cyfartalog</translation>
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="16" />
            <source>Above average</source>
            <translation>Uwchlaw’r cyfartaledd</translation>
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="16" />
            <source>Well above average</source>
            <translation>Ymhell uwchlaw’r cyfartaledd</translation>
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="148" />
            <source>The count field '{}' is missing or not a number for {} area(s): {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="151" />
            <source>The count field '{}' has negative counts, in areas {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="155" />
            <source>The count field '{}' has fractional counts (e.g. {}), in areas {}; incident counts must be whole numbers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="161" />
            <source>No area has a positive number of households in the field '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="168" />
            <source>The count field '{}' is zero in every area: there are no incidents to model.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="244" />
            <source>Unknown family '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="246" />
            <source>Unknown selection method '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="248" />
            <source>The number of years the counts cover must be positive, not {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="259" />
            <source>Only {} area(s) can be modelled; a model needs at least 5.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="427" />
            <source>The layer lacks the model's factor field(s): {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="431" />
            <source>No area has a positive number of households.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="482" />
            <source>This is not a Community Risk fire model file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="484" />
            <source>Fire model version {} is not supported by this plugin.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="532" />
            <source>Areas where '{}' is higher have more fires: a typical difference ({:.3g}, one standard deviation) goes with {:.0f}% more fires per household, other factors being equal.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="536" />
            <source>Areas where '{}' is higher have fewer fires: a typical difference ({:.3g}, one standard deviation) goes with {:.0f}% fewer fires per household, other factors being equal.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="164" />
            <source>{} area(s) with zero, negative or missing households in '{}' were left out of the model: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="268" />
            <source>Family: {} (overdispersion test t = {:.2f}, p = {:.3g}; Pearson dispersion {:.2f}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="281" />
            <source>{} factors are more than {} areas can support (about one factor per {} areas, so at most {}); choose fewer factors or a selection method.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="433" />
            <source>{} area(s) with zero, negative or missing households were left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="456" />
            <source>The count field has missing values; give counts for every area.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="181" />
            <source>Factor '{}' was dropped: it is not numeric.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="184" />
            <source>Factor '{}' was dropped: it has no values.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="187" />
            <source>Factor '{}' was dropped: it is the same in every area.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="200" />
            <source>Factor '{}': {} missing or non-numeric value(s) were filled with the median, {:.4g}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="229" />
            <source>Factor '{}' was dropped: it is perfectly collinear with {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="333" />
            <source>Five bands need four thresholds, not {}.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="69" />
            <source>Unknown banding method '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="440" />
            <source>Factor '{}': {} missing value(s) took the model's fill value {:.4g}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="288" />
            <source>At most {} factors were allowed: {} areas support about one factor per {} areas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="62" />
            <source>all factors given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="62" />
            <source>forward stepwise by AIC</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="63" />
            <source>forward stepwise by BIC</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="110" />
            <source>Neighbouring areas' errors are alike (spatial clustering the factors miss): consider adding a local factor or using the area's history.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="119" />
            <source>No clear spatial clustering is left in the errors.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="113" />
            <source>Areas per band</source>
            <translation>Ardaloedd fesul band</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="91" />
            <source>Observed against modelled incidents per year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="92" />
            <source>modelled per year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="92" />
            <source>observed per year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="42" />
            <source>In plain words</source>
            <translation>Mewn geiriau plaen</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="44" />
            <source>Every area gets a forecast of incidents per household for the years ahead. The forecast is built from the factors above and, where chosen, from the area's own record, weighed by how much of that record is more than chance. Areas are then put in five bands by forecast incidents per 10,000 households a year.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="236" />
            <source>Band</source>
            <translation>Band</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="110" />
            <source>Incidents per 10,000 households a year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="96" />
            <source>The model</source>
            <translation>Y model</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="64" />
            <source>Factor selection:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="466" />
            <source>Factor</source>
            <translation>Ffactor</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="88" />
            <source>Incidence-rate ratio per unit</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="180" />
            <source>95% interval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="153" />
            <source>p-value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="154" />
            <source>Change per standard deviation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="160" />
            <source>Factor effects: % change in fires per standard deviation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="73" />
            <source>How well it fits</source>
            <translation>Pa mor dda y mae'n ffitio</translation>
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="96" />
            <source>Notes on the data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="37" />
            <source>{} areas modelled, {:.0f} incidents over {:g} year(s) in {:,.0f} households: {:.1f} incidents per 10,000 households a year.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="79" />
            <source>baseline incidents per household per year</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="57" />
            <source>Family: {} (chosen by the user).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="59" />
            <source>Negative binomial dispersion alpha = {:.4f}: areas differ more than chance alone would make them, so the model allows for it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="78" />
            <source>Deviance explained</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="79" />
            <source>AIC</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="80" />
            <source>BIC</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="81" />
            <source>Residual deviance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="82" />
            <source>Null deviance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="83" />
            <source>Pearson dispersion (Poisson screen)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="84" />
            <source>Moran's I of residuals (permutation p-value)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="179" />
            <source>Our forecast</source>
            <translation>Ein rhagolwg</translation>
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="179" />
            <source>Past incidents</source>
            <translation>Digwyddiadau blaenorol</translation>
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="180" />
            <source>Hindsight best</source>
            <translation>Gorau o edrych yn ôl</translation>
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="181" />
            <source>Model without history</source>
            <translation>Model heb hanes</translation>
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="217" />
            <source>Capture curve</source>
            <translation>Cromlin dal</translation>
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="217" />
            <source>share of areas, highest ranked first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="218" />
            <source>share of test-window incidents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="211" />
            <source>Ranking by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="211" />
            <source>Spearman rank correlation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="212" />
            <source>Poisson deviance on the test window (lower is better):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="195" />
            <source>Fitted on incidents from {} to {}; tested on incidents from {} to {}, which the model did not see. {} areas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="201" />
            <source>The 10% of areas the forecast ranks highest had {:.1%} of the test-window incidents; the 10% with most past incidents had {:.1%}; no ranking could have done better than {:.1%}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="204" />
            <source>Top {:.0%} of areas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/factors.py" line="68" />
            <source>The table '{}' has duplicate codes in '{}' with different values: {}. Each area needs one row.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/factors.py" line="63" />
            <source>Table '{}': {} repeated row(s) with the same values were read once ({}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/layers.py" line="532" />
            <source>The field '{}' of the layer '{}' should hold numbers but has '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="22" />
            <source>Lifestyle profile</source>
            <translation>Proffil ffordd o fyw</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="40" />
            <source>Which lifestyle groups have more fires than their number of homes suggests? The layout of London Fire Brigade's Mosaic tables, with any segmentation (Mosaic, the open Output Area Classification).

Inputs
- Homes: a postcode or address layer; Segment field: its lifestyle group; Homes field (optional): homes per feature (default 1).
- Homes postcode field (optional): to match incidents given by postcode.
- Incidents: points (each takes the segment of the nearest home feature) or a table with an Incident postcode field. Casualties field (optional): casualties per incident.
- Maximum distance (optional): incidents farther than this from every home get no segment.

Output fields (one row per segment, highest index first)
- segment, homes, pct_homes: the segment's homes and share of all homes.
- incidents, pct_incidents, casualties, pct_casualties: its incidents and casualties and their shares.
- index: share of incidents ÷ share of homes × 100 (100 = as many as its homes suggest); index_low, index_high: 95% interval.
Homes with segment index: the homes layer with segment_index, styled from blue (below 100) to red.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="25" />
            <source>homes</source>
            <translation>cartrefi</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="191" />
            <source>Index (100 = as many incidents as homes suggest)</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="178" />
            <source>Segment</source>
            <translation>Segment</translation>
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="178" />
            <source>Share of homes</source>
            <translation>Cyfran y cartrefi</translation>
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="179" />
            <source>Share of incidents</source>
            <translation>Cyfran y digwyddiadau</translation>
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="179" />
            <source>Index</source>
            <translation>Mynegai</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="64" />
            <source>Homes</source>
            <translation>Cartrefi</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="65" />
            <source>Segment field</source>
            <translation>Maes segment</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="66" />
            <source>Homes field</source>
            <translation>Maes cartrefi</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="68" />
            <source>Homes postcode field</source>
            <translation>Maes cod post y cartrefi</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="71" />
            <source>Incident postcode field</source>
            <translation>Maes cod post y digwyddiad</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="73" />
            <source>Casualties field</source>
            <translation>Maes anafusion</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="76" />
            <source>Maximum distance</source>
            <translation>Pellter mwyaf</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="79" />
            <source>Homes with segment index</source>
            <translation>Cartrefi gyda mynegai segment</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="75" />
            <source>Chart</source>
            <translation type="obsolete">Siart</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="117" />
            <source>Highest index: '{}' with {:.0f} ({:.1f}% of homes, {:.1f}% of incidents).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="91" />
            <source>Incidents matched by postcode need the Homes postcode field of the homes layer '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="94" />
            <source>The incident layer '{}' has no points: give its Incident postcode field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="103" />
            <source>Incidents are on average {:.0f} map units from the nearest home feature.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="148" />
            <source>{} incident(s) have a postcode not found among the homes and were left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="107" />
            <source>{} incident(s) are farther than {} from every home and were left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="115" />
            <source>Lifestyle profile: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="40" />
            <source>Priority postcodes</source>
            <translation>Codau post blaenoriaeth</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="50" />
            <source>Tells crews where to go: every postcode gets a priority score from the risk of its area, the lifestyle index of its homes and the households at risk in it, and a tier: P1 (visit first), P2, P3.

Inputs
- Postcodes: postcode points; Postcode field: the postcode.
- Areas: the fire risk model's output or any area layer; Area risk field: its risk (default rate_10k).
- Lifestyle layer (optional): the homes layer from Lifestyle profile; Lifestyle index field (default segment_index). Each postcode takes the index of the nearest feature.
- Household risk (optional): the output of Find people at risk, or any table with a postcode and a number of risk factors per household (Household postcode field, Household risk factors field); a household counts as at risk with at least Minimum risk factors.
- P1 postcodes, P2 postcodes: how many postcodes each tier holds, e.g. the visits stations can make this quarter (defaults 100 and 400).
- Split areas (optional): wards, boroughs or station grounds, with a Split area name field: one visit list and one summary per split area.

The score is the weighted mean of the postcode's percentile ranks (0-100) on each input given: area risk (weight 1), lifestyle index (1) and households at risk (2).

Output fields (the postcodes' own fields are kept)
- area_risk, lifestyle_index: the values the postcode took.
- households_at_risk: households with at least the minimum risk factors; counts under 5 are left empty so no output singles out a few households.
- priority_score: 0-100; tier: P1, P2 or P3; split_area: its split area.
Visit lists: a folder with one CSV per split area (P1 and P2 postcodes, highest first) and one HTML summary page per split area.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="70" />
            <source>postcode</source>
            <translation>cod post</translation>
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="17" />
            <source>All postcodes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="105" />
            <source>Postcodes</source>
            <translation>Codau post</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="92" />
            <source>Postcode field</source>
            <translation>Maes cod post</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="104" />
            <source>Area risk field</source>
            <translation>Maes risg ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="107" />
            <source>Lifestyle layer</source>
            <translation>Haen ffordd o fyw</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="109" />
            <source>Lifestyle index field</source>
            <translation>Maes mynegai ffordd o fyw</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="112" />
            <source>Household risk</source>
            <translation>Risg aelwydydd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="114" />
            <source>Household postcode field</source>
            <translation>Maes cod post yr aelwyd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="117" />
            <source>Household risk factors field</source>
            <translation>Maes ffactorau risg yr aelwyd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="120" />
            <source>Minimum risk factors</source>
            <translation>Lleiafswm ffactorau risg</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="122" />
            <source>P1 postcodes</source>
            <translation>Codau post P1</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="124" />
            <source>P2 postcodes</source>
            <translation>Codau post P2</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="132" />
            <source>Split areas</source>
            <translation>Ardaloedd rhannu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="134" />
            <source>Split area name field</source>
            <translation>Maes enw’r ardal rannu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="137" />
            <source>Visit lists</source>
            <translation>Rhestrau ymweld</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="44" />
            <source>lifestyle</source>
            <translation>ffordd o fyw</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="44" />
            <source>household risk</source>
            <translation>risg aelwydydd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="45" />
            <source>split area</source>
            <translation>ardal rannu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="148" />
            <source>Give at least one of: areas with a risk field, a lifestyle layer, household risk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="18" />
            <source>(outside every split area)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="291" />
            <source>The 25 highest priorities</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="56" />
            <source>Postcode</source>
            <translation>Cod post</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="56" />
            <source>Tier</source>
            <translation>Haen</translation>
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="306" />
            <source>Score</source>
            <translation>Sgôr</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="292" />
            <source>Score: weighted mean of percentile ranks of area risk, lifestyle index and households at risk. Household counts under 5 are not shown.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="176" />
            <source>P1: {}, P2: {}, P3: {} postcodes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="156" />
            <source>{} postcode(s) of '{}' are not in postcode form and score only by location, e.g. {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="301" />
            <source>Priority postcodes: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="302" />
            <source>{} postcodes: {} P1 (visit first), {} P2, {} P3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="220" />
            <source>{} postcode(s) lie in no area and score without area risk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="137" />
            <source>{} household(s) have no valid postcode and were left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="141" />
            <source>{} household postcode(s) are not among the postcodes: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="30" />
            <source>The homes field must hold a non-negative number for every home feature.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="34" />
            <source>There are no homes to profile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="43" />
            <source>No incident could be given a segment: there is nothing to profile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="50" />
            <source>Nothing to score: give area risk, a lifestyle layer or household risk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="62" />
            <source>Tier quotas cannot be negative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="103" />
            <source>Find people at risk</source>
            <translation>Canfod pobl mewn perygl</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="49" />
            <source>Finds the households most at risk of dying in a fire (older, living alone, reduced mobility, other health issues, smoking or candles, a previous near miss, receiving or needing care) by joining datasets the council already holds, with privacy designed in.

Inputs
- Datasets: council exports (CSV in UTF-8 or Windows-1252, XLSX, or any vector file): council tax, electoral register, assisted bin collections, meals on wheels, disability allowance, carers, NHS Exeter data. The UPRN, postcode and address line fields are found by their names.
- Roles: one per dataset, comma separated, in the same order: older, alone, mobility, health, smoking, near_miss, care, or register for a dataset of households with no risk factor of its own (council tax). A role may be given once.
- Secret: at least 16 characters; household keys are keyed hashes (HMAC-SHA256) of it, so the same secret gives the same keys next time. It is never written anywhere. Leave it empty to take it from the COMMUNITY_RISK_SECRET environment variable, which keeps it out of the Processing history.
- Match threshold: the match probability from which two records are one household (default 0.9).
- Referral mode: adds the address and UPRN to the output, for a referral; it needs the Lawful basis.

Linkage: rows sharing a UPRN are one household; other rows are matched on their address (postcode, flat and house number, street) by Splink's probabilistic model on DuckDB. Names, dates of birth and free text are never used and never written.

Output fields (one row per household, highest score first)
- household_key: the pseudonymised household; postcode.
- older, alone, mobility, health, smoking, near_miss, care: 1 where a dataset of that role lists it.
- n_factors: how many of the seven; score: weighted sum (mobility, smoking and near miss count 2).
- datasets: in how many datasets it appears; address, uprn: in referral mode only.
Clerical review: the borderline pairs (dataset and row of each record, match weight and probability). Processing record (JSON): datasets, fields used and dropped, row counts, match rates, outputs written, for the Privacy Impact Assessment.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="94" />
            <source>Datasets</source>
            <translation>Setiau data</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="95" />
            <source>Roles</source>
            <translation>Rolau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="65" />
            <source>Secret</source>
            <translation>Cyfrinach</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="160" />
            <source>Match threshold</source>
            <translation>Trothwy paru</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="95" />
            <source>Referral mode</source>
            <translation>Modd atgyfeirio</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="97" />
            <source>Lawful basis</source>
            <translation>Sail gyfreithlon</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="170" />
            <source>Households at risk</source>
            <translation>Aelwydydd mewn perygl</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="96" />
            <source>Clerical review</source>
            <translation>Adolygiad clerigol</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="114" />
            <source>Processing record</source>
            <translation>Cofnod prosesu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="176" />
            <source>Households</source>
            <translation>Aelwydydd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="177" />
            <source>Households with two or more risk factors</source>
            <translation>Aelwydydd gyda dau ffactor risg neu fwy</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="224" />
            <source>Give at least one dataset.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="172" />
            <source>{} households; {} with two or more risk factors; {} pairs for clerical review.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="198" />
            <source>Give one role per dataset: {} datasets but {} roles ('{}').</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="296" />
            <source>Reading '{}' as {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="190" />
            <source>The dataset '{}' does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage.py" line="150" />
            <source>There are no records to link.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage.py" line="164" />
            <source>{} UPRN(s) are recorded at addresses in different postcodes; those rows were matched by address instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="31" />
            <source>Unknown role '{}'. Roles are: {}, or register (households with no risk factor of their own).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="60" />
            <source>The dataset '{}' is empty: it has no rows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="79" />
            <source>The dataset '{}' has no UPRN or postcode field to link on. Its fields are: {}.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="83" />
            <source>The dataset '{}' has no address fields (e.g. 'Address Line 1') and no UPRN. Its fields are: {}.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="90" />
            <source>The secret for pseudonymised keys must be at least {} characters long.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="155" />
            <source>Referral mode writes names of places people live: it needs the lawful basis for sharing them (e.g. 'UK GDPR Art. 6(1)(e) and 9(2)(h), care referral').</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="162" />
            <source>The role '{}' is given twice: to '{}' and to '{}'. Merge those datasets or give each its own role.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="194" />
            <source>{} row(s) have a postcode that is not a UK postcode and were matched on the rest of the address, e.g. {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="46" />
            <source>Finds the households most at risk of dying in a fire (older, living alone, reduced mobility, other health issues, smoking or candles, a previous near miss, receiving or needing care) by joining datasets the council already holds, with privacy designed in.

Inputs
- Datasets: council exports (CSV in UTF-8 or Windows-1252, XLSX, or any vector file): council tax, electoral register, assisted bin collections, meals on wheels, disability allowance, carers, NHS Exeter data. The UPRN, postcode and address line fields are found by their names.
- Roles: one per dataset, comma separated, in the same order: older, alone, mobility, health, smoking, near_miss, care, or register for a dataset of households with no risk factor of its own (council tax). A role may be given once.
- Secret: at least 16 characters; household keys are keyed hashes (HMAC-SHA256) of it, so the same secret gives the same keys next time. It is never written anywhere. Leave it empty to take it from the COMMUNITY_RISK_SECRET environment variable, which keeps it out of the Processing history.
- Postcode list (optional): the postcodes that exist (e.g. Code-Point Open) and its Postcode list field, to report rows whose postcode is well formed but does not exist.
- Match threshold: the match probability from which two records are one household (default 0.9).
- Referral mode: adds the address and UPRN to the output, for a referral; it needs the Lawful basis.

Linkage: rows sharing a UPRN are one household; other rows are matched on their address (postcode, flat and house number, street) by Splink's probabilistic model on DuckDB. Names, dates of birth and free text are never used and never written.

Output fields (one row per household, highest score first)
- household_key: the pseudonymised household; postcode.
- older, alone, mobility, health, smoking, near_miss, care: 1 where a dataset of that role lists it.
- n_factors: how many of the seven; score: weighted sum (mobility, smoking and near miss count 2).
- datasets: in how many datasets it appears; address, uprn: in referral mode only.
Clerical review: the borderline pairs (dataset and row of each record, match weight and probability). Processing record (JSON): datasets, fields used and dropped, row counts, match rates, outputs written, for the Privacy Impact Assessment.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="163" />
            <source>Postcode list</source>
            <translation>Rhestr codau post</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="165" />
            <source>Postcode list field</source>
            <translation>Maes y rhestr codau post</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="106" />
            <source>postcode list</source>
            <translation>rhestr codau post</translation>
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="205" />
            <source>{} row(s) have no UPRN, postcode or address and were left out: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="200" />
            <source>{} row(s) have a postcode that does not exist in the postcode list, e.g. {}; they were matched on the rest of the address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="50" />
            <source>Tells crews where to go: every postcode gets a priority score from the risk of its area, the lifestyle index of its homes and the households at risk in it, and a tier: P1 (visit first), P2, P3.

Inputs
- Postcodes: postcode points; Postcode field: the postcode.
- Areas: the fire risk model's output or any area layer; Area risk field: its risk (default rate_10k).
- Lifestyle layer (optional): the homes layer from Lifestyle profile; Lifestyle index field (default segment_index). Each postcode takes the index of the nearest feature.
- Household risk (optional): the output of Find people at risk, or any table with a postcode and a number of risk factors per household (Household postcode field, Household risk factors field); a household counts as at risk with at least Minimum risk factors.
- P1 postcodes, P2 postcodes: how many postcodes each tier holds, e.g. the visits stations can make this quarter (defaults 100 and 400). Or tier by thresholds instead: P1 minimum score and P2 minimum score (0-100); when given they replace the quotas.
- Split areas (optional): wards, boroughs or station grounds, with a Split area name field: one visit list and one summary per split area.

The score is the weighted mean of the postcode's percentile ranks (0-100) on each input given: area risk (weight 1), lifestyle index (1) and households at risk (2).

Output fields (the postcodes' own fields are kept)
- area_risk, lifestyle_index: the values the postcode took.
- households_at_risk: households with at least the minimum risk factors; counts under 5 are left empty so no output singles out a few households.
- priority_score: 0-100; tier: P1, P2 or P3; split_area: its split area.
Visit lists: a folder with one CSV per split area (P1 and P2 postcodes, highest first) and one HTML summary page per split area.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="126" />
            <source>P1 minimum score</source>
            <translation>Sgôr isaf P1</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="129" />
            <source>P2 minimum score</source>
            <translation>Sgôr isaf P2</translation>
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="79" />
            <source>The P2 minimum score ({}) cannot be above the P1 minimum score ({}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="50" />
            <source>Heat surface (kernel density)</source>
            <translation>Arwyneb gwres (dwysedd cnewyllyn)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="42" />
            <source>A smooth surface of how densely points (fires, F/G-rated homes, benefit claimants) lie, as a GeoTIFF.

Inputs
- Points: any point layer in a projected CRS; Weight field (optional): a number per point, e.g. casualties (default 1).
- Cell size: in the layer's units (default 50, metres in British National Grid).
- Bandwidth (optional): the kernel's radius. Empty: Silverman's rule of thumb for two dimensions, h = 2.78 × sigma × n^(-1/6), with sigma the mean of the coordinates' robust standard deviations (the log reports the value used).
- Boundary (optional): polygons to clip to; cells outside are left empty.

Output: a one-band GeoTIFF of points per square kilometre, using QGIS's quartic (biweight) kernel so the surface adds up to the number of points; loaded with a colour ramp.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="92" />
            <source>Points</source>
            <translation>Pwyntiau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="93" />
            <source>Weight field</source>
            <translation>Maes pwysau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="59" />
            <source>Cell size</source>
            <translation type="obsolete">Maint cell</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="61" />
            <source>Bandwidth</source>
            <translation type="obsolete">Lled band</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="105" />
            <source>Boundary</source>
            <translation>Ffin</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="107" />
            <source>Heat surface</source>
            <translation>Arwyneb gwres</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="66" />
            <source>Bandwidth used</source>
            <translation type="obsolete">Lled band a ddefnyddiwyd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="53" />
            <source>boundary</source>
            <translation>ffin</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="82" />
            <source>The point layer '{}' is in a geographic CRS ({}): reproject it to a projected CRS (e.g. EPSG:27700) so cells and bandwidth are in metres.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="101" />
            <source>Bandwidth by Silverman's rule: {:.1f}</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/kde.py" line="28" />
            <source>A density surface needs at least two points.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/kde.py" line="53" />
            <source>All points are in one place: give the bandwidth.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/kde.py" line="109" />
            <source>The cell size and the bandwidth must be positive.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/kde.py" line="58" />
            <source>{} x {} cells is too many: choose a larger cell size.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="67" />
            <source>Load EPC certificates</source>
            <translation>Llwytho tystysgrifau EPC</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="47" />
            <source>Reads the domestic Energy Performance Certificates export (certificates.csv, with the bulk download's column names or the API's lower-case hyphenated ones) in chunks, keeps the latest certificate of each home (by building reference number, UPRN, else address), and places each home on its UPRN point, else on its postcode's point.

Inputs
- EPC certificates: the CSV.
- Postcodes: postcode points; Postcode field.
- UPRN points (optional): e.g. OS Open UPRN; UPRN field.
- As at (optional): the date certificate ages are measured to (default: the newest certificate).

Output fields (one point per home; homes that cannot be placed are kept without a point and counted in the log)
- uprn, postcode; rating (A-G; empty when the file's rating is not one); efficiency (1-100).
- band_fg: 1 for F or G, the excess-cold risk; private_rented: 1 for a private tenancy; no_mains_gas: 1 without mains gas; heating: gas, electric, other or none.
- cert_age_years: the certificate's age; lodged: its date; placed_by: uprn or postcode.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="103" />
            <source>EPC certificates</source>
            <translation>Tystysgrifau EPC</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="109" />
            <source>UPRN points</source>
            <translation>Pwyntiau UPRN</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="88" />
            <source>UPRN field</source>
            <translation>Maes UPRN</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="114" />
            <source>As at</source>
            <translation>Fel ar</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="235" />
            <source>EPC homes</source>
            <translation>Cartrefi EPC</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="117" />
            <source>Homes that could not be placed</source>
            <translation>Cartrefi na ellid eu lleoli</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="70" />
            <source>UPRN</source>
            <translation>UPRN</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="124" />
            <source>The EPC file '{}' does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="148" />
            <source>{} home(s) could not be placed (no known UPRN or postcode); they are kept without a point.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/epc.py" line="74" />
            <source>The EPC file '{}' could not be read: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/epc.py" line="33" />
            <source>The EPC file '{}' lacks the column(s) {}; is it the register's certificates.csv?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/epc.py" line="345" />
            <source>The EPC file has no certificates.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/epc.py" line="351" />
            <source>{} certificates for {} homes; the latest certificate of each home is kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/epc.py" line="358" />
            <source>{} home(s) have no valid rating (e.g. {}); their band_fg is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="46" />
            <source>Finds the households most at risk of dying in a fire (older, living alone, reduced mobility, other health issues, smoking or candles, a previous near miss, receiving or needing care) by joining datasets the council already holds, with privacy designed in.

Inputs
- Datasets: council exports (CSV in UTF-8 or Windows-1252, XLSX, or any vector file): council tax, electoral register, assisted bin collections, meals on wheels, disability allowance, carers, NHS Exeter data. The UPRN, postcode and address line fields are found by their names.
- Roles: one per dataset, comma separated, in the same order: older, alone, mobility, health, smoking, near_miss, care, or register for a dataset of households with no risk factor of its own (council tax). A role may be given once.
- Secret: at least 16 characters; household keys are keyed hashes (HMAC-SHA256) of it, so the same secret gives the same keys next time. It is never written anywhere. Leave it empty to take it from the COMMUNITY_RISK_SECRET environment variable, which keeps it out of the Processing history.
- Postcode list (optional): the postcodes that exist (e.g. Code-Point Open) and its Postcode list field, to report rows whose postcode is well formed but does not exist.
- Match threshold: the match probability from which two records are one household (default 0.9).
- Referral mode: adds the address and UPRN to the output, for a referral; it needs the Lawful basis.

Linkage: rows sharing a UPRN are one household; other rows are matched on their address (postcode, flat and house number, street) by Splink's probabilistic model on DuckDB. Names, dates of birth and free text are never used and never written.

Output fields (one row per household, highest score first)
- household_key: the pseudonymised household; postcode.
- older, alone, mobility, health, smoking, near_miss, care: 1 where a dataset of that role lists it.
- n_factors: how many of the seven; score: weighted sum (mobility, smoking and near miss count 2).
- datasets: in how many datasets it appears; address, uprn: in referral mode only.
Clerical review: the borderline pairs, most likely first, up to 50,000 (dataset and row of each record, match weight and probability). Processing record (JSON): datasets, fields used and dropped, row counts, match rates, outputs written, for the Privacy Impact Assessment.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="44" />
            <source>Housing benefit overlay</source>
            <translation>Troshaen budd-dal tai</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="38" />
            <source>Finds housing benefit or Universal Credit housing-element claimants living in F/G-rated, privately rented homes: the homes a Housing Health and Safety Rating System inspection or minimum energy efficiency enforcement should reach first.

Inputs
- Claimants: the council's export (CSV or XLSX) with a UPRN, or address lines and a postcode.
- EPC homes: the output of Load EPC certificates.
- Secret: at least 16 characters, for the pseudonymised household keys (or the COMMUNITY_RISK_SECRET environment variable); never stored.
- Referral mode, with its Lawful basis: adds the home's address and UPRN.

Linkage: exact UPRN, else Splink address matching, as in Find people at risk. Names, dates of birth, claim references and amounts are never used or written.

Output fields (one row per claimant household, flagged homes first)
- household_key, postcode, claimants (rows in the export).
- epc_found: 1 when matched to an EPC home; rating, band_fg, private_rented: from that home.
- flagged: 1 for an F/G-rated private rental.
Processing record (JSON): datasets, fields used, match rate, outputs, for the Privacy Impact Assessment.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="31" />
            <source>EPC</source>
            <translation>EPC</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="86" />
            <source>Claimants</source>
            <translation>Hawlwyr</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="94" />
            <source>Claimant households</source>
            <translation>Aelwydydd hawlwyr</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="100" />
            <source>Claimant households in F/G private rentals</source>
            <translation>Aelwydydd hawlwyr mewn rhentu preifat F/G</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="108" />
            <source>The claimant file '{}' does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="47" />
            <source>Reads the domestic Energy Performance Certificates export (certificates.csv, with the bulk download's column names or the API's lower-case hyphenated ones) in chunks, keeps the latest certificate of each home (by building reference number, UPRN, else address), and places each home on its UPRN point, else on its postcode's point.

Inputs
- EPC certificates: the CSV.
- Postcodes: postcode points; Postcode field.
- UPRN points (optional): e.g. OS Open UPRN; UPRN field.
- As at (optional): the date certificate ages are measured to (default: the newest certificate).

Output fields (one point per home; homes that cannot be placed are kept without a point and counted in the log)
- uprn, address (as the register publishes it), postcode; rating (A-G; empty when the file's rating is not one); efficiency (1-100).
- band_fg: 1 for F or G, the excess-cold risk; private_rented: 1 for a private tenancy; no_mains_gas: 1 without mains gas; heating: gas, electric, other or none.
- cert_age_years: the certificate's age; lodged: its date; placed_by: uprn or postcode.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/housing_benefit.py" line="25" />
            <source>Referral mode writes where claimants live: it needs the lawful basis for sharing it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/housing_benefit.py" line="31" />
            <source>The claimant dataset '{}' is empty: it has no rows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/housing_benefit.py" line="34" />
            <source>The EPC layer lacks the field(s) {}: use the output of Load EPC certificates.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/housing_benefit.py" line="63" />
            <source>{} claimant household(s); {:.1%} matched to an EPC home; {} in F/G-rated private rentals.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="28" />
            <source>Health and housing index</source>
            <translation>Mynegai iechyd a thai</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="45" />
            <source>Combines housing and health indicators into one index per ward or LSOA, bands it, and draws a spine chart per area in the manner of Public Health England's local health profiles.

Inputs
- Areas: wards or LSOAs; Area id field.
- EPC homes: the output of Load EPC certificates (points).
- Claimant points (optional): housing benefit claimants placed on a map, for claimant density.
- IMD health field, IMD living environment field (optional): the IMD domain scores on the areas; areas without them are indexed on the other indicators (a warning says so).
- Other indicators (optional): any numeric fields, higher meaning worse.
- Weights: name=number pairs; defaults pct_fg=2, pct_private_rented=1, claimants_per_1k=1, imd_health=1, imd_living_environment=1, others 1.
- Spine charts for: how many of the highest-index areas get a chart (default 20).

Output fields (the areas' own fields are kept)
- epc_homes, pct_fg (F/G-rated homes, %), pct_private_rented (%), claimants_per_1k (per 1,000 EPC homes).
- hh_index: the weighted mean of standardised indicators (0 = average, 1 = one standard deviation worse); band: 1 much better … 5 much worse (quintiles); band_label.
Street list: street and postcode district ranked by F/G-rated private rentals, for street surveys.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="75" />
            <source>Claimant points</source>
            <translation>Pwyntiau hawlwyr</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="77" />
            <source>IMD health field</source>
            <translation>Maes iechyd IMD</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="78" />
            <source>IMD living environment field</source>
            <translation>Maes amgylchedd byw IMD</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="81" />
            <source>Other indicators</source>
            <translation>Dangosyddion eraill</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="84" />
            <source>Weights</source>
            <translation>Pwysau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="85" />
            <source>Spine charts for</source>
            <translation>Siartiau asgwrn cefn ar gyfer</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="90" />
            <source>Spine charts (PNG)</source>
            <translation>Siartiau asgwrn cefn (PNG)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="92" />
            <source>Street list</source>
            <translation>Rhestr strydoedd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="31" />
            <source>claimant</source>
            <translation>hawlydd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="181" />
            <source>{} area(s) have no EPC homes; their housing indicators count as average.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="211" />
            <source>index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="132" />
            <source>No {} field on the area layer '{}': the index is built without it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="187" />
            <source>Spine charts of the {} areas with the highest index. Each bar is the range of all areas (dark: middle half), the line their average; the dot is the area: red where worse than three areas in four, green where better.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="13" />
            <source>Much better</source>
            <translation>Llawer gwell</translation>
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="13" />
            <source>Better</source>
            <translation>Gwell</translation>
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="13" />
            <source>Worse</source>
            <translation>Gwaeth</translation>
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="14" />
            <source>Much worse</source>
            <translation>Llawer gwaeth</translation>
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="97" />
            <source>No indicator varies between areas: there is nothing to index.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="103" />
            <source>The weights must add up to more than zero.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="37" />
            <source>Weights are name=number pairs separated by commas, not '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="42" />
            <source>The weight of '{}' is not a number: '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="93" />
            <source>Indicator '{}' is the same everywhere and was left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="113" />
            <source>Cancelled: nothing was written, and earlier results are as they were.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="254" />
            <source>The style could not be saved beside {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="345" />
            <source>The {} layer '{}' has no coordinate reference system, so it cannot be matched with the other layer. Set its CRS (Layer Properties &gt; Source).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="274" />
            <source>The {} layer '{}' has no field {} (for '{}'). Its fields are: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="304" />
            <source>The {} layer '{}' has no coordinate reference system. Set its CRS (Layer Properties &gt; Source), e.g. British National Grid (EPSG:27700).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="307" />
            <source>The {} layer '{}' is in a geographic CRS ({}), in degrees; this algorithm measures in metres. Reproject it first (e.g. to EPSG:27700 with Vector &gt; Data Management Tools &gt; Reproject Layer).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="111" />
            <source>Counting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="109" />
            <source>Writing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="161" />
            <source>{} area polygon(s) were invalid (e.g. a bow-tie) and were repaired before counting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/count_incidents.py" line="165" />
            <source>{} area(s) have no geometry: they count no incidents.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/outputs.py" line="174" />
            <source>The output '{}' has a path of {} characters; file names may have at most {} characters and whole paths at most {}. Choose a shorter name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/outputs.py" line="179" />
            <source>The output '{}' is a folder ({}); give a file name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/outputs.py" line="183" />
            <source>The output '{}' cannot be written: '{}' is a file, not a folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/outputs.py" line="185" />
            <source>The folder for the output '{}' cannot be created ({}): {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/outputs.py" line="190" />
            <source>The output '{}' cannot be written in the folder '{}': {}. Choose a folder you can write to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/outputs.py" line="146" />
            <source>The output '{}' would be written over an input ({}). Choose another file: nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/outputs.py" line="149" />
            <source>The outputs '{}' and '{}' are the same file ({}). Give each its own file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/counting.py" line="254" />
            <source>{} incident(s) fell outside the date window and were not counted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="190" />
            <source>Writing the outputs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="327" />
            <source>Applying the model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="332" />
            <source>Writing the output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="142" />
            <source>Counting incidents in the two windows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="146" />
            <source>Fitting on the training window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="148" />
            <source>Scoring the forecast on the test window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="88" />
            <source>The model file's band thresholds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="449" />
            <source>The model gives no finite forecast for {} area(s) (rows {}): their factor values are far outside those the model was fitted on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="490" />
            <source>The model file's family '{}' is not Poisson or negative binomial.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="494" />
            <source>The model file's 'coefficients' must map factor names to numbers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="510" />
            <source>In the model file, {} is {}, not a finite number: the file is damaged or was edited.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="513" />
            <source>In the model file, {} is {:g}, too large for a real model (at most {:g} in size): the file is damaged or was edited.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="516" />
            <source>In the model file, {} is {:g}; it must be at least {:g}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="84" />
            <source>The model file's bands are not described (method one of {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="48" />
            <source>{} must be {} numbers for {} bands, not {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="51" />
            <source>{} must be finite numbers, not {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="486" />
            <source>{} must be zero or more and strictly increasing, e.g. 10, 15, 20, 25; not {}.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="302" />
            <source>The selection stopped at its maximum of {} factors while other factors were still candidates; raise 'Maximum factors' to let it consider more.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="316" />
            <source>The model fit did not converge in {} iterations: its coefficients and forecasts may be unreliable. Try fewer factors, another family, or check for factors that separate areas with no incidents.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="473" />
            <source>The model file '{}' is not valid JSON: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="488" />
            <source>The model file has no '{}'; it is incomplete or was edited.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="499" />
            <source>The model file has no fill value for the factor '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="44" />
            <source>The windows must be in order: training start ≤ training end &lt; test start ≤ test end (given {}, {}, {}, {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="48" />
            <source>No incident has a date, so none can be put in a window.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="51" />
            <source>training</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="52" />
            <source>test</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="81" />
            <source>No incident of the test window lies in any area: there is nothing to score the forecast on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="55" />
            <source>No incident falls in the {} window {} to {}: the incidents' dates run from {} to {}. Choose windows within those dates.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="61" />
            <source>The training window starts on {} but the first dated incident is on {}: if there are no data before then, the training rates are understated. Start the window on or after {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="65" />
            <source>The test window ends on {} but the last dated incident is on {}: if there are no data after then, end the test window on or before {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="21" />
            <source>QGIS's GDAL Python bindings are built against NumPy 1, so NumPy 2 breaks raster reading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="23" />
            <source>dates written in several formats (EPC certificates, council extracts) need pandas 2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="25" />
            <source>the vectorised geometry functions (shapely.points, STRtree queries) arrived in shapely 2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="32" />
            <source>the linkage uses Splink 4's Linker and DuckDBAPI; Splink 3 is different</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="112" />
            <source>This algorithm needs Python packages which this QGIS cannot use:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="98" />
            <source>{}: not installed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="114" />
            <source>Install them for the Python that QGIS uses, for example: python3 -m pip install {} (on Windows, in the OSGeo4W Shell). The plugin's README, 'Using the plugin in your own QGIS', explains more.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="136" />
            <source>version unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="100" />
            <source>{}: version {} is installed, but {} or later is needed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="103" />
            <source>{}: version {} is installed, but it must be older than {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="106" />
            <source>Why: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/dependencies.py" line="137" />
            <source>{}: {}, usable.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/main.py" line="42" />
            <source>Community Risk Toolkit: find the homes and people most at risk from fire, poor housing and ill health</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/main.py" line="56" />
            <source>Python packages…</source>
            <translation>Pecynnau Python…</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" line="58" />
            <source>Check that the Python packages the algorithms need are installed, in versions that work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/main.py" line="68" />
            <source>Community Risk Toolkit: open one of its algorithms (count incidents, model fire risk, target home visits, map health and housing)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin/main.py" line="105" />
            <source>Python packages</source>
            <translation>Pecynnau Python</translation>
        </message>
        <message>
            <location filename="../plugin/main.py" line="99" />
            <source>{} cannot run</source>
            <translation>Ni all {} redeg</translation>
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="134" />
            <source>The secret for pseudonymised keys must be at least {} characters long, not counting spaces, and not one character repeated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="91" />
            <source>The dataset '{}' has {} UPRN(s) in '{}' written as numbers in scientific notation, e.g. '{}': Excel does this to long numbers and the last digits are lost, so these UPRNs cannot be trusted. Export the UPRN column again as text (in Excel: select the column, Format Cells &gt; Text, or import the CSV with Data &gt; From Text/CSV and set the column to Text), then run again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="23" />
            <source>Assembles one modelling layer: the areas with every candidate factor as a numeric field, ready for Fit fire risk model.

Inputs
- Areas: polygons in a projected CRS (areas are measured in it); Area id field: a unique code.
- Households field (optional): gives household density and rates per 1,000 households. Every area must have more than zero households; areas with none are refused with their ids.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="30" />
            <source>- Fill missing values: the median of the other areas (default), zero, or leave empty.

Output fields (the areas' own fields are kept)
- area_km2: area in square kilometres; hh_per_km2: households per square kilometre.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="34" />
            <source>The log (and the optional log file) lists every join: areas matched, codes with no match, missing values and how they were filled, and where each field came from (its table and full heading).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="104" />
            <source>Filling missing values</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="138" />
            <source>The households field '{}' of the area layer '{}' must be above zero in every area; {} area(s) are not: {}{}. Correct them (households are the denominator of every rate), or leave the households field empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="98" />
            <source>Factors from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="99" />
            <source>- Attribute tables (optional): census, deprivation, income, crime tables (CSV in UTF-8, UTF-16 or Windows-1252, gzipped or not; a spreadsheet or a layer) joined on the area code. Their numeric fields become factors.
- Table key fields (optional): the code field of each table, comma separated (one for all tables, or one per table); empty: the field whose values match the area ids is found.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="105" />
            <source>- &lt;table&gt;_&lt;field&gt;: each numeric table field, named from the table and field names; the log gives each field's full heading.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="176" />
            <source>- Point layers (optional): e.g. fire safety inspections, home fire safety visits, previous incidents: counted per area.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="178" />
            <source>- &lt;layer&gt;_count and &lt;layer&gt;_per_1k_hh: points per area and per 1,000 households.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="202" />
            <source>- Line layers (optional): e.g. roads: length and density per area.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="203" />
            <source>- &lt;layer&gt;_length_m and &lt;layer&gt;_m_per_km2: line length per area and per square kilometre.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="232" />
            <source>- Rasters (optional): zonal mean and sum of band 1 per area.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="233" />
            <source>- &lt;raster&gt;_mean and &lt;raster&gt;_sum: zonal statistics.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="123" />
            <source>The attribute table '{}' could not be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="161" />
            <source>No field of the table '{}' matches the area ids (e.g. {}); give its key field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="48" />
            <source>Combines housing and health indicators into one index per ward or LSOA, bands it, and draws a spine chart per area in the manner of Public Health England's local health profiles.

Inputs
- Areas: wards or LSOAs; Area id field.
- EPC homes: the output of Load EPC certificates (points with band_fg and private_rented; with a street list, also postcode and address).
- Claimant points (optional): housing benefit claimants placed on a map, for claimant density.
- IMD health field, IMD living environment field (optional): the IMD domain scores on the areas; areas without them are indexed on the other indicators (a warning says so).
- Other indicators (optional): any numeric fields, higher meaning worse.
- Weights: name=number pairs (zero or more); defaults pct_fg=2, pct_private_rented=1, claimants_per_1k=1, imd_health=1, imd_living_environment=1, others 1. A name that is not one of the run's indicators is refused, with the valid names.
- Spine charts for: how many of the highest-index areas get a chart (default 20).

Output fields (the areas' own fields are kept)
- epc_homes, pct_fg (F/G-rated homes, %), pct_private_rented (%), claimants_per_1k (per 1,000 EPC homes).
- hh_index: the weighted mean of standardised indicators (0 = average, 1 = one standard deviation worse); band: 1 much better … 5 much worse (quintiles); band_label.
Spine charts name each indicator in words and give the area's value and the average.
Street list: street and postcode district ranked by F/G-rated private rentals, for street surveys (as CSV: numbers unquoted, with a .csvt so QGIS sorts them as numbers).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="115" />
            <source>Combining the indicators</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="111" />
            <source>Reading EPC homes from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="256" />
            <source>Spine charts of the {} areas with the highest index. Each row gives the indicator, the area's value and the average of all areas; each bar is the range of all areas (dark: middle half), the line their average; the dot is the area: red where worse than three areas in four, green where better.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="212" />
            <source>Area</source>
            <translation>Ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="81" />
            <source>Reads the domestic Energy Performance Certificates export (certificates.csv, with the bulk download's column names or the API's lower-case hyphenated ones) in chunks, keeps the latest certificate of each home (by building reference number, UPRN, else address), and places each home on its UPRN point, else on its postcode's point.

Inputs
- EPC certificates: the CSV, plain or gzipped (.csv.gz), in UTF-8, UTF-16 or Windows-1252. Dates may be ISO (2016-03-31), day first (31/03/2016), month first (03/31/2016) or Excel day numbers (42460); the file's own order is found from dates that can only be read one way, and dates that could be read either way are reported.
- Postcodes: postcode points; Postcode field.
- UPRN points (optional): e.g. OS Open UPRN; UPRN field.
- As at (optional): the date certificate ages are measured to (default: the newest certificate).

Output fields (one point per home; homes that cannot be placed are kept without a point and counted in the log; a CSV or XLSX output adds x and y columns instead)
- uprn, address (as the register publishes it), postcode; rating (A-G; empty when the file's rating is not one); efficiency (1-100).
- band_fg: 1 for F or G, the excess-cold risk; private_rented: 1 for a private tenancy; no_mains_gas: 1 without mains gas; heating: gas, electric, other or none.
- cert_age_years: the certificate's age; lodged: its date; placed_by: uprn or postcode.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="166" />
            <source>Reading UPRN points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="145" />
            <source>Placing homes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="104" />
            <source>CSV files (*.csv *.csv.gz *.txt)</source>
            <translation>Ffeiliau CSV (*.csv *.csv.gz *.txt)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="168" />
            <source>Reading postcode points from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="139" />
            <source>Reading certificates from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="61" />
            <source>EPC rating {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dates.py" line="153" />
            <source>day first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dates.py" line="153" />
            <source>month first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dates.py" line="151" />
            <source>{}: {} date(s) are Excel day numbers (e.g. {}), read as days since 30/12/1899.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dates.py" line="155" />
            <source>{}: dates such as {} show the file writes numeric dates {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dates.py" line="168" />
            <source>{}: {} date(s) such as {} can only be read the other way round from the rest of the file, and were.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dates.py" line="172" />
            <source>{}: {} value(s) are not dates (e.g. {}); they are left empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dates.py" line="159" />
            <source>{}: {} date(s) such as {} could be day first or month first, and nothing in the file shows which; they were read day first, as UK registers write them. Check a few against the source.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dates.py" line="164" />
            <source>{}: {} date(s) such as {} could be read either way; they were read {}, as the file's other dates are.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="18" />
            <source>F/G-rated homes (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="19" />
            <source>Privately rented homes (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="20" />
            <source>Claimants per 1,000 EPC homes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="21" />
            <source>IMD health deprivation score</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="22" />
            <source>IMD living environment score</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="44" />
            <source>The weight of '{}' must be a number of zero or more, not '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="47" />
            <source>There is no indicator '{}' to weight. The indicators of this run are: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/epc.py" line="48" />
            <source>The file '{}' does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/epc.py" line="50" />
            <source>The file '{}' is empty (0 bytes).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/textfiles.py" line="45" />
            <source>The file '{}' could not be read: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/textfiles.py" line="80" />
            <source>The file '{}' could not be read as a table: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="37" />
            <source>Finds housing benefit or Universal Credit housing-element claimants living in F/G-rated, privately rented homes: the homes a Housing Health and Safety Rating System inspection or minimum energy efficiency enforcement should reach first.

Inputs
- Claimants: the council's export (CSV, CSV.GZ or XLSX, in any common encoding; the format is read from the content) with a UPRN, or address lines and a postcode.
- EPC homes: the output of Load EPC certificates.
- Secret: at least 16 characters, for the pseudonymised household keys (or the COMMUNITY_RISK_SECRET environment variable); never stored.
- Referral mode, with its Lawful basis: adds the home's address and UPRN.

Linkage: exact UPRN, else Splink address matching, as in Find people at risk. Names, dates of birth, claim references and amounts are never used or written.

Output fields (one row per claimant household, flagged homes first)
- household_key, postcode, claimants (rows in the export).
- epc_found: 1 when matched to an EPC home; rating, band_fg, private_rented: from that home.
- flagged: 1 for an F/G-rated private rental.
Processing record (JSON): datasets, fields used, match rate, outputs, for the Privacy Impact Assessment.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="119" />
            <source>Linking claimants to EPC homes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="114" />
            <source>Reading '{}' and '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="40" />
            <source>Which lifestyle groups have more fires than their number of homes suggests? The layout of London Fire Brigade's Mosaic tables, with any segmentation (Mosaic, the open Output Area Classification).

Inputs
- Homes: a postcode or address layer; Segment field: its lifestyle group; Homes field (optional): homes per feature (default 1).
- Homes postcode field (optional): to match incidents given by postcode.
- Incidents: points or a table with an Incident postcode field. A point takes the segment of the home polygon it lies in (e.g. LSOAs with an Output Area Classification segment), or of the nearest home point. Casualties field (optional): casualties per incident.
- Maximum distance (optional, in metres): point homes farther than this from an incident are not matched; an incident outside every home polygon takes the nearest polygon within this distance (without it, such incidents are left out and counted in the log).
Matching by location measures in metres: in the homes' CRS when it is projected, else in the incidents' CRS (the homes are reprojected). Layers without a CRS, or both in degrees, are refused.

Output fields (one row per segment, highest index first)
- segment, homes, pct_homes: the segment's homes and share of all homes.
- incidents, pct_incidents, casualties, pct_casualties: its incidents and casualties and their shares.
- index: share of incidents ÷ share of homes × 100 (100 = as many as its homes suggest); index_low, index_high: 95% interval; casualty_index: share of casualties ÷ share of homes × 100.
Homes with segment index: the homes layer with segment_index, styled from blue (below 100) to red.
Report: the profile in plain words, with charts of the incident and casualty indexes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="107" />
            <source>Profiling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="97" />
            <source>Reading homes from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/lifestyle_profile.py" line="165" />
            <source>{} incident(s) have no geometry and were left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="46" />
            <source>Finds the households most at risk of dying in a fire (older, living alone, reduced mobility, other health issues, smoking or candles, a previous near miss, receiving or needing care) by joining datasets the council already holds, with privacy designed in.

Inputs
- Datasets: council exports (CSV, CSV.GZ or XLSX, or any vector file; CSV in UTF-8, UTF-16 or Windows-1252, comma, semicolon or tab separated; the format is read from the content, whatever the extension says): council tax, electoral register, assisted bin collections, meals on wheels, disability allowance, carers, NHS Exeter data. The UPRN, postcode and address line fields are found by their names.
- Roles: one per dataset, comma separated, in the same order: older, alone, mobility, health, smoking, near_miss, care, or register for a dataset of households with no risk factor of its own (council tax). A role may be given once.
- Secret: at least 16 characters; household keys are keyed hashes (HMAC-SHA256) of it, so the same secret gives the same keys next time. It is never written anywhere. Leave it empty to take it from the COMMUNITY_RISK_SECRET environment variable, which keeps it out of the Processing history.
- Postcode list (optional): the postcodes that exist (e.g. Code-Point Open) and its Postcode list field, to report rows whose postcode is well formed but does not exist.
- Match threshold: the match probability from which two records are one household (default 0.9).
- Referral mode: adds the address and UPRN to the output, for a referral; it needs the Lawful basis.

Linkage: rows sharing a UPRN are one household; other rows are matched on their address (postcode, flat and house number, street) by Splink's probabilistic model on DuckDB. Names, dates of birth and free text are never used and never written.

Output fields (one row per household, highest score first)
- household_key: the pseudonymised household; postcode.
- older, alone, mobility, health, smoking, near_miss, care: 1 where a dataset of that role lists it.
- n_factors: how many of the seven; score: weighted sum (mobility, smoking and near miss count 2).
- datasets: in how many datasets it appears; address, uprn: in referral mode only.
Clerical review: the borderline pairs, most likely first, up to 50,000 (dataset and row of each record, match weight and probability). Processing record (JSON): datasets, fields used and dropped, row counts, match rates, outputs written, for the Privacy Impact Assessment.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="193" />
            <source>Linking households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="55" />
            <source>Tells crews where to go: every postcode gets a priority score from the risk of its area, the lifestyle index of its homes and the households at risk in it, and a tier: P1 (visit first), P2, P3.

Inputs
- Postcodes: postcode points; Postcode field: the postcode.
- Areas: the fire risk model's output or any area layer; Area risk field: its risk (default rate_10k).
- Lifestyle layer (optional): the homes layer from Lifestyle profile; Lifestyle index field (default segment_index). A postcode takes the index of the home polygon it lies in, or of the nearest home point.
- Household risk (optional): the output of Find people at risk, or any table with a postcode and a number of risk factors per household (Household postcode field, Household risk factors field); a household counts as at risk with at least Minimum risk factors.
- P1 postcodes, P2 postcodes: how many postcodes each tier holds, e.g. the visits stations can make this quarter (defaults 100 and 400). Or tier by thresholds instead: P1 minimum score and P2 minimum score (0-100); when given they replace the quotas.
- Split areas (optional): wards, boroughs or station grounds, with a Split area name field: one visit list and one summary per split area.

The score is the weighted mean of the postcode's percentile ranks (0-100) on each input given: area risk (weight 1), lifestyle index (1) and households at risk (2).

Output fields (the postcodes' own fields are kept)
- area_risk, lifestyle_index: the values the postcode took.
- households_at_risk: households with at least the minimum risk factors; counts under 5 are left empty so no output singles out a few households.
- priority_score: 0-100; rank: 1 for the highest score; tier: P1, P2 or P3; split_area: its split area.
- reason: why the postcode ranks where it does, e.g. 'Rank 3 of 4000: 7 households at risk (top 1%); area risk 41.2 (top 5%)'.
Visit lists: a folder with one CSV per split area (P1 and P2 postcodes, highest first, with the reason for each) and one HTML summary page per split area. File names keep letters, digits, - and _ only; two areas whose names would give the same file name get _2, _3 … and index.csv says which file is which area's.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="161" />
            <source>Scoring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="150" />
            <source>Reading postcodes from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="205" />
            <source>Reading '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="203" />
            <source>Choose the '{}' of the {} layer '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="268" />
            <source>Visit list of '{}': {}.csv and {}.html</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="97" />
            <source>No home feature has a geometry: incidents cannot be placed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="117" />
            <source>{} of {} incident(s) lie inside a home polygon and take its segment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="162" />
            <source>More incidents than their homes suggest (the whole 95% interval above 100): {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="164" />
            <source>Fewer incidents than their homes suggest (the whole 95% interval below 100): {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="182" />
            <source>Casualties</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="182" />
            <source>Share of casualties</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="182" />
            <source>Casualty index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="170" />
            <source>Incident index (100 = as many incidents as homes suggest)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="125" />
            <source>{} incident(s) outside every home polygon take the segment of a polygon within {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="130" />
            <source>{} incident(s) lie outside every home polygon, farther than {} from all of them, and were left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="133" />
            <source>{} incident(s) lie outside every home polygon and were left out (give a Maximum distance to take the nearest polygon's segment).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="176" />
            <source>Casualty index (100 = as many casualties as homes suggest)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="193" />
            <source>Index = share of incidents ÷ share of homes × 100, with an exact (Garwood) 95% interval for the count of incidents. Casualty index = share of casualties ÷ share of homes × 100.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/lifestyle.py" line="158" />
            <source>{:,.0f} homes in {} segments; {:,} incidents placed; {:,.0f} casualties.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="158" />
            <source>Unknown score component(s): {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="208" />
            <source>no households at risk known</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="207" />
            <source>fewer than 5 households at risk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="211" />
            <source>no area risk (in no area)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="212" />
            <source>no lifestyle index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="210" />
            <source>lifestyle index {:.0f}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="217" />
            <source>Rank</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="56" />
            <source>Why</source>
            <translation>Pam</translation>
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="308" />
            <source>Score: weighted mean of the percentile ranks of area risk (weight 1), lifestyle index (1) and households at risk (2). Household counts under 5 are not shown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="210" />
            <source>area risk {:.3g}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="197" />
            <source>Rank {} of {}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="205" />
            <source>{} households at risk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="304" />
            <source>The {} highest priorities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/priority.py" line="214" />
            <source> (top {}%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/readers.py" line="77" />
            <source>The dataset '{}' is an old Excel 97-2003 workbook (.xls). Save it as .xlsx or CSV and run again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/readers.py" line="98" />
            <source>The dataset '{}' is not a table: it is neither CSV nor XLSX.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/readers.py" line="102" />
            <source>The dataset '{}' could not be read as CSV: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/readers.py" line="113" />
            <source>The dataset '{}' could not be read as an Excel workbook: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/readers.py" line="124" />
            <source>The dataset '{}' could not be read: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/readers.py" line="74" />
            <source>The dataset '{}' is a damaged gzip file: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="33" />
            <source>London Fire Brigade ({} per 10,000 households)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="36" />
            <source>Automatic: rates for fixed thresholds, names for quintiles and natural breaks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="37" />
            <source>Rates (e.g. 20–25 per 10,000 households)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="38" />
            <source>Names (Well below average … Well above average)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="159" />
            <source>Band labels</source>
            <translation>Labeli'r bandiau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="219" />
            <source>Areas per band: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="100" />
            <source>Finds the combination of factors that best explains incident counts per area (London Fire Brigade's method), forecasts incidents per household for every area, and puts each area in one of five risk bands.

Inputs
- Areas: a layer with one feature per area (wards, LSOAs), e.g. the output of Count incidents per area and Build factors.
- Area id field (optional): names areas in messages and the report.
- Incident count field: incidents per area over the years counted.
- Households field: households per area; the model forecasts incidents per household.
- Years the counts cover: e.g. 5 for counts from 2012 to 2016.
- Factors: candidate explanatory fields; by default every numeric field except the count, the households and other counts of the same incidents (fields starting with the count field's name).
- Family: Poisson, negative binomial, or automatic (negative binomial when the counts vary more than Poisson allows).
- Selection: forward stepwise by AIC (default) or BIC, LASSO with cross-validation, or none.
- Maximum factors: the most factors stepwise or LASSO may choose.
- Use each area's own history: shrink the area's observed rate towards the modelled rate (empirical Bayes), so persistent hot spots are kept without chasing one bad year.
- Banding: London Fire Brigade's thresholds ({lfb} incidents per 10,000 households a year), your own four thresholds (My thresholds, e.g. {example}), quintiles or natural breaks. LFB's thresholds compare areas with London's rates: where the local average is not in the middle band, the log and report say so.
- Band labels: by rate ('20–25 per 10,000 households'; the default for fixed thresholds) or by name ('Well below average' … 'Well above average'; the default for quintiles and natural breaks).

</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="54" />
            <source>{} must be zero or more and strictly increasing, e.g. {}; not {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="173" />
            <source>The average here is {:.1f} incidents per 10,000 households a year, which falls in band {} of the London Fire Brigade thresholds, not in the middle band {}: the bands compare these areas with London's rates, not with their own average. For bands relative to this data, choose quintiles or natural breaks.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="39" />
            <source>My thresholds must be {} numbers separated by commas, e.g. {}; not '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="71" />
            <source>Unknown band label style '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="125" />
            <source>{} bands by {} need at least {} areas with a forecast, not {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="142" />
            <source>Up to {} per 10,000 households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="143" />
            <source>{}–{} per 10,000 households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="144" />
            <source>Over {} per 10,000 households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="45" />
            <source>Every area gets a forecast of incidents per household for the years ahead. The forecast is built from the factors above and, where chosen, from the area's own record, weighed by how much of that record is more than chance. Areas are then put in {} bands by forecast incidents per 10,000 households a year.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="408" />
            <source>is empty (0 bytes). Was it copied or downloaded in full?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="414" />
            <source>is not a GeoPackage: it does not begin as one does. It may be damaged, or another kind of file renamed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="420" />
            <source>is truncated: it holds {:,} of its {:,} bytes. Copy or download it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="399" />
            <source>The input '{}' cannot be read: the file '{}' {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="27" />
            <source>Hot spots: distance to the 20th nearest point</source>
            <translation>Mannau poeth: pellter i'r 20fed pwynt agosaf</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="28" />
            <source>Smooth overview: Silverman's rule</source>
            <translation>Trosolwg llyfn: rheol Silverman</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="65" />
            <source>A smooth surface of how densely points (fires, F/G-rated homes, benefit claimants) lie, as a GeoTIFF of points per square kilometre.

Inputs
- Points: any point layer with a CRS; Weight field (optional): a number per point, e.g. casualties (default 1).
- Points are (optional): what the points are, for the legend, e.g. 'fires' gives 'fires per km²' (default: the layer's name).
- Cell size (metres): default 50.
- Automatic bandwidth: how the kernel's radius is chosen when Bandwidth is empty.
  Hot spots (default): the median distance from a point to its 20th nearest point, so a kernel typically holds about 20 points. It adapts to how dense the points are and keeps streets and estates apart: about 300 m for the sample's fires and for London's. Use it to find where to act.
  Smooth overview: Silverman's rule of thumb, h = 2.78 × sigma × n^(-1/6), with sigma the mean of the coordinates' robust standard deviations. It describes the spread of the whole layer: 1.7 km on the sample and 3.7 km on London, which blurs a borough into one or two blobs. Use it for a borough-wide picture.
- Bandwidth (metres, optional): the kernel's radius; overrides the automatic choice. The log reports the value used.
- Boundary (optional): polygons to clip to; cells outside are left empty. When the points are in a geographic CRS (degrees) and the boundary in a projected one, the points are reprojected to it.

Output: a one-band GeoTIFF (.tif; other formats are refused) of points per square kilometre, using QGIS's quartic (biweight) kernel so the surface adds up to the number of points. It opens with a colour ramp whose legend gives the units, from the .qml saved beside it. A grid that would need more than half the free memory is refused before any work, with the figure.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="132" />
            <source>Making the surface</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="95" />
            <source>Points are (for the legend, e.g. fires)</source>
            <translation>Beth yw'r pwyntiau (ar gyfer yr allwedd, e.e. tanau)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="97" />
            <source>Cell size (metres)</source>
            <translation>Maint cell (metrau)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="100" />
            <source>Automatic bandwidth</source>
            <translation>Lled band awtomatig</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="102" />
            <source>Bandwidth (metres; empty: automatic)</source>
            <translation>Lled band (metrau; gwag: awtomatig)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="108" />
            <source>Bandwidth used (metres)</source>
            <translation>Lled band a ddefnyddiwyd (metrau)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="135" />
            <source>{} per km²</source>
            <translation>{} fesul km²</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="125" />
            <source>Reading points from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="115" />
            <source>The heat surface is written as a GeoTIFF, so its file must end in .tif; '{}' would be a GeoTIFF under another format's name. Name it e.g. heat.tif.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="146" />
            <source>The points are in degrees ({}); they are reprojected to the boundary's CRS ({}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="194" />
            <source>Bandwidth by Silverman's rule: {:,.0f} m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="197" />
            <source>Bandwidth for hot spots (median distance to the 20th nearest point): {:,.0f} m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/kde.py" line="33" />
            <source>Most points share a position with {} others: give the bandwidth.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/kde.py" line="85" />
            <source>A surface of {:,} x {:,} cells of {:g} needs about {:,.1f} GB of memory, more than half of the {:,.1f} GB free. Choose a cell size of at least {:,.0f}, or clip to a smaller boundary.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="259" />
            <source>Not used as factors: {}. They are other counts of the same incidents as '{}' (a total that contains it, or other years), and would leak what the model forecasts into its factors. List them under Factors to use them anyway.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="90" />
            <source>it is a copy of the count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="91" />
            <source>it is proportional to the count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="92" />
            <source>it is the count per household, a rate made from the count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="192" />
            <source>it is a total of the same incidents that contains the count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="194" />
            <source>Factor '{}' was dropped: {} '{}', so it would leak what the model is to forecast into its factors.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="147" />
            <source>Area (km²)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/build_factors.py" line="151" />
            <source>Households per km²</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/health_index.py" line="236" />
            <source>Band (1 much better, 5 much worse)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="38" />
            <source>EPC rating</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="44" />
            <source>Energy efficiency (1-100)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="45" />
            <source>Rated F or G (1 = yes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="45" />
            <source>Privately rented (1 = yes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="46" />
            <source>No mains gas (1 = yes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="46" />
            <source>Main heating</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="47" />
            <source>Certificate age (years)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="47" />
            <source>Certificate lodged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="48" />
            <source>Placed by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="44" />
            <source>- Referral mode, with its Lawful basis: adds the home's address and UPRN.

Linkage: exact UPRN, else Splink address matching, as in Find people at risk. Names, dates of birth, claim references and amounts are never used or written.

Output fields (one row per claimant household, flagged homes first)
- household_key, postcode, claimants (rows in the export).
- epc_found: 1 when matched to an EPC home; rating, band_fg, private_rented: from that home.
- flagged: 1 for an F/G-rated private rental.
Processing record (JSON): datasets, fields used, match rate, outputs, for the Privacy Impact Assessment.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="58" />
            <source>Finds housing benefit or Universal Credit housing-element claimants living in F/G-rated, privately rented homes: the homes a Housing Health and Safety Rating System inspection or minimum energy efficiency enforcement should reach first.

Inputs
- Claimants: the council's export (CSV, CSV.GZ or XLSX, in any common encoding; the format is read from the content) with a UPRN, or address lines and a postcode.
- EPC homes: the output of Load EPC certificates.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="59" />
            <source>Household keys are keyed hashes (HMAC-SHA256) with the secret.
- Postcode list (optional): the postcodes that exist (e.g. Code-Point Open) and its Postcode list field, to report rows whose postcode is well formed but does not exist.
- Match threshold: the match probability from which two records are one household (default 0.9).
- Referral mode: adds the address and UPRN to the output, for a referral; it needs the Lawful basis.

Linkage: rows sharing a UPRN are one household; other rows are matched on their address (postcode, flat and house number, street) by Splink's probabilistic model on DuckDB. Names, dates of birth and free text are never used and never written.

Output fields (one row per household, highest score first)
- household_key: the pseudonymised household; postcode.
- older, alone, mobility, health, smoking, near_miss, care: 1 where a dataset of that role lists it.
- n_factors: how many of the seven; score: weighted sum (mobility, smoking and near miss count 2).
- datasets: in how many datasets it appears; address, uprn: in referral mode only.
Clerical review: the borderline pairs, most likely first, up to 50,000 (dataset and row of each record, match weight and probability). Processing record (JSON): datasets, fields used and dropped, row counts, match rates, outputs written, for the Privacy Impact Assessment.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="117" />
            <source>Finds the households most at risk of dying in a fire (older, living alone, reduced mobility, other health issues, smoking or candles, a previous near miss, receiving or needing care) by joining datasets the council already holds, with privacy designed in.

Inputs
- Datasets: council exports (CSV, CSV.GZ or XLSX, or any vector file; CSV in UTF-8, UTF-16 or Windows-1252, comma, semicolon or tab separated; the format is read from the content, whatever the extension says): council tax, electoral register, assisted bin collections, meals on wheels, disability allowance, carers, NHS Exeter data. The UPRN, postcode and address line fields are found by their names.
- Roles: one per dataset, comma separated, in the same order: older, alone, mobility, health, smoking, near_miss, care, or register for a dataset of households with no risk factor of its own (council tax). A role may be given once.
</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="25" />
            <source>- Secret: choose an authentication configuration that holds the secret for the pseudonymised household keys (Settings &gt; Options &gt; Authentication: add a Basic configuration with the secret as its Password; the user name is not used). QGIS keeps it encrypted under your master password. The secret must have at least 16 characters that are not spaces; the same secret gives the same keys next time. It is never written anywhere: not in the Processing history, the log, the processing record or any output. With qgis_process, give it in the COMMUNITY_RISK_SECRET environment variable instead (headless runs unlock the authentication database with QGIS_AUTH_PASSWORD_FILE).
</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="42" />
            <source>Secret (authentication configuration)</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="82" />
            <source>No pseudonymisation secret: choose the authentication configuration that holds it, or set the {} environment variable.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="91" />
            <source>QGIS's authentication database is not available ({}); set the {} environment variable instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="94" />
            <source>The authentication configuration '{}' is not in this QGIS profile's authentication database.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="101" />
            <source>The authentication configuration '{}' could not be unlocked: enter the master password when QGIS asks for it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="105" />
            <source>The authentication configuration '{}' ({}) holds no secret: put the secret in its Password field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/fire_model.py" line="100" />
            <source>Finds the combination of factors that best explains incident counts per area (London Fire Brigade's method), forecasts incidents per household for every area, and puts each area in one of five risk bands.

Inputs
- Areas: a layer with one feature per area (wards, LSOAs), e.g. the output of Count incidents per area and Build factors.
- Area id field (optional): names areas in messages and the report.
- Incident count field: incidents per area over the years counted.
- Households field: households per area; the model forecasts incidents per household.
- Years the counts cover: e.g. 5 for counts from 2012 to 2016 (at least 1; there is no default). Where the layer has the count's per-year fields (incidents_2012 … from Count incidents with Count per year), the years are checked against them.
- Factors: candidate explanatory fields; by default every numeric field except the count, the households and other counts of the same incidents (fields starting with the count field's name).
- Family: Poisson, negative binomial, or automatic (negative binomial when the counts vary more than Poisson allows).
- Selection: forward stepwise by AIC (default) or BIC, LASSO with cross-validation, or none.
- Maximum factors: the most factors stepwise or LASSO may choose.
- Use each area's own history: shrink the area's observed rate towards the modelled rate (empirical Bayes), so persistent hot spots are kept without chasing one bad year.
- Banding: London Fire Brigade's thresholds ({lfb} incidents per 10,000 households a year), your own four thresholds (My thresholds, e.g. {example}), quintiles or natural breaks. LFB's thresholds compare areas with London's rates: where the local average is not in the middle band, the log and report say so.
- Band labels: by rate ('20–25 per 10,000 households'; the default for fixed thresholds) or by name ('Well below average' … 'Well above average'; the default for quintiles and natural breaks).

</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/validate_model.py" line="56" />
            <source>Proves whether the fire risk model looks forward: it counts incidents in a training window and a later test window, fits the model on the first, and scores its forecast on the second, which it never saw.

Inputs
- Areas: polygons with households and factor fields; Area id field: a unique code.
- Households field: households per area.
- Incidents: dated points; Date field: their date. Filter (optional): which incidents count.
- Training start / Training end, Test start / Test end: the two windows (dates included). By default the last three whole years are the test window and the five years before them the training window; set them to your incidents' dates. A window with no incident is refused, and one reaching beyond the first or last dated incident is warned about.
- Factors, Family, Selection, Maximum factors, Use each area's own history: as in Fit fire risk model.

Report: the share of test-window incidents in the top 5%, 10% and 20% of areas ranked by the forecast, against ranking by past incidents and the hindsight best; Spearman rank correlation; Poisson deviance; a capture curve.

Output fields (optional layer; the areas' own fields are kept)
- train_incidents, test_incidents: incidents in each window.
- forecast: forecast incidents per year from the training window.
- forecast_rank: 1 = the area ranked highest.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="116" />
            <source>The count field '{}' holds one calendar year's incidents, but 'Years the counts cover' is {:g}: give 1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="128" />
            <source>'Years the counts cover' is {:g}, but the count field '{}' holds the incidents of {} calendar year(s), {} to {} (its per-year fields): give {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="135" />
            <source>The counts in '{}' cover {:g} year(s), {}–{}, as its per-year fields show.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="119" />
            <source>The counts in '{}' are taken to cover {:g} year(s), as given.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="125" />
            <source>The per-year fields of '{}' ({}–{}) do not add up to it, so the {:g} year(s) given could not be checked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="132" />
            <source>'Years the counts cover' is {:g}, but the per-year fields of '{}' span {} calendar years ({}–{}): right only if the count's window began or ended part-way through a year.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="212" />
            <source>line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/factor_sources.py" line="242" />
            <source>The raster '{}' has no coordinate reference system, so it cannot be matched with the areas. Set its CRS (Layer Properties &gt; Source).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/priority_postcodes.py" line="67" />
            <source>Tells crews where to go: every postcode gets a priority score from the risk of its area, the lifestyle index of its homes and the households at risk in it, and a tier: P1 (visit first), P2, P3.

Inputs
- Postcodes: postcode points; Postcode field: the postcode.
- Areas: the fire risk model's output or any area layer; Area risk field: its risk (default rate_10k).
- Lifestyle layer (optional): the homes layer from Lifestyle profile; Lifestyle index field (default segment_index). A postcode takes the index of the home polygon it lies in, or of the nearest home point.
- Household risk (optional): the output of Find people at risk, or any table with a postcode and a number of risk factors per household (Household postcode field, Household risk factors field); a household counts as at risk with at least Minimum risk factors.
- P1 postcodes, P2 postcodes: how many postcodes each tier holds, e.g. the visits stations can make this quarter (defaults 100 and 400). Or tier by thresholds instead: P1 minimum score and P2 minimum score (0-100); when given they replace the quotas.
- Split areas (optional): wards, boroughs or station grounds, with a Split area name field: one visit list and one summary per split area.

The score is the weighted mean of the postcode's percentile ranks (0-100) on each input given: area risk (weight 1), lifestyle index (1) and households at risk (2).

Output fields (the postcodes' own fields are kept)
- area_risk, lifestyle_index: the values the postcode took.
- households_at_risk: households with at least the minimum risk factors; counts under 5 are left empty so no output singles out a few households.
- priority_score: 0-100; rank: 1 for the highest score; tier: P1, P2 or P3; split_area: its split area.
- reason: why the postcode ranks where it does, e.g. 'Rank 3 of 4000: 7 households at risk (top 1%); area risk 41.2 (top 5%)'; household counts under 5 appear only as 'fewer than 5', with no share.
Visit lists: a folder with one CSV per split area (P1 and P2 postcodes, highest first, with the reason for each) and one HTML summary page per split area. File names keep letters, digits, - and _ only; two areas whose names would give the same file name get _2, _3 … and index.csv says which file is which area's.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="545" />
            <source>Areas where '{}' is higher have more fires: a typical difference ({}, one standard deviation) goes with {:.0f}% more fires per household, other factors being equal.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/firemodel.py" line="549" />
            <source>Areas where '{}' is higher have fewer fires: a typical difference ({}, one standard deviation) goes with {:.0f}% fewer fires per household, other factors being equal.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="124" />
            <source>Neighbouring areas' errors are alike (spatial clustering the factors miss): consider adding a local factor, or using each area's own history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="121" />
            <source>Neighbouring areas' errors are alike: the factors miss something local. The forecast already uses each area's own history, which absorbs much of it; to explain it, consider adding a local factor (e.g. a neighbourhood measure or the station ground).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="155" />
            <source>A rate ratio of 1.2 means 20% more incidents per household where the factor is one standard deviation higher, other factors being equal. The model file keeps the coefficients per unit of each factor.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="139" />
            <source>Baseline incidents per household a year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="152" />
            <source>One standard deviation (a typical difference)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/report.py" line="153" />
            <source>Rate ratio per standard deviation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="183" />
            <source>Past incidents, at the same rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="174" />
            <source>The point layer '{}' holds multipoints, whose parts cannot share one weight. Split them first (Vector &gt; Geometry Tools &gt; Multipart to Singleparts).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="178" />
            <source>The weight field '{}' of the point layer '{}' has {} negative value(s) (e.g. {:g}); a density needs weights of zero or more.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/heat_surface.py" line="183" />
            <source>{} point(s) have no usable weight (empty, NaN or infinite) and are left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/health_index.py" line="88" />
            <source>Indicator '{}': {} infinite value(s) count as average.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="27" />
            <source>Housing standards</source>
            <translation>Safonau tai</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="24" />
            <source>HMO prevalence</source>
            <translation>Nifer yr HMOs</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="27" />
            <source>property</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="47" />
            <source>Estimates how many houses in multiple occupation (HMOs) each ward or LSOA holds, how many are licensed and the share that is not, with intervals: the evidence a council needs to consult on an additional licensing designation (Housing Act 2004, s56).

Property mode: give Properties.
- Properties: the output of Find unlicensed HMOs (points).
- HMO probability field (default hmo_probability, 0-1) and Licensed flag field (default licensed, 0/1).
Each area's estimate is its licensed HMOs plus the sum of the other properties' probabilities; the interval is exact (Poisson-binomial).

Area mode: leave Properties empty.
- Households field: households per area, the exposure.
- HMO incidents field: fires flagged as HMO per area (Count incidents with a filter).
- Years the HMO incidents cover.
- Factors: e.g. Census 2021 shares of private renting, of converted or shared houses and bedsits, of overcrowding.
- Licensed HMOs field (optional): licensed HMOs per area, from your register.
- Recorded HMO fires per 1,000 HMOs a year: an ASSUMPTION (default 1: London recorded about 145 HMO fires a year in 2013-16, against a stock of the order of 150,000 HMOs). Halve it and every estimate doubles; the ranking of areas does not change.
- Total HMOs in the areas, if known: a stock estimate you already have (e.g. from a stock condition survey) is shared out between the areas instead.
A negative binomial model of HMO fires on the factors, pulled toward each area's own fires (empirical Bayes), gives each area's expected HMO fires a year, which the assumption turns into HMOs.

Both modes
- Areas (wards or LSOAs) and Area id field (unique).
- Interval: its coverage, default 95%.

Output fields (the areas' own fields are kept): estimated_hmos, estimated_hmos_low, estimated_hmos_high (the interval), licensed_hmos (empty when unknown), unlicensed_share (1 - licensed / estimated) with unlicensed_share_low and unlicensed_share_high. Report: a one-page summary for the consultation, saying what the estimate means and what it does not show.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="173" />
            <source>Summing HMO probabilities per area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="189" />
            <source>Modelling HMO incidents on the factors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="81" />
            <source>Properties (output of Find unlicensed HMOs)</source>
            <translation>Eiddo (allbwn Canfod HMOs heb drwydded)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="84" />
            <source>HMO probability field</source>
            <translation>Maes tebygolrwydd HMO</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="87" />
            <source>Licensed flag field (0/1)</source>
            <translation>Maes baner trwydded (0/1)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="90" />
            <source>Areas (wards or LSOAs)</source>
            <translation>Ardaloedd (wardiau neu LSOAs)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="92" />
            <source>Households field (area mode)</source>
            <translation>Maes aelwydydd (modd ardal)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="93" />
            <source>HMO incidents field (area mode)</source>
            <translation>Maes digwyddiadau HMO (modd ardal)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="94" />
            <source>Licensed HMOs field (area mode, optional)</source>
            <translation>Maes HMOs trwyddedig (modd ardal, dewisol)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="97" />
            <source>Factors (area mode)</source>
            <translation>Ffactorau (modd ardal)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="99" />
            <source>Years the HMO incidents cover (area mode)</source>
            <translation>Blynyddoedd y digwyddiadau HMO (modd ardal)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="102" />
            <source>Recorded HMO fires per 1,000 HMOs a year (assumed)</source>
            <translation>Tanau HMO a gofnodwyd fesul 1,000 HMO y flwyddyn (tybiedig)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="105" />
            <source>Total HMOs in the areas, if known (0: use the fire rate)</source>
            <translation>Cyfanswm yr HMOs yn yr ardaloedd, os yw'n hysbys (0: defnyddio cyfradd y tanau)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="108" />
            <source>Interval (%)</source>
            <translation>Cyfwng (%)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="114" />
            <source>Estimated HMOs in all areas</source>
            <translation>Amcangyfrif o HMOs ym mhob ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="185" />
            <source>No factors were given: each area's HMO fire rate is shrunk toward the average of all areas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="163" />
            <source>Reading properties from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="147" />
            <source>HMO incidents field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="148" />
            <source>Years</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo_prevalence.py" line="151" />
            <source>Give either Properties (the output of Find unlicensed HMOs) or, for area mode, {} on the areas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="405" />
            <source>Before designating an area for additional licensing, a council must consider that a significant proportion of the HMOs of the description it names are being managed so ineffectively as to give rise, or be likely to give rise, to problems for their occupiers or the public (s56(2)); it must take reasonable steps to consult those likely to be affected and consider what they say (s56(3)); and the designation must fit its housing strategy and follow a look at other courses of action (s57). This page is evidence of how many HMOs there are, where, and how many are outside licensing. It is not evidence of poor management: pair it with complaints, inspections and enforcement records for the same areas, and publish the method with the consultation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="334" />
            <source>households renting privately (share)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="335" />
            <source>households in a converted or shared house, bedsits included (share)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="336" />
            <source>households with fewer bedrooms than they need (share)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="337" />
            <source>households of five or more people (share)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="338" />
            <source>one-person households (share)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="74" />
            <source>{} propert(ies) have an HMO probability that is missing or not between 0 and 1 (e.g. {}). Use the output of Find unlicensed HMOs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="79" />
            <source>{} propert(ies) have a licensed flag that is neither 0 nor 1 (e.g. {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="157" />
            <source>The number of years must be more than 0 (it is {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="162" />
            <source>The HMO incident counts must be whole numbers of 0 or more; {} area(s) have other values (e.g. {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="175" />
            <source>The factor(s) {} hold infinite values; fix them or leave them out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="189" />
            <source>Only {} area(s) have both an HMO incident count and households; the model needs at least {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="192" />
            <source>No area has any HMO incident, so there is nothing to model. Check the HMO incident field and the filter that counted the incidents.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="207" />
            <source>The model of HMO incidents on the factors did not converge. Try fewer factors, or factors that are not near copies of one another.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="222" />
            <source>The total number of HMOs must be more than 0 (it is {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="225" />
            <source>Recorded HMO fires per 1,000 HMOs a year must be more than 0 (it is {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="237" />
            <source>Licensed HMO counts cannot be negative ({} area(s)).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="463" />
            <source>What goes with more HMO fires</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="464" />
            <source>The rate ratio is how many times the HMO fire rate per household changes for one standard deviation more of the factor, the others held equal.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="466" />
            <source>Rate ratio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="97" />
            <source>{} propert(ies) lie outside every area and are counted in none.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="168" />
            <source>{} area(s) have no HMO incident count or no households (missing, 0 or negative): they are left out of the model and get no estimate.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="185" />
            <source>The factor(s) {} do not vary between areas and are left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="371" />
            <source>Across {} areas: an estimated {} HMOs ({} interval {} to {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="380" />
            <source>No licensed HMO counts were given, so the unlicensed share is not known.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="390" />
            <source>Houses in multiple occupation: how many, where, how many unlicensed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="395" />
            <source>Estimated HMOs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="395" />
            <source>Interval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="395" />
            <source>Licensed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="396" />
            <source>Unlicensed share</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="397" />
            <source>What the estimate means</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="399" />
            <source>Using it for an additional licensing designation (Housing Act 2004, s56)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="442" />
            <source>There is no register of all HMOs, so the count is inferred from fires. HMO fires over {} year(s) are modelled on the area factors (a negative binomial model with households as exposure); each area's own fires then pull its expected rate away from the model, the more so the more fires it had (empirical Bayes). Then {}. The {} interval covers the uncertainty of the model and of each area's rate, not that of the scaling. Rank and compare areas with confidence; read the absolute numbers as an order of magnitude.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="460" />
            <source>No factors were given: each area is shrunk toward the average rate.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="180" />
            <source>The factor '{}' is missing in {} area(s); they take its average.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="399" />
            <source>Each area's estimate is its licensed HMOs plus the sum of the other properties' HMO probabilities from Find unlicensed HMOs. The {} interval treats each property as an HMO or not, independently, with its probability (an exact Poisson-binomial interval). It is only as good as those probabilities: if they are uncalibrated (no inspection outcomes), so is the count.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="435" />
            <source>the stock total you gave ({} HMOs) is shared out in proportion to each area's expected HMO fire rate, so the areas' estimates add up to it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="439" />
            <source>each area's expected HMO fires a year are divided by an assumed {} recorded HMO fires per 1,000 HMOs a year. That rate is an assumption, not a measurement: halve it and every estimate doubles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="467" />
            <source>Fitted on {} areas; dispersion {:.2f}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="377" />
            <source>{} are licensed, so about {} of HMOs are not.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="394" />
            <source>The {} areas with most HMOs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="246" />
            <source>By this estimate {:.0%} of the areas' households live in HMOs, which is implausibly high: the assumed {} recorded HMO fires per 1,000 HMOs a year does not fit these incidents (how fires are flagged as HMO varies between services). Give your own rate, or a stock total to share out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="368" />
            <source>Across {} areas: {} HMOs, the stock total you gave, shared out between them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="374" />
            <source>That is {} of the areas' {} households.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="50" />
            <source>No incident falls in the training window {} to {}: the incidents' dates run from {} to {}. Choose windows within those dates.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/validation.py" line="52" />
            <source>No incident falls in the test window {} to {}: the incidents' dates run from {} to {}. Choose windows within those dates.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="426" />
            <source>Each area's estimate is its licensed HMOs plus the sum of the other properties' HMO probabilities from Find unlicensed HMOs. The {} interval treats each property as an HMO or not, independently, with its probability (an exact Poisson-binomial interval). It is only as good as those probabilities: if they are uncalibrated (no inspection outcomes), or calibrated on inspections aimed at likely HMOs, the count is too high. A licensed share well below the one you know for your area is the sign.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="27" />
            <source>Find unlicensed HMOs</source>
            <translation>Canfod HMOs heb drwydded</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="30" />
            <source>property base</source>
            <translation>sylfaen eiddo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="30" />
            <source>ward or patch</source>
            <translation>ward neu batsh</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="47" />
            <source>Ranks every property of a borough by how likely it is a house in multiple occupation (HMO) without a licence, from files the council already holds (after the London Office of Data Analytics pilot).

Inputs
- Property base: gazetteer points (LLPG or AddressBase) in a projected CRS; its UPRN field, address field(s) and postcode field.
- Datasets and Roles: council files (CSV, XLSX or any table) and one role each, comma separated, in the same order: hmo_register (licensed HMOs, with licence start and expiry dates), inspections (an outcome column: HMO / not HMO), council_tax, electoral_register, housing_benefit, complaints, epc (the EPC register's certificates.csv), planning, fire_incidents. Each role once; hmo_register is required.
- Judged at: the date licences and complaints are judged at (YYYY-MM-DD; default today). An expired licence counts as no licence; its dates are kept.
- Wards or patches (optional) and their ward or patch name field: one inspection list per area, of at most the properties per inspection list (default 100).

Every file is linked to the property base by UPRN, else by address (the linkage engine of Find people at risk); match rates are reported. Only the columns each role needs are kept; all others are dropped unread. The model learns from the licensed HMOs (positive-unlabelled learning), compares a penalised logistic model with gradient-boosted trees by spatially blocked cross-validation and keeps the better; inspection outcomes, when given, calibrate the probabilities. At least 20 known HMOs are needed.

Output fields (scored properties): the base's own fields; hmo_probability; rank (unlicensed properties only, 1 = inspect first); licensed (a licence valid on the date judged at); on_register; licence_start and licence_end (kept for expired licences); reason_1..3 (the three features that raised the score most, in plain words).
Other outputs: inspection lists (CSV and HTML per area, index.csv); the report (HTML: precision at 50, 100 and 500 inspections, lift over random and over the best single rule, calibration, feature effects, match rates); the processing record (HTML: an information-sharing agreement and DPIA summary to start from). Names, dates of birth and claim references reach no output.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="125" />
            <source>Reading the property base and the files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="130" />
            <source>Linking, learning and ranking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="220" />
            <source>outside every area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="86" />
            <source>Property base</source>
            <translation>Sylfaen eiddo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="90" />
            <source>Address field(s)</source>
            <translation>Maes (meysydd) cyfeiriad</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="96" />
            <source>Judged at (YYYY-MM-DD)</source>
            <translation>Wedi'i farnu ar (BBBB-MM-DD)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="102" />
            <source>Wards or patches</source>
            <translation>Wardiau neu batshys</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="104" />
            <source>Ward or patch name field</source>
            <translation>Maes enw'r ward neu'r patsh</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="106" />
            <source>Properties per inspection list</source>
            <translation>Eiddo fesul rhestr arolygu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="108" />
            <source>Scored properties</source>
            <translation>Eiddo wedi'u sgorio</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="110" />
            <source>Inspection lists</source>
            <translation>Rhestrau arolygu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="118" />
            <source>Known HMOs</source>
            <translation>HMOs hysbys</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="171" />
            <source>Choose the address field(s) of the property base.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="187" />
            <source>Give at least one dataset: the HMO register.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="209" />
            <source>Choose the ward or patch name field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="148" />
            <source>Processing record: Find unlicensed HMOs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="297" />
            <source>{} properties scored; {} known HMOs; model kept: {}. Held-out precision among the first 100: {:.1%} ({:.1f}× random).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="301" />
            <source>'{}' ({}): {} rows, {:.1%} linked to a property; {} not linked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="159" />
            <source>'Judged at' must be a date written YYYY-MM-DD, such as 2024-04-01; it is '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="289" />
            <source>Inspection list: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo.py" line="62" />
            <source>The property base has no properties.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo.py" line="83" />
            <source>Only {} known HMO(s) on the register link to the property base; at least {} are needed to learn what an HMO looks like in the other files. Nothing was fitted. Check the register's UPRNs and addresses (the match rates are in the log) or add past inspection outcomes of 'HMO' to the register.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo.py" line="71" />
            <source>{} licence(s) on the register had expired on {} (or not yet begun): those properties are treated as unlicensed; their dates are kept in the output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo.py" line="76" />
            <source>{} inspection outcome(s) were neither 'HMO' nor 'not HMO' and were not used.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo.py" line="328" />
            <source>The probabilities are uncalibrated ({}): they assume licensed HMOs are like unlicensed ones. Use them to rank properties, not as chances. Give past inspection outcomes (role inspections) to calibrate them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_data.py" line="126" />
            <source>Unknown role '{}'. Roles are: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_data.py" line="140" />
            <source>No file has the role hmo_register: the licensed HMOs are the known cases the model learns from.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_data.py" line="135" />
            <source>The role '{}' is given twice ('{}' and '{}'). Give each role once: join the two files first if they are parts of one extract.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_data.py" line="186" />
            <source>The {} file '{}' has no {} column (a column named e.g. 'Outcome' holding 'HMO' or 'not HMO'). Its columns are: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_data.py" line="207" />
            <source>The {} file '{}' has column(s) of personal data the tool does not use: {}. They were dropped unread and reach no output; leave them out of future extracts (share only what is needed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="80" />
            <source>Held-out score against the registered share (tenths)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="81" />
            <source>mean score</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="81" />
            <source>share on the register</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="125" />
            <source>Mean raise in log-odds among the 500 highest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="58" />
            <source>How good is the ranking?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="68" />
            <source>Inspections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="68" />
            <source>Precision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="68" />
            <source>Lift over random</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="69" />
            <source>Best single rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="69" />
            <source>Rule's precision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="70" />
            <source>Lift over the rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="76" />
            <source>Calibration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="85" />
            <source>Probability against inspection outcomes (fifths)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="86" />
            <source>mean probability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="86" />
            <source>share found to be HMOs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="98" />
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="98" />
            <source>Held-out AUC</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="98" />
            <source>Average precision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="99" />
            <source>Precision at 100</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="122" />
            <source>What raises a property's score</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="126" />
            <source>Feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="126" />
            <source>Meaning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="126" />
            <source>Properties with a value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="128" />
            <source>Linking each file to the property base</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="129" />
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="129" />
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="129" />
            <source>Rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="129" />
            <source>By UPRN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="130" />
            <source>By address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="130" />
            <source>Probabilistic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="130" />
            <source>Not linked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="131" />
            <source>Match rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="139" />
            <source>Privacy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="140" />
            <source>Every output is about properties, not people. Names, dates of birth and claim references are never read into the results; the electoral register gives only counts of electors and of distinct surnames. Addresses appear in the inspection lists and in the unlinked examples above: that is their purpose. See the processing record for who may see what.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="154" />
            <source>1. Purpose</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="155" />
            <source>To find houses in multiple occupation that should hold a licence and do not, so that officers can inspect them first. The output ranks properties; it decides nothing about any person.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="158" />
            <source>2. Lawful basis</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="160" />
            <source>3. Data shared and fields used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="164" />
            <source>Fields used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="164" />
            <source>Fields dropped unread</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="165" />
            <source>Fields dropped unread were removed as each file was read; their values never reached the analysis or an output. From the electoral register only the number of electors and of distinct surnames per property is derived.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="169" />
            <source>4. What is derived</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="172" />
            <source>5. Who may see what</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="173" />
            <source>Output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="173" />
            <source>Holds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="173" />
            <source>Who may see it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="182" />
            <source>6. Retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="184" />
            <source>7. Risks and how they are reduced (DPIA summary)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="185" />
            <source>Risk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="185" />
            <source>Reduced by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="194" />
            <source>8. This run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="195" />
            <source>Item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="195" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="74" />
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="218" />
            <source>Probability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="218" />
            <source>Reasons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="174" />
            <source>every property: probability, rank, licence state, reasons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="175" />
            <source>housing standards team and its analysts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="176" />
            <source>addresses of unlicensed properties in rank order, with reasons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="177" />
            <source>the officers of that ward or patch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="178" />
            <source>figures, model, match rates, a few unlinked addresses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="179" />
            <source>housing standards managers; the data protection officer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="180" />
            <source>This record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="180" />
            <source>files, fields, lawful basis, retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="181" />
            <source>anyone who asks: publish it with the privacy notice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="186" />
            <source>A household is visited because of a wrong link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="187" />
            <source>links by UPRN first, exact address next; match rates and unlinked rows are reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="188" />
            <source>A score is read as a finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="189" />
            <source>the list orders inspections only; an officer's inspection decides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="190" />
            <source>Personal data spreads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="191" />
            <source>outputs are property-level; names, dates of birth and claim references are never kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="192" />
            <source>Uncalibrated probabilities are over-trusted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="193" />
            <source>the report says whether inspection outcomes calibrated them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="46" />
            <source>{:,} properties; {} on the HMO register, of which {} hold a licence valid on {} ({} expired: treated as unlicensed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="59" />
            <source>Every property was scored by a model that did not see its street (spatially blocked cross-validation). Below: of the first k properties in that held-out ranking, the share that are HMOs on the register, against picking at random ({}) and against the best single rule. Registered HMOs are only the known ones, so these are lower bounds for finding HMOs of any kind.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="87" />
            <source>Points on the dashed line are well calibrated. Method: {}; share of HMOs on the register estimated at {}.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="107" />
            <source>Kept: {}, because {}. {} folds; {} blocks (streets) kept whole.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="151" />
            <source>Filled in by the tool on {}. Review every section, add your council's names and sign-off, and keep it with the outputs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="196" />
            <source>Properties</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="196" />
            <source>Judged at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="197" />
            <source>Model kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="198" />
            <source>Calibrated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="214" />
            <source>{} unlicensed properties in {}, most likely HMOs first. The reasons are what raised each score most; an inspection decides.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="51" />
            <source>The probabilities are uncalibrated: {}. They rank properties but are not chances of being an HMO.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="55" />
            <source>The probabilities are calibrated on {} past inspections of unlicensed properties ({} of which found an HMO).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="73" />
            <source>Past inspections: {} unlicensed properties inspected, {} found to be HMOs; among the fifth the model ranks highest, {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="198" />
            <source>yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="198" />
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="136" />
            <source>Addresses in '{}' that link to no property (first {}):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="74" />
            <source>Processing record (JSON): datasets, fields used, match rate, outputs, for the Privacy Impact Assessment.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="65" />
            <source>- Referral mode, with its Lawful basis: adds the home's address and UPRN.

Linkage: exact UPRN, else Splink address matching, as in Find people at risk. Names, dates of birth, claim references and amounts are never used or written.

Output fields (one row per claimant household, flagged homes first)
- household_key, postcode, claimants (rows in the export).
- epc_found: 1 when matched to an EPC home; rating, band_fg, private_rented: from that home.
- flagged: 1 for an F/G-rated private rental.
Clerical review (optional): </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="143" />
            <source>Processing record (JSON): datasets, fields used and dropped, row counts, match rates, outputs written, for the Privacy Impact Assessment.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="133" />
            <source>Household keys are keyed hashes (HMAC-SHA256) with the secret.
- Postcode list (optional): the postcodes that exist (e.g. Code-Point Open) and its Postcode list field, to report rows whose postcode is well formed but does not exist.
- Match threshold: the match probability from which two records are one household (default 0.9).
- Referral mode: adds the address and UPRN to the output, for a referral; it needs the Lawful basis.

Linkage: rows sharing a UPRN are one household; other rows are matched on their address (postcode, flat and house number, street) by Splink's probabilistic model on DuckDB. Names, dates of birth and free text are never used and never written.

Output fields (one row per household, highest score first)
- household_key: the pseudonymised household; postcode.
- older, alone, mobility, health, smoking, near_miss, care: 1 where a dataset of that role lists it.
- n_factors: how many of the seven; score: weighted sum (mobility, smoking and near miss count 2).
- datasets: in how many datasets it appears; address, uprn: in referral mode only.
Clerical review: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="25" />
            <source>- Secret: choose an authentication configuration that holds the secret for the pseudonymised household keys (Settings &gt; Options &gt; Authentication: add a Basic configuration with the secret as its Password; the user name is not used). QGIS keeps it encrypted under your master password. The secret must have at least 16 characters that are not spaces, and not one character repeated; the same secret gives the same keys next time. It is never written anywhere: not in the Processing history, the log, the processing record or any output. With qgis_process, give it in the COMMUNITY_RISK_SECRET environment variable instead (headless runs unlock the authentication database with QGIS_AUTH_PASSWORD_FILE).
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="35" />
            <source>the pairs the linkage was unsure of, one row a pair, alike pairs together so a page clears at once: the dataset and row of each record; in referral mode both addresses as written and as standardised; then for postcode, house number or name, flat and street the comparison level and its weight; held_back_by (the comparison that kept the pair apart); pattern_pairs (how many pairs share this pattern); match weight and probability.
</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/base.py" line="28" />
            <source>Reports</source>
            <translation>Adroddiadau</translation>
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="436" />
            <source>(no group)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="463" />
            <source>Areas differ no more than Poisson chance allows (winsorised dispersion {:.2f} over {} areas): the limits are exact Poisson.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="286" />
            <source>The targets table needs the columns group, measure, planned and made; it has no {}. Its columns are: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="296" />
            <source>{} target row(s) lack a measure or have planned or made that is not a number of zero or more (e.g. the row for '{}').</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="373" />
            <source>The count is negative or infinite for {} area(s): {}. Counts of incidents are whole numbers of zero or more; correct the count field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="378" />
            <source>The count is not a whole number for {} area(s): {} (e.g. {}). Give counts of incidents, not rates or forecasts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="402" />
            <source>The years the count covers must be a number above 0 (got {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="407" />
            <source>No area has both a count and households above 0: nothing to compare.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="410" />
            <source>No area has an incident: there is no rate to compare the areas with.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="445" />
            <source>The group field has {} different values, one page each; at most {} are written. Choose a field such as the borough, ward or station ground.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="453" />
            <source>Areas differ more than chance alone would make them (winsorised dispersion {:.2f} over {} areas, above the {:.2f} that chance allows): the limits are widened for it (Spiegelhalter's additive random-effects method, tau = {:.4f} on the square-root scale).</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="462" />
            <source>Too few areas to test for overdispersion: the limits are exact Poisson.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="182" />
            <source>Factor(s) with the same value in every area (or none at all) say nothing about similarity and are left out: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="187" />
            <source>{} missing factor value(s) count as the average of all areas when finding statistical neighbours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="303" />
            <source>Target rows for groups that have no areas are left out: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="384" />
            <source>{} area(s) have no count and are left out of the funnel: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="388" />
            <source>{} area(s) have no households (zero or missing), so no rate: they are left out of the funnel and the rates: {}.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="472" />
            <source>No factor fields were given: statistical neighbours and lead indicators are left out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="253" />
            <source>Incidents a year; the shaded years are the current period. The signal areas share one scale.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="372" />
            <source>Its similar areas do not run high: look for a local cause (repeat addresses, a block, a landlord) and visit here first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="380" />
            <source>#</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="380" />
            <source>Incidents (expected)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="380" />
            <source>Rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="381" />
            <source>Among similar areas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="381" />
            <source>What to do</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="366" />
            <source>Fewer than expected: learn what works here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="368" />
            <source>Review its incidents and target visits here first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="370" />
            <source>Its similar areas run high too: the kind of area explains part. Visit here first, then in its similar areas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="418" />
            <source>Change on the previous period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="510" />
            <source>No factor fields were given, so there are no statistical neighbours and no lead indicators: give factors (e.g. the fire model's) to see them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="512" />
            <source>No factor varies between the areas: no lead indicators.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="527" />
            <source>Limits: exact Poisson.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="129" />
            <source>Funnel plot: {} per 10,000 households a year against households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="179" />
            <source>above: more than chance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="179" />
            <source>below</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="180" />
            <source>within: noise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="181" />
            <source>99.8% and 95% (dashed) limits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="305" />
            <source>vs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="349" />
            <source>no previous period in the incidents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="351" />
            <source>no incident in the previous period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="413" />
            <source>give dated incidents to see it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="424" />
            <source>per 10,000 households a year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="428" />
            <source>areas above / below the limits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="429" />
            <source>the rest is noise: not ranked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="472" />
            <source>{}: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="497" />
            <source>Planned against made</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="508" />
            <source>Lead indicators</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="528" />
            <source>Each dot is an area. Dots between the solid lines (99.8%) are within what chance gives: noise, not ranked. {} Expected = the {} rate x households x years.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="537" />
            <source>Notes on the data and method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="560" />
            <source>{}: performance on a page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="566" />
            <source>Areas above or below are outside the 99.8% limits of the funnel plot. * a change that is more than chance (exact Poisson test, p &lt; 0.05). Every page prints on A4.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="239" />
            <source>No dated incidents were given: give them (Incidents and their date field) to see yearly trends and the change on the previous period.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="355" />
            <source>within chance (exact Poisson test, p = {:.2f})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="416" />
            <source>Change, {}–{} on {}–{}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="487" />
            <source>Signals and noise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="493" />
            <source>Trends</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="514" />
            <source>{} against {}: lead indicators</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="525" />
            <source>Limits: exact negative binomial, because the areas differ more than chance (Spiegelhalter's overdispersion test; dispersion {:.2f}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="580" />
            <source>All pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="180" />
            <source>{} average</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="256" />
            <source>The first {} of {} signal areas are shown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="325" />
            <source>stands for {} more; with rate {:+.2f}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="326" />
            <source>on its own; with rate {:+.2f}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="334" />
            <source>made {:,.0f} of {:,.0f} planned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="354" />
            <source>more than chance (exact Poisson test, p {})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="389" />
            <source>{:.0f} of {}; their median {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="421" />
            <source>{} in {:g} year(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="422" />
            <source>{:,} areas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="444" />
            <source> and {} more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="445" />
            <source>Act first in {} area(s) with more {} than their households explain, beyond chance: {}{}. See what to do for each below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="449" />
            <source>No area has more {} than chance explains: the differences between areas here are noise. Do not rank them; keep the plan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="452" />
            <source>{} area(s) have fewer than expected: learn from them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="455" />
            <source>The {} on the previous period is more than chance: find out what changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="456" />
            <source>rise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="456" />
            <source>fall</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="489" />
            <source>Signal areas, and what to do</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="499" />
            <source>Targets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="499" />
            <source>Bar: made; black tick: planned; shading: half and nine tenths of the plan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="516" />
            <source>Each stands for a cluster of factors that move together (|Spearman rho| of 0.5 or more). Bar: this page's household-weighted average, red where it is on the side that goes with more incidents; black tick: {}; shading: the middle half and the middle 80% of all areas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="557" />
            <source>Page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="558" />
            <source>Per 10,000 households a year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="558" />
            <source>Change on previous period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="559" />
            <source>Areas above</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="559" />
            <source>Areas below</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="564" />
            <source>{} average: {} per 10,000 households a year. {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="403" />
            <source>{} more signal areas are in the output layer (field signal).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard_report.py" line="476" />
            <source>{:,} areas; the count covers {:g} year(s); compared with {} ({:,} areas). {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="56" />
            <source>No.</source>
            <translation>Rhif</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="57" />
            <source>Done</source>
            <translation>Gwnaed</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="244" />
            <source>P1 postcode (visit first)</source>
            <translation>Cod post P1 (ymweld yn gyntaf)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="244" />
            <source>P2 postcode (visit next)</source>
            <translation>Cod post P2 (ymweld nesaf)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="331" />
            <source>Fire risk band</source>
            <translation>Band risg tân</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="331" />
            <source>Visits</source>
            <translation>Ymweliadau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="332" />
            <source>Roads</source>
            <translation>Ffyrdd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="365" />
            <source>No P1 or P2 postcodes in this area.</source>
            <translation>Dim codau post P1 na P2 yn yr ardal hon.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="195" />
            <source>This area</source>
            <translation>Yr ardal hon</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="196" />
            <source>Other areas</source>
            <translation>Ardaloedd eraill</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="275" />
            <source>The layout template '{}' is not a QGIS print layout template (.qpt).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="277" />
            <source>The layout template '{}' has no map item with the id 'map' (Item Properties &gt; Item ID).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="375" />
            <source>The {} layer '{}' has no coordinate reference system (it reads as '{}'). Set its CRS (Layer Properties &gt; Source), e.g. British National Grid (EPSG:27700).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="271" />
            <source>The layout template '{}' cannot be read: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/map_book.py" line="405" />
            <source>The map book could not be written to '{}': {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="25" />
            <source>Visit map book</source>
            <translation>Llyfr mapiau ymweliadau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="28" />
            <source>fire risk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="29" />
            <source>priority postcode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="29" />
            <source>road</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="54" />
            <source>Prints a map book for crews: one A4 page per split area (station ground, ward, borough), in name order. Each page shows the fire-risk bands, the P1 and P2 postcodes of the area numbered in visit order, roads if given, a legend, scale bar, north arrow, title, date and data attributions; beside the map, the visit list: the postcodes in visit order (P1 first, then P2, each by priority rank) with the reason for each and a box to tick. The numbers on the map are the rows of the table.

Inputs
- Split areas, with a Split area name field: one page each. Its CRS is the map's: it must be projected (metres), e.g. British National Grid. The other layers are reprojected to it.
- Fire risk areas: the output of Fit or Apply fire risk model; Band field: its band, 1 (lowest) to 5 (default band). Its band_label field, when present, labels the legend.
- Priority postcodes: the output of Priority postcodes, with its Postcode field, Tier field (P1, P2, P3), Rank field (1 first) and Reason field (optional: the table's 'Why'). A postcode goes on the page of the split area it lies in; P3 postcodes are not shown.
- Roads (optional): a line layer drawn over the bands.
- Title and Attribution: printed on every page.
- Rows per page: the table's length (1-60). An area with more P1/P2 postcodes says how many more there are in its visit list.
- Layout template (optional): a .qpt saved from the layout designer; by default the toolkit's resources/visit_map_book.qpt. It needs a map item with the id 'map'.

Outputs
- Map book: one PDF, one page per split area.
- Pages (optional): a folder with one PDF per split area, named by the area (letters, digits, - and _).
A split area with no P1 postcodes says so on its page. Nothing is written when the run fails or is cancelled.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="89" />
            <source>Fire risk areas</source>
            <translation>Ardaloedd risg tân</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="92" />
            <source>Band field</source>
            <translation>Maes band</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="99" />
            <source>Tier field</source>
            <translation>Maes haen</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="100" />
            <source>Rank field</source>
            <translation>Maes safle</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="101" />
            <source>Reason field</source>
            <translation>Maes rheswm</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="108" />
            <source>Title</source>
            <translation>Teitl</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="109" />
            <source>Rows per page</source>
            <translation>Rhesi fesul tudalen</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="111" />
            <source>Attribution</source>
            <translation>Cydnabyddiaeth data</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="113" />
            <source>Layout template</source>
            <translation>Templed cynllun</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="115" />
            <source>Map book</source>
            <translation>Llyfr mapiau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="115" />
            <source>PDF files (*.pdf)</source>
            <translation>Ffeiliau PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="116" />
            <source>Pages (one PDF per area)</source>
            <translation>Tudalennau (un PDF fesul ardal)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="141" />
            <source>Pages</source>
            <translation>Tudalennau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="135" />
            <source>Reading split areas from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="137" />
            <source>Reading priority postcodes from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="139" />
            <source>Reading fire risk bands from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="145" />
            <source>Printing {} pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="235" />
            <source>Printed {}</source>
            <translation>Argraffwyd {}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="239" />
            <source>{} pages: {} P1 and {} P2 postcodes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="158" />
            <source>{} split area(s) of '{}' have no geometry and get no page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="161" />
            <source>No split area of '{}' has a geometry: there is nothing to print.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="176" />
            <source>The priority postcode layer '{}' has no P1 or P2 postcodes: every page says so.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="181" />
            <source>{} P1/P2 postcode(s) lie in no split area and are on no page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="242" />
            <source>No P1 postcodes in: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/map_book.py" line="17" />
            <source>Home fire safety visits</source>
            <translation>Ymweliadau diogelwch tân yn y cartref</translation>
        </message>
        <message>
            <location filename="../processing/analysis/map_book.py" line="18" />
            <source>Contains OS data © Crown copyright and database right. Contains National Statistics data © Crown copyright and database right (ONS). Contains Royal Mail data © Royal Mail copyright and database right. Fire incidents: London Fire Brigade (LFB) Incident Records. Public sector information licensed under the Open Government Licence v3.0.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/map_book.py" line="94" />
            <source>Rows per page must be a whole number from 1 to {}, not {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/map_book.py" line="40" />
            <source>No P1 or P2 postcodes in this area: no home fire safety visits are due here in this round.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/map_book.py" line="43" />
            <source>No P1 postcodes in this area. {} P2 postcodes (visit next).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/map_book.py" line="48" />
            <source>The table lists the first {} of {}; the rest are in the area's visit list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/map_book.py" line="51" />
            <source>Numbers on the map are the rows of the table.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/map_book.py" line="54" />
            <source>Page {} of {}</source>
            <translation>Tudalen {} o {}</translation>
        </message>
        <message>
            <location filename="../processing/analysis/map_book.py" line="46" />
            <source>{} P1 postcodes (visit first) and {} P2 (visit next).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage.py" line="135" />
            <source>{} row(s) carry a UPRN whose other rows give another house number or flat; those rows were matched by address instead.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage.py" line="201" />
            <source>{} row(s) give another house number or flat than the other rows of their UPRN; they were taken as their UPRN's home.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="47" />
            <source>Risk dashboard</source>
            <translation>Dangosfwrdd risg</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="34" />
            <source>Above: more than chance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="34" />
            <source>Below: fewer than chance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="35" />
            <source>Within: noise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="51" />
            <source>targets</source>
            <translation>targedau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="73" />
            <source>Performance on a page: one page per borough, ward, station ground or other group, plus one for all areas and an index, each readable in a minute and printable on A4. Signals are separated from noise with a funnel plot; each area stands beside its statistical neighbours; a few lead indicators stand for the rest. The pages are offline HTML (no script, nothing fetched from the internet); every chart is also written as an SVG file in the charts folder.

Inputs
- Areas: the fire risk model's output or any area layer, with an Area id field (unique) and optionally an Area name field.
- Incident count field: incidents per area (whole numbers, zero or more), over Years the counts cover.
- Households field: households per area. Areas with none are left out of the rates, and named.
- Factors (optional): e.g. deprivation, tenure, age. Without them there are no statistical neighbours and no lead indicators, and the pages say so. Statistical neighbours per area: how many (default 5).
- Group field (optional): one page per value (at most 500). Or Split areas (e.g. station grounds) with their Split area name field: each area goes to the split area holding a point inside it.
- Incidents and their Date field (optional): yearly trends, and the change of the last Years the counts cover on the same number of years before, with an exact Poisson test of whether it is more than chance.
- Targets (optional): a table with the columns group, measure, planned and made (e.g. Borough 1, Home fire safety visits, 1200, 950). A row with an empty group, or the all-areas name, is for the all-areas page; otherwise that page sums the groups.
- What is counted: the pages' titles, e.g. Dwelling fires. Name of all areas together: e.g. London.

Method
Expected = the all-areas rate x households x years. The funnel's limits (95% and 99.8%) are exact Poisson; where areas differ more than chance allows (Spiegelhalter's test on winsorised z-scores) they are exact negative binomial, widened by his additive overdispersion. Areas outside the 99.8% limits are signals; the rest is noise and is not ranked. Statistical neighbours: the k areas nearest by the root mean square difference of the standardised factors. Lead indicators: factors clustered by Spearman correlation (|rho| of 0.5 or more), each cluster's most representative member, shown as bullet graphs against the all-areas average.

Output fields (the areas' own fields are kept): expected, ratio (observed / expected), funnel_z, signal (above, below or within; empty without households), neighbours (their ids, nearest first), neighbour_rank (1 = the highest rate among the area and its neighbours). Styled by signal.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="157" />
            <source>Funnel, statistical neighbours and lead indicators</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="169" />
            <source>Writing the areas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="179" />
            <source>Writing the pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="239" />
            <source>Outside every split area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="110" />
            <source>Area name field</source>
            <translation>Maes enw'r ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="120" />
            <source>Group field (one page each)</source>
            <translation>Maes grŵp (un dudalen yr un)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="126" />
            <source>Statistical neighbours per area</source>
            <translation>Cymdogion ystadegol fesul ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="133" />
            <source>Targets (group, measure, planned, made)</source>
            <translation>Targedau (grŵp, mesur, wedi'u cynllunio, wedi'u gwneud)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="135" />
            <source>What is counted (page titles)</source>
            <translation>Beth a gyfrifir (teitlau'r tudalennau)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="137" />
            <source>Name of all areas together</source>
            <translation>Enw'r holl ardaloedd gyda'i gilydd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="139" />
            <source>Areas with signals</source>
            <translation>Ardaloedd â signalau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="143" />
            <source>Index page</source>
            <translation>Tudalen fynegai</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="144" />
            <source>Areas above the limits</source>
            <translation>Ardaloedd uwchlaw'r terfynau</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="208" />
            <source>No dated incident lies in an area: the pages have no trends.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="265" />
            <source>Made {} from '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="166" />
            <source>All areas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="176" />
            <source>{} area(s) above the 99.8% limits, {} below; {} limits.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="223" />
            <source>Give either a group field or split areas, not both.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="270" />
            <source>Pages written to '{}': open index.html.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="193" />
            <source>Choose the date field of the incident layer '{}': the trends and the change on the previous period need each incident's date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="204" />
            <source>{} incident(s) have no date and are left out of the trends.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="212" />
            <source>The incidents end on {}: the last year, {}, is not complete, so its count and the change on the previous period are low.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/risk_dashboard.py" line="231" />
            <source>Choose the name field of the split area layer '{}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="446" />
            <source>The group field has {} different values for {} areas, one page each: most pages would hold one or two areas (at most {} pages, and fewer than half as many as areas). Choose a field such as the borough, ward or station ground.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="455" />
            <source>Areas differ more than chance alone would make them (winsorised dispersion {:.2f} over {} areas, above the {:.2f} that chance allows): the limits are exact negative binomial, widened as Spiegelhalter's additive method sizes it (tau = {:.4f} on the square-root scale; dispersion alpha = {:.3f}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="47" />
            <source>Ranks every property of a borough by how likely it is a house in multiple occupation (HMO) without a licence, from files the council already holds (after the London Office of Data Analytics pilot).

Inputs
- Property base: gazetteer points (LLPG or AddressBase) in a projected CRS; its UPRN field, address field(s) and postcode field.
- Datasets and Roles: council files (CSV, XLSX or any table) and one role each, comma separated, in the same order: hmo_register (licensed HMOs, with licence start and expiry dates), inspections (an outcome column: HMO / not HMO), council_tax, electoral_register, housing_benefit, complaints, epc (the EPC register's certificates.csv), planning, fire_incidents. Each role once; hmo_register is required.
- Judged at: the date licences and complaints are judged at (YYYY-MM-DD; default today). An expired licence counts as no licence; its dates are kept.
- Wards or patches (optional) and their ward or patch name field: one inspection list per area, of at most the properties per inspection list (default 100).

Every file is linked to the property base by UPRN, else by address (the linkage engine of Find people at risk); match rates are reported. Only the columns each role needs are kept; all others are dropped unread. The model learns from the licensed HMOs (positive-unlabelled learning), compares a penalised logistic model with gradient-boosted trees by spatially blocked cross-validation and keeps the better; inspection outcomes, when given, calibrate the probabilities. At least 20 known HMOs are needed.

Output fields (scored properties): the base's own fields; hmo_probability, with hmo_probability_low and hmo_probability_high (at either end of the interval of the share of HMOs on the register); rank (unlicensed properties only, 1 = inspect first); licensed (a licence valid on the date judged at); on_register; licence_start and licence_end (kept for expired licences); reason_1..3 (the three features that raised the score most, in plain words).
Other outputs: inspection lists (CSV and HTML per area, index.csv); the report (HTML: precision at 50, 100 and 500 inspections, lift over random and over the best single rule, calibration, feature effects, match rates); the processing record (HTML: an information-sharing agreement and DPIA summary to start from). Names, dates of birth and claim references reach no output.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_prevalence.py" line="418" />
            <source>Each area's estimate is its licensed HMOs plus the sum of the other properties' HMO probabilities from Find unlicensed HMOs. The {} interval carries two uncertainties: chance (each property an HMO or not, independently, with its probability: an exact Poisson-binomial interval) and, the larger, the share of HMOs that are on the register, which sets the probabilities' level (its low end gives the high probabilities and the high end the low ones). The probabilities are only as good as the assumption that licensed HMOs look like unlicensed ones.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="87" />
            <source>Points on the dashed line are well calibrated. Method: {}; share of HMOs on the register estimated at {} (95% interval {} to {}), read among the {} highest-scored properties, where nearly all are HMOs; the mean score of registered HMOs, {}, is only a floor for it. The probabilities at either end of that interval are written beside each property's (hmo_probability_low and hmo_probability_high); HMO prevalence uses them for its intervals.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/load_epc.py" line="292" />
            <source>The output could not be written ({}): {}</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="55" />
            <source>Prints a map book for crews: one A4 page per split area (station ground, ward, borough), in name order. Each page shows the fire-risk bands, the P1 and P2 postcodes of the area numbered in visit order, roads if given, a legend, scale bar, north arrow, title, date and data attributions; beside the map, the visit list: the postcodes in visit order (P1 first, then P2, each by priority rank) with the reason for each and a box to tick. The numbers on the map are the rows of the table.

Inputs
- Split areas, with a Split area name field: one page each. Its CRS is the map's: it must be projected (metres), e.g. British National Grid. The other layers are reprojected to it.
- Fire risk areas: the output of Fit or Apply fire risk model; Band field: its band, 1 (lowest) to 5 (default band). Its band_label field, when present, labels the legend.
- Priority postcodes: the output of Priority postcodes, with its Postcode field, Tier field (P1, P2, P3), Rank field (1 first) and Reason field (optional: the table's 'Why'). A postcode goes on the page of the split area it lies in; P3 postcodes are not shown.
- Roads (optional): a line layer drawn over the bands; Road name field (optional): street names to print along them.
- Title and Attribution: printed on every page.
- Rows per page: the table's length (1-60). An area with more P1/P2 postcodes says how many more there are in its visit list.
- Layout template (optional): a .qpt saved from the layout designer; by default the toolkit's resources/visit_map_book.qpt. It needs a map item with the id 'map'.

Outputs
- Map book: one PDF, one page per split area.
- Pages (optional): a folder with one PDF per split area, named by the area (letters, digits, - and _).
A split area with no P1 postcodes says so on its page. Nothing is written when the run fails or is cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="106" />
            <source>Road name field</source>
            <translation>Maes enw’r ffordd</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="35" />
            <source>the pairs the linkage was unsure of, one row a pair, alike pairs together so a page clears at once: the dataset and row of each record; in referral mode both addresses as written and as standardised, and their UPRNs; the reason the pair was not joined (scored below the threshold, the rows name two homes and what tells them apart, a row matches another home as well, or its household names another home); then for postcode, house number or name, flat and street the comparison level and its weight; held_back_by (the comparison that kept the pair apart); pattern_pairs (how many pairs share this pattern); match weight and probability.
</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="31" />
            <source>area context</source>
            <translation>cyd-destun ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="51" />
            <source>Ranks every property of a borough by how likely it is a house in multiple occupation (HMO) without a licence, from files the council already holds (after the London Office of Data Analytics pilot).

Inputs
- Property base: gazetteer points (LLPG or AddressBase) in a projected CRS; its UPRN field, address field(s) and postcode field.
- Datasets and Roles: council files (CSV, XLSX or any table) and one role each, comma separated, in the same order: hmo_register (licensed HMOs, with licence start and expiry dates), inspections (an outcome column: HMO / not HMO), council_tax, electoral_register, housing_benefit, complaints, epc (the EPC register's certificates.csv), planning, fire_incidents. Each role once; hmo_register is required.
- Judged at: the date licences and complaints are judged at (YYYY-MM-DD; default today). An expired licence counts as no licence; its dates are kept.
- Area context (optional) and its fields: polygons with figures about each area, such as the Census 2021 shares of private renting and of converted or shared houses per LSOA; each property takes its area's figures as extra features, and the report says what they added in the cross-validation.
- Wards or patches (optional) and their ward or patch name field: one inspection list per area, of at most the properties per inspection list (default 100).

Every file is linked to the property base by UPRN, else by address (the linkage engine of Find people at risk); match rates are reported. Only the columns each role needs are kept; all others are dropped unread. The model learns from the licensed HMOs (positive-unlabelled learning), compares a penalised logistic model with gradient-boosted trees by spatially blocked cross-validation and keeps the better; inspection outcomes, when given, calibrate the probabilities. At least 20 known HMOs are needed.

Output fields (scored properties): the base's own fields; hmo_probability, with hmo_probability_low and hmo_probability_high (at either end of the interval of the share of HMOs on the register); rank (unlicensed properties only, 1 = inspect first); licensed (a licence valid on the date judged at); on_register; licence_start and licence_end (kept for expired licences); reason_1..3 (the three features that raised the score most, in plain words).
Other outputs: inspection lists (CSV and HTML per area, index.csv); the report (HTML: precision at 50, 100 and 500 inspections, lift over random and over the best single rule, calibration, feature effects, match rates); the processing record (HTML: an information-sharing agreement and DPIA summary to start from). Names, dates of birth and claim references reach no output.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="97" />
            <source>Area context (optional)</source>
            <translation>Cyd-destun ardal (dewisol)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="99" />
            <source>Area context fields</source>
            <translation>Meysydd cyd-destun ardal</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="235" />
            <source>Choose the area context fields (e.g. the Census 2021 shares of private renting and of converted or shared houses), or leave the area context layer out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_data.py" line="106" />
            <source>{} propert(ies) lie in no area of the area context layer (or its figure is missing): their area figures are unknown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_data.py" line="100" />
            <source>The area context field '{}' has no numbers, or the same for every property: it was not used.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="99" />
            <source>Average precision on past inspections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="104" />
            <source>The first three columns are for registered HMOs. The register holds mostly the larger, licensable HMOs, so when past inspections are given the model that ranks them better is kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="112" />
            <source>Area context ({}): with it, the kept model's held-out average precision was {:.3f} and its precision among the first 100 {}; without it, on the same folds, {:.3f} and {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/hmo_report.py" line="118" />
            <source>On the past inspections, its held-out average precision was {:.3f} with the area context and {:.3f} without.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="206" />
            <source>The band field '{}' of the {} layer '{}' holds no band from 1 to 5 (e.g. {}). Choose the band field of the fire model's output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="209" />
            <source>{} area(s) of '{}' have no band from 1 to 5 and are left uncoloured.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="523" />
            <source>The count field totals {:,.0f}, but the dated incidents of {}–{} (the last years the count covers) number {:,.0f}: the trends and the change on the previous period are for those incidents and years, the funnel for the count field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dashboard.py" line="388" />
            <source>{} area(s) have no households (zero, negative or missing), so no rate: they are left out of the funnel and the rates: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/linkage_engine.py" line="14" />
            <source>Where the probabilistic address matching runs. DuckDB, on this computer, suits a borough or a county. Spark (a cluster, or this computer's cores) suits tens of millions of records: it needs pyspark and Java (README, 'Linkage on Spark'). The same model and the same trained parameters apply on both, and both give the same households. Automatic uses Spark when the COMMUNITY_RISK_SPARK_MASTER environment variable names a Spark master, else DuckDB.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/linkage_engine.py" line="12" />
            <source>Automatic: Spark when COMMUNITY_RISK_SPARK_MASTER is set, else DuckDB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/linkage_engine.py" line="13" />
            <source>DuckDB, on this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/linkage_engine.py" line="13" />
            <source>Spark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/linkage_engine.py" line="30" />
            <source>Linkage engine</source>
            <translation>Peiriant cysylltu</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/linkage_engine.py" line="29" />
            <source>Spark (cannot run here: {}; see README, 'Linkage on Spark')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/linkage_engine.py" line="46" />
            <source>Linkage engine: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage_engines.py" line="50" />
            <source>Unknown linkage engine '{}': use {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage_engines.py" line="75" />
            <source>The Spark linkage engine was chosen ({}), but {}: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage_engines.py" line="277" />
            <source>The Spark linkage engine needs pyspark ({}): {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage_engines.py" line="294" />
            <source>Spark could not start ({}): {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/visit_map_book.py" line="202" />
            <source>No area of the {} layer '{}' lies on or near the split areas: the maps show no bands. Are they the same place?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="35" />
            <source>the pairs the linkage was unsure of, one row a pair, alike pairs together so a page clears at once: the dataset and row of each record; in referral mode both addresses as written and as standardised, and their UPRNs; the reason the pair was not joined (scored below the threshold, the rows name two homes and what tells them apart, a row matches another home as well, both leave the flat out at a house of flats, neither says which flat, or its household names another home; pairs in doubt first, pairs naming two homes after them); then for postcode, house number or name, flat and street the comparison level and its weight; held_back_by (the comparison that kept the pair apart); pattern_pairs (how many pairs share this pattern); match weight and probability.
</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="51" />
            <source>Ranks every property of a borough by how likely it is a house in multiple occupation (HMO) without a licence, from files the council already holds (after the London Office of Data Analytics pilot).

Inputs
- Property base: gazetteer points (LLPG or AddressBase) in a projected CRS; its UPRN field, address field(s) and postcode field.
- Datasets and Roles: council files (CSV, XLSX or any table) and one role each, comma separated, in the same order: hmo_register (licensed HMOs, with licence start and expiry dates), inspections (an outcome column: HMO / not HMO), council_tax, electoral_register, housing_benefit, complaints, epc (the EPC register's certificates.csv), planning, fire_incidents. Each role once; hmo_register is required.
- Judged at: the date licences and complaints are judged at (YYYY-MM-DD; default today). An expired licence counts as no licence; its dates are kept.
- Area context (optional) and Area context fields: polygons with figures about each area, such as the Census 2021 shares of private renting and of converted or shared houses per LSOA; each property takes its area's figures as extra features, and the report says what they added in the cross-validation.
- Wards or patches (optional) and their ward or patch name field: one inspection list per area, of at most the properties per inspection list (default 100).

Every file is linked to the property base by UPRN, else by address (the linkage engine of Find people at risk); match rates are reported. Only the columns each role needs are kept; all others are dropped unread. The model learns from the licensed HMOs (positive-unlabelled learning), compares a penalised logistic model with gradient-boosted trees by spatially blocked cross-validation and keeps the better; inspection outcomes, when given, calibrate the probabilities. At least 20 known HMOs are needed.

Output fields (scored properties): the base's own fields; hmo_probability, with hmo_probability_low and hmo_probability_high (at either end of the interval of the share of HMOs on the register); rank (unlicensed properties only, 1 = inspect first); licensed (a licence valid on the date judged at); on_register; licence_start and licence_end (kept for expired licences); reason_1..3 (the three features that raised the score most, in plain words).
Other outputs: inspection lists (CSV and HTML per area, index.csv); the report (HTML: precision at 50, 100 and 500 inspections, lift over random and over the best single rule, calibration, feature effects, match rates); the processing record (HTML: an information-sharing agreement and DPIA summary to start from). Names, dates of birth and claim references reach no output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/hmo.py" line="83" />
            <source>

Linkage engine (advanced): </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage.py" line="242" />
            <source>{} file(s) list each home once (no UPRN given twice): {}. Two of their rows are never taken for one household.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/geopackage_fill.py" line="154" />
            <source>'{}' is not a point layer of the GeoPackage.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/geopackage_fill.py" line="158" />
            <source>The layer '{}' is not empty; it is only ever filled once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/geopackage_fill.py" line="246" />
            <source>The spatial index '{}' is not empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/banding.py" line="189" />
            <source>Natural breaks need at least {} different rates to form {} bands; these areas have {}. Choose quantiles or the LFB thresholds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage.py" line="172" />
            <source>{} row(s) name another home than the other rows of their UPRN (another flat and house number or building); their UPRN was taken as keyed wrong and they were matched by address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="126" />
            <source>'{}': matched on {}; no other field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="124" />
            <source>'{}': matched on {}; left unread, never used or written: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="24" />
            <source>Dataset A</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="24" />
            <source>Row in dataset A</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="25" />
            <source>Dataset B</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="25" />
            <source>Row in dataset B</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="26" />
            <source>Address A, as written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="26" />
            <source>Address B, as written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="29" />
            <source>Why it needs a decision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="30" />
            <source>Postcode weight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="31" />
            <source>House numbers or names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="31" />
            <source>House number or name weight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="32" />
            <source>Flats</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="32" />
            <source>Flat weight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="33" />
            <source>Streets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="33" />
            <source>Street weight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="34" />
            <source>Weighed most against a match</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="35" />
            <source>Match probability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="35" />
            <source>Match weight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="36" />
            <source>Pairs like this one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="37" />
            <source>Address A, standardised</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="37" />
            <source>Address B, standardised</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="38" />
            <source>UPRN A</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="38" />
            <source>UPRN B</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="22" />
            <source>The council's housing benefit or Universal Credit export: CSV (any common encoding), CSV.GZ or XLSX, with a UPRN or address fields and a postcode. Names, claim references and amounts are left unread; the log lists them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="86" />
            <source>Council exports (*.csv *.csv.gz *.txt *.xlsx);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="32" />
            <source>The council's exports, one file each: CSV (any common encoding), CSV.GZ, XLSX or a vector file. Only the UPRN, postcode and address fields are read (found by their names); names and every other field are left unread, and the log lists them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="35" />
            <source>One role per dataset, in the order of the datasets, comma separated: older, alone, mobility, health, smoking, near_miss, care, or register for a list of households with no risk factor of its own (council tax). For three datasets, e.g.: register,older,care</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="41" />
            <source>From this match probability two records are one household. Lower finds more of the same households written differently, and joins more homes that are not the same; the pairs in between go to clerical review.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="44" />
            <source>Adds each household's address and UPRN to the output, and both addresses as written to the clerical review, for referrals. Leave it off for analysis: the outputs then hold no address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="47" />
            <source>Needed in referral mode: the lawful basis for sharing the addresses, written into the processing record, e.g. 'UK GDPR Art. 6(1)(e) and 9(2)(h), care referral'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="50" />
            <source>The pairs of records the linkage was unsure of, for an officer to decide, alike pairs together. Outside referral mode it gives each record's dataset and row, not its address.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="35" />
            <source>the pairs the linkage was unsure of, one row a pair, alike pairs together so a page clears at once (pairs in doubt first, pairs whose rows name two homes after them). From left to right: the dataset and row of each record; in referral mode both addresses as written, side by side, each with its postcode as written; the reason the pair needs a decision (scored below the threshold, the rows name two homes and what tells them apart, a row matches another home as well, both leave the flat out at a house of flats, neither says which flat, or its household names another home); for postcode, house number or name, flat and street the comparison level in words and its weight (a street many rows name weighs less); held_back_by (the comparison that weighed most against a match, empty when none did); match probability and weight; pattern_pairs (how many pairs share this pattern); in referral mode both addresses as standardised and their UPRNs. In QGIS the fields are labelled in words.
</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="58" />
            <source>The authentication configuration that holds the secret for the household keys (Settings &gt; Options &gt; Authentication: a Basic configuration, the secret as its Password). Leave it at No Authentication only when the COMMUNITY_RISK_SECRET environment variable holds the secret: one of the two is needed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="35" />
            <source>the pairs the linkage was unsure of, one row a pair, alike pairs together so a page clears at once (pairs in doubt first, pairs whose rows name two homes after them). From left to right: the dataset and row of each record; in referral mode both addresses as written, side by side, each with its postcode as written, and their UPRNs; household_l and household_r (each record's household key in the output) and linked (1 where the tool made them one household), so a decision the officer does not share points at the output rows to correct; the reason the pair needs a decision (scored below the threshold, the rows name two homes and what tells them apart, a row matches another home as well, both leave the flat out at a house of flats, neither says which flat, or its household names another home); for postcode, house number or name, flat and street the comparison level in words and its weight (a street many rows name weighs less); held_back_by (the comparison that weighed most against a match, empty when none did); match probability and weight; pattern_pairs (how many pairs share this pattern); in referral mode both addresses as standardised. A person named inside an address is left out ('[name left out]'). In QGIS the fields are labelled in words.
</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="26" />
            <source>Household of A (its key in the households output)</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="27" />
            <source>Household of B (its key in the households output)</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="28" />
            <source>Linked by the tool (1: one household)</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="27" />
            <source>Household A (key)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="27" />
            <source>Household B (key)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="28" />
            <source>Linked by the tool</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="84" />
            <source>The dataset '{}' has no UPRN or postcode field to link on, and its address fields do not end in a postcode. Its fields are: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage.py" line="191" />
            <source>{} row(s) of {} give a flat a UPRN that no other row gives, where other files give that flat, written alike, another UPRN: as the file does so often, its UPRNs were taken as the buildings' (parent UPRNs) and these rows were matched by address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="35" />
            <source>the pairs the linkage was unsure of, one row a pair, alike pairs together so a page clears at once (pairs in doubt first, pairs whose rows name two homes after them) and the pairs of the same two households one after another, so each two households are decided once. From left to right: the dataset and row of each record; in referral mode both addresses as written, side by side, each with its postcode as written, and their UPRNs; household_l and household_r (each record's household key in the output) and linked (1 where the tool made them one household), so a decision the officer does not share points at the output rows to correct; the reason the pair needs a decision (scored below the threshold, the rows name two homes and what tells them apart, a row matches another home as well, both leave the flat out at a house of flats, neither says which flat, or its household names another home); for postcode, house number or name, flat and street the comparison level in words and its weight (a street many rows name weighs less); held_back_by (the comparison that weighed most against a match, empty when none did); match probability and weight; pattern_pairs (how many pairs share this pattern); in referral mode both addresses as standardised. A person named inside an address is left out ('[name left out]'). In QGIS the fields are labelled in words.
</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/housing_benefit.py" line="80" />
            <source>{} claimant household(s); {:.1%} matched to an EPC home; {} in F/G-rated private rentals; {} pairs for clerical review.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/clerical_decisions.py" line="13" />
            <source>Optional: the clerical review an earlier run wrote (CSV, XLSX, GeoPackage, or the review layer itself, edited in QGIS), with the decision column filled in: same home or different homes (also same / different, yes / no, y / n, match / no match; case and spaces do not matter). A pair marked same is linked into one household; a pair marked different is never in one household, even where other links would join it. Run on the same extracts and with the same secret: each row is checked against what it said, and a decision whose rows changed is skipped and listed in the log. Anything else written is listed as not understood, never guessed. The new review lists the decided pairs last, with their decision, so it holds every decision so far: fill in its new rows and give it next time. It must not be the file the new review is written to.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/clerical_decisions.py" line="30" />
            <source>Clerical decisions (a review table you filled in)</source>
            <translation>Penderfyniadau clerigol (tabl adolygu a lenwyd gennych)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/clerical_decisions.py" line="57" />
            <source>Reading clerical decisions from '{}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/clerical_decisions.py" line="47" />
            <source>The clerical decisions '{}' cannot be opened as a table.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/clerical_decisions.py" line="54" />
            <source>The clerical decisions cannot be used: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="75" />
            <source>Clerical decisions: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/clerical_decisions.py" line="387" />
            <source>The clerical decisions '{}' lack the field(s) {}. Give the clerical review this tool wrote, with the decision column filled in and every other column as written. Its fields are: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/clerical_decisions.py" line="117" />
            <source>The clerical decisions '{}' hold no rows: give the clerical review you filled in, or leave Clerical decisions empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/clerical_decisions.py" line="287" />
            <source>Clerical decisions from '{}': {} applied ({} same home, {} different homes); {} not understood; {} no longer match their rows. The review lists the pairs still to decide first, then every pair decided, with its decision: fill in the new rows and give that review next time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/clerical_decisions.py" line="294" />
            <source>{} decision(s) in '{}' were not understood and were left undecided (spreadsheet rows {}): write same home or different homes (or same / different, yes / no, y / n, match / no match).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/clerical_decisions.py" line="299" />
            <source>'{}' decides the same pair both ways (spreadsheet rows {}): neither was applied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/clerical_decisions.py" line="305" />
            <source>{} decision(s) in '{}' were skipped because their rows no longer match: {}. Rows are named by dataset and row number, and checked against what the row says.{}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/clerical_decisions.py" line="312" />
            <source>{} 'same home' decision(s) were not applied: they would put in one household two records decided to be different homes (spreadsheet rows {}).</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/clerical_decisions.py" line="318" />
            <source>{} 'different homes' decision(s) split a household that other links had joined (spreadsheet rows {}); its rows were shared out along their strongest links.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/clerical_decisions.py" line="309" />
            <source> None matched: was the table written from other extracts, extracts saved in another order, or with another secret?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="39" />
            <source>Your decision: same home / different homes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="40" />
            <source>Row A check (leave as written)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/review_sheet.py" line="40" />
            <source>Row B check (leave as written)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/clerical_decisions.py" line="13" />
            <source>Optional: the clerical review an earlier run wrote (CSV, XLSX, GeoPackage, or the review layer itself, edited in QGIS), with the decision column filled in: same home or different homes (also same / different, yes / no, y / n, match / no match; case and spaces do not matter). A pair marked same is linked into one household; a pair marked different is never in one household, even where other links would join it. Run on the same extracts and with the same secret: each row is checked against what it said, and a decision whose rows changed is skipped and listed in the log. Anything else written is listed as not understood, never guessed. One row of a block of pairs between the same two households decides the block. The new review lists the decided pairs last, with their decision, so it holds every decision so far: fill in its new rows and give it next time. It must not be the file the new review is written to.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/clerical_decisions.py" line="381" />
            <source>The clerical decisions '{}' have no check codes (check_l, check_r): a review written before decisions were read back has none. Run again to get a review with them, and write the decisions in that.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="35" />
            <source>the pairs the linkage was unsure of, one row a pair, alike pairs together so a page clears at once (pairs in doubt first, pairs whose rows name two homes after them) and the pairs of the same two households one after another, so each two households are decided once. From left to right: the dataset and row of each record; in referral mode both addresses as written, side by side, each with its postcode as written, and their UPRNs; household_l and household_r (each record's household key in the output) and linked (1 where the tool made them one household), so a decision the officer does not share points at the output rows to correct; the reason the pair needs a decision (scored below the threshold, the rows name two homes and what tells them apart, a row matches another home as well, both leave the flat out at a house of flats, neither says which flat, or its household names another home); decision, empty, for the officer's (same home or different homes, read back by Clerical decisions on the next run); for postcode, house number or name, flat and street the comparison level in words and its weight (a street many rows name weighs less); held_back_by (the comparison that weighed most against a match, empty when none did); match probability and weight; pattern_pairs (how many pairs share this pattern); in referral mode both addresses as standardised; check_l and check_r, a keyed code of what each row says, so the next run knows the row is unchanged (leave them as written). A person named inside an address is left out ('[name left out]'). In QGIS the fields are labelled in words.
</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/algorithms/clerical_decisions.py" line="76" />
            <source>The output '{}' would be written over the Clerical decisions ({}, table {}). Choose another table or file: nothing was written.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage.py" line="205" />
            <source>{} row(s) give a UPRN no other row gives, with a flat that rows of another UPRN write as theirs; the flat was taken as not known, and the row as its UPRN's home.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/outputs.py" line="140" />
            <source>The output '{}' would be written over an input ({}). Choose another table or file: nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/dataset_names.py" line="19" />
            <source>The file '{}' is given twice ('{}' and '{}'): give each file once.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/dataset_names.py" line="29" />
            <source>The datasets cannot be told apart by their names ({}): rename or move one of the files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/housing_benefit.py" line="28" />
            <source>The claimant dataset cannot be called '{}': the EPC homes go by that name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="166" />
            <source>Two datasets are called '{}': give each its own name (the file's folder, e.g. '2024/council_tax.csv').</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="168" />
            <source>The dataset '{}' is given twice: give each file once (two files of one name in different folders go by their folders, '2024/council_tax.csv').</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/clerical_decisions.py" line="13" />
            <source>Optional; leave it empty on a first run. Give the clerical review an earlier run wrote (the CSV or XLSX saved from a spreadsheet, the GeoPackage, or the review layer itself, edited in QGIS), with its decision column filled in where you have decided: same home or different homes (also same / different, yes / no, y / n, match / no match; case and spaces do not matter). Leave the pairs you have not decided empty. Sort or filter the rows as you like, but leave the dataset, row and check columns as written. A pair marked same is linked into one household; a pair marked different is never in one household, even where other links would join it. The pairs between the same two households stand one after another: one decision among them decides them all. Run on the same inputs and with the same secret: each row is checked against what it said, and a decision whose rows changed is skipped and listed in the log. Anything else written is listed as not understood, never guessed. The new review lists the decided pairs last, with their decision, so it holds every decision so far: fill in its new rows and give it next time. It must not be the file the new review is written to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="25" />
            <source>The homes with their latest EPC: the output of Load EPC certificates (its uprn, address, postcode, rating, band_fg and private_rented fields).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="28" />
            <source>One row per claimant household, flagged homes first: its pseudonymised key, postcode, how many claimants, whether it was matched to an EPC home, that home's rating, and flagged (an F/G-rated private rental). No address or UPRN unless Referral mode is on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="32" />
            <source>A JSON file for the Privacy Impact Assessment: the claimant file's row count, the fields used and those left unread, the match rate, the linkage model's trained parameters, the clerical review count, where the secret came from (never the secret) and the outputs written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="37" />
            <source>Claimants (rows in the export)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="37" />
            <source>Matched to an EPC home</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="38" />
            <source>Rated F or G</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="39" />
            <source>Privately rented</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="39" />
            <source>F/G private rental</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="54" />
            <source>Optional: a layer or table of the postcodes that exist (e.g. Code-Point Open or ONS Postcode Directory), to report rows whose postcode is well formed but does not exist. Leave it empty to skip that check.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="57" />
            <source>The field of the Postcode list that holds the postcodes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="58" />
            <source>One row per household, highest score first: its pseudonymised key, postcode, the seven risk flags, how many and the score. No address or UPRN unless Referral mode is on. A CSV opens in a spreadsheet; a GeoPackage or temporary layer opens in QGIS with its fields labelled in words.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="62" />
            <source>A JSON file for the Privacy Impact Assessment: each dataset with its role, row count, the fields used and those left unread, match rates, the linkage model's trained parameters, the clerical review count, where the secret came from (never the secret) and the outputs written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="68" />
            <source>Household (key)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="69" />
            <source>Older</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="69" />
            <source>Lives alone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="70" />
            <source>Reduced mobility</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="70" />
            <source>Other health issues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="71" />
            <source>Smokes or uses candles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="71" />
            <source>Previous near miss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="72" />
            <source>Receives or needs care</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="72" />
            <source>Risk factors (of 7)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="73" />
            <source>Risk score (weighted)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="73" />
            <source>Datasets listing it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="79" />
            <source>Row in dataset A (1 = first under the header)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="80" />
            <source>Row in dataset B (1 = first under the header)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="321" />
            <source>{} pairs for clerical review: {} in doubt, then {} whose rows name two homes (kept apart; confirm them a page at a time).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="213" />
            <source>{} households; {} with two or more risk factors.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="239" />
            <source>Give one role per dataset, in the order of the datasets: {} dataset(s) ({}) but {} role(s) ('{}'). A file missing from that list was not kept by the Datasets box (QGIS keeps only files it can open when a run is repeated from the history): add it again with '…' &gt; Add File(s).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="35" />
            <source>the pairs the linkage was unsure of, one row a pair, alike pairs together so a page clears at once (pairs in doubt first, pairs whose rows name two homes after them) and the pairs of the same two households one after another, so each two households are decided once. From left to right: the dataset and row of each record (row 1 is the first row under the header, which a spreadsheet numbers 2); in referral mode both addresses as written, side by side, each with its postcode as written, and their UPRNs; household_l and household_r (each record's household key in the output) and linked (1 where the tool made them one household), so a decision the officer does not share points at the output rows to correct; the reason the pair needs a decision (scored below the threshold, the rows name two homes and what tells them apart, a row matches another home as well, both leave the flat out at a house of flats, neither says which flat, or its household names another home); decision, empty, for the officer's (same home or different homes, read back by Clerical decisions on the next run); for postcode, house number or name, flat and street the comparison level in words and its weight (a street many rows name weighs less); held_back_by (the comparison that weighed most against a match, empty when none did); match probability and weight; pattern_pairs (how many pairs share this pattern); in referral mode both addresses as standardised; check_l and check_r, a keyed code of what each row says, so the next run knows the row is unchanged (leave them as written). A person named inside an address is left out ('[name left out]'). In QGIS the fields are labelled in words.
</source>
            <translation type="obsolete" />
        </message>
        <message>
            <location filename="../processing/analysis/repeated_files.py" line="54" />
            <source>'{}' repeats '{}' row for row (the same export under another name): the clerical review shows each of their pairs once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/repeated_files.py" line="58" />
            <source>'{}' is given as {} and its copy '{}' as {}: every household the copy lists is flagged {} too. Give each export once, with its own role.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/clerical_decisions.py" line="312" />
            <source>{} 'same home' decision(s) in '{}' were not applied: they would put in one household two records decided to be different homes (spreadsheet rows {}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/people_at_risk.py" line="79" />
            <source>The dataset '{}' has no address fields (e.g. 'Address Line 1') and no UPRN. Its fields are: {}. Only fields whose names say address, street, flat, house, building, premises or line are read as the address; a name field ('Householder', 'Contact') never is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="77" />
            <source>Processing record (JSON), for the Privacy Impact Assessment: the claimant file's rows, fields used and fields left unread; the match rate; the linkage model's trained parameters (m and u of each comparison level); the clerical review and decisions counts; where the secret came from (never the secret); the outputs written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="147" />
            <source>Processing record (JSON), for the Privacy Impact Assessment: each dataset with its role, rows, fields used and fields left unread; match rates; households by number of factors; the linkage model's trained parameters (m and u of each comparison level, what m was learnt from); the clerical review and decisions counts; where the secret came from (never the secret); the outputs written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/pseudonym_secret.py" line="35" />
            <source>one row per pair of records the linkage was unsure of, for an officer to decide.
  · Order: the pairs in doubt first, then the pairs whose rows name two homes (kept apart, only to confirm); alike pairs together so a page clears at once, and the pairs of the same two households one after another, so two households are decided once.
  · Columns, left to right: the dataset and row of each record (row 1 is the first row under the header, which a spreadsheet numbers 2); in referral mode both addresses as written, side by side, each with its postcode as written, and their UPRNs; household_l and household_r (each record's household key in the output) and linked (1 where the tool made them one household), so a decision the officer does not share points at the output rows to correct; the reason; decision, empty, for the officer's (same home or different homes, read back by Clerical decisions on the next run); for postcode, house number or name, flat and street the comparison level in words and its weight (a street many rows name weighs less); held_back_by (the comparison that weighed most against a match, empty when none did); match probability and weight; pattern_pairs (how many pairs share this pattern); in referral mode both addresses as standardised; check_l and check_r, a keyed code of what each row says, so the next run knows the row is unchanged (leave them as written).
  · Reasons: scored below the threshold; the rows name two homes, and what tells them apart; a row matches another home as well; both leave the flat out at a house of flats; neither says which flat; its household names another home.
  · A person named inside an address is left out ('[name left out]'). Where one export is given twice under two file names, each pair is shown once and the log says which file repeats which. In QGIS the fields are labelled in words.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="36" />
            <source>One role per dataset, comma separated: older, alone, mobility, health, smoking, near_miss, care, or register for a list of households with no risk factor of its own (council tax). Either by file name, in any order (the Datasets box does not show its order), e.g.: council_tax.csv=register, older.xlsx=older, care=care; or in the order of the datasets, e.g.: register,older,care. The log says which file was read as which role.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="276" />
            <source>The roles name datasets that were not given: {}. The datasets are: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="264" />
            <source>Give every role as name=role (e.g. council_tax.csv=register), or every role in the order of the datasets: '{}' names no dataset.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="272" />
            <source>Give a role for the dataset '{}' (e.g. {}=register). The datasets are: {}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="120" />
            <source>Finds the households most at risk of dying in a fire (older, living alone, reduced mobility, other health issues, smoking or candles, a previous near miss, receiving or needing care) by joining datasets the council already holds, with privacy designed in.

Inputs
- Datasets: council exports (CSV, CSV.GZ or XLSX, or any vector file; CSV in UTF-8, UTF-16 or Windows-1252, comma, semicolon or tab separated; the format is read from the content, whatever the extension says): council tax, electoral register, assisted bin collections, meals on wheels, disability allowance, carers, NHS Exeter data. The UPRN, postcode and address line fields are found by their names.
- Roles: one per dataset, comma separated: older, alone, mobility, health, smoking, near_miss, care, or register for a dataset of households with no risk factor of its own (council tax). Give them by file name, in any order (council_tax.csv=register, older.xlsx=older; the extension may be left out), or in the order of the datasets (register,older). A role may be given once.
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="371" />
            <source>The processing record is in a temporary file, which QGIS deletes when it closes: {}. Copy it now, or choose a file for 'Processing record' next time: it is the run's evidence for the Privacy Impact Assessment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/people_at_risk.py" line="50" />
            <source>The pairs of records the linkage was unsure of, for an officer to decide, alike pairs together. Outside referral mode it gives each record's dataset and row, not its address. For Excel, save it as .xlsx: Excel opens a CSV (written in UTF-8) in the Windows code page, and accented letters (é, ŵ, ŷ) come out garbled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage.py" line="182" />
            <source>{} row(s) give a UPRN that no other file gives, a keystroke (a digit replaced or two swapped) from the UPRN other files give the home they write; they were taken to have that UPRN, keyed wrong.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/analysis/linkage.py" line="229" />
            <source>{} row(s) write their street by a name no complete list (one row a home) writes at their postcode, where most of its homes are on one other street of that postcode: they were read on that street (an old or an estate's name).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../processing/algorithms/housing_benefit.py" line="73" />
            <source>  · The EPC homes are the dataset 'epc': their row is counted in the layer's order, which in the GeoPackage Load EPC certificates writes is the home's fid (Select by expression: $id = 1416).
</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
