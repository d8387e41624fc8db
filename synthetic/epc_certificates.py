"""Seeded EPC certificates in the register's bulk-download schema, over real postcodes: for the demo,
the tests and the benchmarks; never shipped in the plugin."""
import numpy as np

from ..processing.analysis.epc import EFFICIENCY_BANDS, SCHEMA

SEED = 20161207


def generate_certificates(postcodes, indicators=None, n_homes=20000, seed=SEED):
    """Certificates in the register's schema over real postcodes. postcodes: DataFrame with `postcode` and,
    optionally, `lsoa11cd_pip`; indicators: DataFrame indexed by LSOA code with 'no_central_heating' and
    'poor_condition' (the IMD 2019 underlying indicators) to drive each area's mix."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    chosen = postcodes.sample(n=max(1, n_homes // 10), random_state=int(rng.integers(1 << 31)), replace=False)
    streets = ("Albion Road", "Milner Square", "Liverpool Road", "Essex Road", "Highbury Grove", "Hornsey Lane")
    homes = []
    for k in range(n_homes):
        row = chosen.iloc[k % len(chosen)]
        lsoa = row.get("lsoa11cd_pip") if hasattr(row, "get") else None
        cold = poor = 0.0
        if indicators is not None and lsoa in indicators.index:
            cold, poor = float(indicators.at[lsoa, "no_central_heating"]), float(indicators.at[lsoa, "poor_condition"])
        homes.append((k, row["postcode"], streets[k % len(streets)], 1 + k // 10 % 200, cold, poor))
    records = []
    lmk = 0
    for home, postcode, street, number, cold, poor in homes:
        uprn = str(200000000000 + home)
        flat = rng.random() < 0.4
        private = rng.random() < 0.30
        social = not private and rng.random() < 0.3
        certificates = 1 + int(rng.random() < 0.25) + int(rng.random() < 0.08)  # the same home certified again
        base = rng.normal(64 - 60 * poor - 40 * cold - (6 if private else 0), 12)
        year = int(rng.integers(2009, 2020))
        for c in range(certificates):
            efficiency = int(np.clip(base + 4 * c + rng.normal(0, 3), 1, 100))
            rating = next(r for r, (lo, hi) in EFFICIENCY_BANDS.items() if lo <= efficiency <= hi) if efficiency >= 1 else "G"
            date = pd.Timestamp(year=min(year + 3 * c, 2024), month=int(rng.integers(1, 13)), day=int(rng.integers(1, 28)))
            gas = rng.random() > 0.12 + 0.4 * cold
            fuel = "mains gas (not community)" if gas else ("electricity (not community)" if rng.random() < 0.8 else "oil (not community)")
            heat = "Boiler and radiators, mains gas" if gas else ("Electric storage heaters" if "electric" in fuel else "Boiler and radiators, oil")
            if rng.random() < 0.02:
                heat, fuel = "No system present: electric heaters assumed", "electricity (not community)"
            lmk += 1
            record = {
                "LMK_KEY": "{:032x}".format(int(rng.integers(1 << 62)) * 7919 + lmk),
                "ADDRESS1": ("Flat {}, {} {}".format(int(rng.integers(1, 9)), number, street) if flat else "{} {}".format(number, street)),
                "ADDRESS2": "", "ADDRESS3": "", "POSTCODE": postcode if rng.random() > 0.1 else postcode.lower().replace(" ", ""),
                "BUILDING_REFERENCE_NUMBER": str(1000000 + home * 3),
                "CURRENT_ENERGY_RATING": rating if rng.random() > 0.003 else "INVALID!",
                "POTENTIAL_ENERGY_RATING": "C" if efficiency < 69 else rating,
                "CURRENT_ENERGY_EFFICIENCY": str(efficiency), "POTENTIAL_ENERGY_EFFICIENCY": str(max(efficiency, 69)),
                "PROPERTY_TYPE": "Flat" if flat else rng.choice(["House", "Bungalow", "Maisonette"], p=[0.85, 0.05, 0.1]),
                "BUILT_FORM": "Mid-Terrace" if not flat else "NO DATA!",
                "INSPECTION_DATE": (date - pd.Timedelta(days=int(rng.integers(1, 20)))).strftime("%Y-%m-%d"),
                "LOCAL_AUTHORITY": "", "CONSTITUENCY": "", "COUNTY": "Greater London Authority",
                "LODGEMENT_DATE": date.strftime("%Y-%m-%d"),
                "TRANSACTION_TYPE": "rental (private)" if private else ("rental (social)" if social else "marketed sale"),
                "ENVIRONMENT_IMPACT_CURRENT": str(max(1, efficiency - 5)), "TOTAL_FLOOR_AREA": "{:.1f}".format(rng.uniform(25, 140)),
                "MAINS_GAS_FLAG": "Y" if gas else ("N" if rng.random() > 0.05 else ""),
                "FLOOR_LEVEL": "", "MAINHEAT_DESCRIPTION": heat, "MAIN_FUEL": fuel,
                "TENURE": ("rental (private)" if rng.random() > 0.2 else "Rented (private)") if private else (
                    "rental (social)" if social else "owner-occupied"),
                "CONSTRUCTION_AGE_BAND": "England and Wales: 1900-1929",
                "UPRN": uprn if rng.random() > 0.15 else "", "UPRN_SOURCE": "Address Matched"}
            records.append(record)
    frame = pd.DataFrame(records, columns=list(SCHEMA))
    return frame.sample(frac=1.0, random_state=int(rng.integers(1 << 31))).reset_index(drop=True)
