"""A London LSOA modelling table built from ../shared/data/london with pandas alone: 50+ candidate
factors (census 2011, IMD 2019 domains, sub-domains and indicators, transport, income, crime, energy)
and dwelling-fire counts per year. Used by the real-data tests and the benchmarks."""
import os

import numpy as np
import pandas as pd

LONDON = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                                       "data", "london"))


def _read(name, key):
    table = pd.read_csv(os.path.join(LONDON, name))
    return table.rename(columns={key: "LSOA11CD"}).set_index("LSOA11CD")


def london_lsoa_table():
    """One row per 2011 LSOA (4,835): LSOA11CD, HHOLDS, fires_2009..fires_2016 and the factors."""
    import pyogrio

    base = pyogrio.read_dataframe(os.path.join(LONDON, "lsoa_2011.gpkg"), read_geometry=False)
    base = base.set_index("LSOA11CD")
    out = pd.DataFrame(index=base.index)
    out["HHOLDS"] = base["HHOLDS"]
    residents = base["USUALRES"]
    households = base["HHOLDS"]
    out["pop_density"] = base["POPDEN"]
    out["avg_household_size"] = base["AVHHOLDSZ"]
    out["pct_communal"] = 100 * base["COMESTRES"] / residents
    out["area_ha"] = base["AREA_HA"]

    atlas = _read("lsoa_atlas_subset.csv.gz", "Lower Super Output Area")
    col = {c.split(";")[1] if ";" in c else c: c for c in atlas.columns}
    out["pct_bame"] = 100 * atlas[col["BAME"]] / (atlas[col["White"]] + atlas[col["BAME"]])
    out["house_price_2014_k"] = pd.to_numeric(atlas[col["Median Price ()"]], errors="coerce") / 1000  # "." = missing
    out["house_sales_per_100hh"] = 100 * atlas[col["Sales"]] / households
    out["pct_no_adult_employed_children"] = atlas[col["% of households with no adults in employment: With dependent children"]]
    active, inactive = atlas[col["Economically active: Total"]], atlas[col["Economically inactive: Total"]]
    out["pct_econ_inactive"] = 100 * inactive / (active + inactive)
    out["pct_self_employed"] = 100 * atlas[col["Economically active: Self-employed"]] / active
    out["pct_students"] = 100 * atlas[col["Economically active: Full-time student"]] / active
    out["employment_rate"] = atlas[col["Employment Rate"]]
    out["unemployment_rate"] = atlas[col["Unemployment Rate"]]
    out["pct_fair_health"] = atlas[col["Fair health"]]
    out["pct_bad_health"] = atlas[col["Bad or Very Bad health"]]
    out["pct_no_car"] = atlas[col["No cars or vans in household"]]
    out["cars_per_household"] = atlas[col["Sum of all cars or vans in the area"]] / households
    out["ptal_2014"] = atlas[col["Average Score"]]
    out["median_income_2011_k"] = atlas[atlas.columns[-1]] / 1000

    imd = _read("imd_2019_lsoa.csv.gz", "LSOA code (2011)")
    for name, column in (("imd_score", "Index of Multiple Deprivation (IMD) Score"),
                         ("imd_income", "Income Score (rate)"), ("imd_employment", "Employment Score (rate)"),
                         ("imd_education", "Education, Skills and Training Score"),
                         ("imd_health", "Health Deprivation and Disability Score"), ("imd_crime", "Crime Score"),
                         ("imd_barriers", "Barriers to Housing and Services Score"),
                         ("imd_living_environment", "Living Environment Score")):
        out[name] = imd[column]
    sub = _read("imd_2019_subdomains_lsoa.csv.gz", "LSOA code (2011)")
    for name, start in (("imd_children_young", "Children and Young People Sub-domain Score"),
                        ("imd_adult_skills", "Adult Skills Sub-domain Score"),
                        ("imd_geographical_barriers", "Geographical Barriers Sub-domain Score"),
                        ("imd_wider_barriers", "Wider Barriers Sub-domain Score"),
                        ("imd_indoors", "Indoors Sub-domain Score"), ("imd_outdoors", "Outdoors Sub-domain Score"),
                        ("idaci", "Income Deprivation Affecting Children Index (IDACI) Score (rate)"),
                        ("idaopi", "Income Deprivation Affecting Older People (IDAOPI) Score (rate)")):
        out[name] = sub[start]
    ind = _read("imd_2019_underlying_indicators_lsoa.csv.gz", "LSOA code (2011)")
    for name, column in (("overcrowding", "Household overcrowding indicator"),
                         ("homelessness_per_1k", "Homelessness indicator (rate per 1000 households)"),
                         ("poor_condition_housing", "Housing in poor condition indicator"),
                         ("no_central_heating", "Houses without central heating indicator"),
                         ("illness_disability_ratio", "Comparative illness and disability ratio indicator"),
                         ("acute_morbidity", "Acute morbidity indicator"),
                         ("mood_anxiety", "Mood and anxiety disorders indicator"),
                         ("years_life_lost", "Years of potential life lost indicator"),
                         ("road_accidents", "Road traffic accidents indicator"),
                         ("air_quality", "Air quality indicator"),
                         ("housing_affordability", "Housing affordability indicator"),
                         ("adult_skills_english", "Adult skills and English language proficiency indicator"),
                         ("km_to_gp", "Road distance to a GP surgery indicator (km)")):
        out[name] = ind[column]
    pop = _read("imd_2019_population_mid2015_lsoa.csv.gz", "LSOA code (2011)")
    total = pop["Total population: mid 2015 (excluding prisoners)"]
    out["pct_aged_60_plus"] = 100 * pop["Older population aged 60 and over: mid 2015 (excluding prisoners)"] / total
    out["pct_children"] = 100 * pop["Dependent Children aged 0-15: mid 2015 (excluding prisoners)"] / total
    out["ptai_2015"] = _read("ptal_2015_lsoa.csv.gz", "LSOA11CD")["AvPTAI2015"]
    income = _read("lsoa_household_income_2001_2012.csv.gz", "LSOA11CD")
    out["mean_income_2011_k"] = income["HHI_mean_2011"] / 1000
    out["income_growth_2001_2011"] = income["HHI_median_2011"] / income["HHI_median_2001"] - 1
    out["major_road_m_per_km2"] = _read("lsoa_major_road_length_2018.csv.gz", "LSOA11CD")["mrn_m_per_km2"]
    arson = _read("lsoa_crime_arson_criminal_damage_2011_2021.csv.gz", "LSOA11CD")
    out["criminal_damage_per_1k_hh"] = 1000 * arson[["2011", "2012", "2013"]].mean(axis=1) / households
    burglary = _read("lsoa_crime_burglary_2011_2021.csv.gz", "LSOA11CD")
    out["burglary_per_1k_hh"] = 1000 * burglary[["2011", "2012", "2013"]].mean(axis=1) / households
    gas = _read("lsoa_domestic_gas_2010_2020.csv.gz", "LSOA11CD")
    out["gas_meters_per_household"] = gas["meters_n_2013"] / households
    out["gas_kwh_per_meter"] = gas["median_kWhpm_2013"] / 1000
    electricity = _read("lsoa_domestic_electricity_2010_2020.csv.gz", "LSOA11CD")
    out["electricity_kwh_per_meter"] = electricity["median_kWhpm_2013"] / 1000
    out["electricity_meters_per_household"] = electricity["meters_n_2013"] / households
    pop19 = _read("lsoa_population_mid2019.csv.gz", "LSOA11CD")
    out["pct_65_plus_2019"] = 100 * pop19["Persons_65+"] / pop19["Persons_All-Ages"]

    fires = _read("lsoa_fire_counts_2009_2016.csv.gz", "LSOA11CD")
    for year in range(2009, 2017):
        out["fires_{}".format(year)] = fires["fires_{}".format(year)]
    return out.reset_index()


def factor_names(table):
    return [c for c in table.columns if c not in ("LSOA11CD", "HHOLDS") and not c.startswith("fires_")]


def filled_factors(table):
    """Factors with missing values filled by the column median (e.g. City of London crime)."""
    names = factor_names(table)
    values = table[names].astype(float)
    return values.fillna(values.median()), names


if __name__ == "__main__":
    t = london_lsoa_table()
    print(t.shape, len(factor_names(t)))
    print(t[factor_names(t)].isna().sum()[lambda s: s > 0])
    print(np.isfinite(t[factor_names(t)].to_numpy(float)).all())
