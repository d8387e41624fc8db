"""Seeded housing benefit claimant rows over EPC homes: for the tests and the demo; never shipped."""
import numpy as np

from .council_extracts import FORENAMES, SURNAMES, _typo

SEED = 20161208


def generate_claimants(epc_homes, share=0.2, seed=SEED):
    """Claimant rows (messy addresses, missing UPRNs, duplicates) for a share of EPC homes; returns
    (claimants, truth) where truth maps each claimant row to its EPC row."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    chosen = np.flatnonzero(rng.random(len(epc_homes)) < share)
    rows, truth = [], []
    for index in chosen:
        home = epc_homes.iloc[index]
        for _ in range(1 + int(rng.random() < 0.05)):  # duplicate claims
            address = str(home["address"])
            if rng.random() < 0.3:
                address = address.replace("Road", "Rd").replace("Square", "Sq").replace("Lane", "Ln")
            if rng.random() < 0.08:
                address = _typo(rng, address)
            postcode = str(home["postcode"] or "")
            if rng.random() < 0.2:
                postcode = postcode.lower().replace(" ", "")
            rows.append({"Claim Ref": "HB{:07d}".format(len(rows) + 1),
                         "Claimant Name": "{} {}".format(FORENAMES[rng.integers(len(FORENAMES))],
                                                          SURNAMES[rng.integers(len(SURNAMES))]),
                         "UPRN": str(home["uprn"]) if home["uprn"] and rng.random() < 0.5 else "",
                         "Address Line 1": address.upper() if rng.random() < 0.5 else address,
                         "Post Code": postcode, "Weekly Award": "{:.2f}".format(rng.uniform(40, 300))})
            truth.append(index)
    return pd.DataFrame(rows), np.array(truth)
