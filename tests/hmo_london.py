"""London's 2011 LSOAs with HMO dwelling fires per period and Census 2021 housing factors, for the HMO
prevalence real-data test and bench. The census is on 2021 LSOAs and the fires and households on 2011
LSOAs; no 2011->2021 lookup is in the data, so a 2011 LSOA takes the census of the 2021 LSOA with the same
code (4,659 of 4,835), and the rest (split, merged or recoded in 2021) take their 2011 MSOA's average
shares. How many were filled is returned, so the figures can say so."""
import os

import numpy as np
import pandas as pd

LONDON = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                                       "data", "london"))


def london_hmo_table():
    """(table indexed by LSOA11CD with HHOLDS, hmo_fires_2009_2012, hmo_fires_2013_2016 and the factors,
    the number of LSOAs whose census factors were filled from their MSOA)."""
    import pyogrio
    from community_risk.processing.analysis.counting import assign_points_to_areas
    from community_risk.processing.analysis.hmo_prevalence import census_housing_factors

    lsoas = pyogrio.read_dataframe(os.path.join(LONDON, "lsoa_2011.gpkg"))
    fires = pd.read_csv(os.path.join(LONDON, "lfb_dwelling_fires_2009_2016.csv.gz"))
    fires = fires[fires["hmo_yn"] == "HMO"]
    area = assign_points_to_areas(list(lsoas.geometry), fires["easting_rounded"], fires["northing_rounded"])
    year = fires["date"].str[:4].astype(int).to_numpy()
    table = pd.DataFrame({"HHOLDS": lsoas["HHOLDS"].to_numpy(), "MSOA11CD": lsoas["MSOA11CD"].to_numpy()},
                         index=lsoas["LSOA11CD"].to_numpy())
    for name, (first, last) in {"hmo_fires_2009_2012": (2009, 2012), "hmo_fires_2013_2016": (2013, 2016)}.items():
        inside = (area >= 0) & (year >= first) & (year <= last)
        table[name] = np.bincount(area[inside], minlength=len(lsoas))
    census = pd.read_csv(os.path.join(LONDON, "census2021_lsoa21_housing.csv.gz")).set_index("LSOA21CD")
    factors = census_housing_factors(census).reindex(table.index)
    filled = int(factors.isna().any(axis=1).sum())
    factors = factors.fillna(factors.groupby(table["MSOA11CD"]).transform("mean"))
    return table.join(factors), filled
