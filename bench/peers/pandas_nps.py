"""pandas from Debian (/usr/bin/python3, python3-pandas) over the survey answers of the CxReports warehouse.

python3 pandas_nps.py prepare ANSWERS.csv ANSWERS.pickle   -- once: the CSV export read and kept as a pickled frame
python3 pandas_nps.py ANSWERS.pickle QUERY ZONE            -- QUERY: month_channel | channel; prints one JSON line

A pickled frame is the fastest thing pandas reads without pyarrow (Debian 12 has no python3-pyarrow): the whole
process is start, read the frame, compute; the engine time is the computation alone.
"""
import json
import sys
import time

import numpy as np
import pandas as pd

FROM, NEXT = "2024-11-01", "2026-11-01"


def prepare(csv_path, pickle_path):
    frame = pd.read_csv(csv_path, dtype={"t": np.int64, "channel": "category", "score": np.int8})
    frame["responded_at"] = pd.to_datetime(frame.pop("t"), unit="us", utc=True)
    frame.to_pickle(pickle_path)


def run(frame, query, zone):
    start, end = pd.Timestamp(FROM, tz=zone), pd.Timestamp(NEXT, tz=zone)
    answers = frame[(frame["responded_at"] >= start) & (frame["responded_at"] < end)]
    promoter = (answers["score"] >= 9).astype(np.int64)
    detractor = (answers["score"] <= 6).astype(np.int64)
    keys = [answers["channel"]]
    if query == "month_channel":
        local = answers["responded_at"].dt.tz_convert(zone).dt.tz_localize(None)
        keys.insert(0, local.dt.to_period("M").rename("month"))
    sums = pd.DataFrame({"promoter": promoter, "detractor": detractor, "n": 1}).groupby(keys, observed=True).sum()
    values = 100.0 * (sums["promoter"] - sums["detractor"]) / sums["n"]
    rows = []
    for key, value in values.items():
        if query == "month_channel":
            rows.append([key[0].start_time.strftime("%Y-%m-%d"), key[1], float(value)])
        else:
            rows.append([key, float(value)])
    return rows


def main(argv):
    if argv[0] == "prepare":
        prepare(argv[1], argv[2])
        return
    frame = pd.read_pickle(argv[0])
    started = time.perf_counter()
    rows = run(frame, argv[1], argv[2])
    engine_ms = (time.perf_counter() - started) * 1000
    print(json.dumps({"engineMs": engine_ms, "rows": rows}))


if __name__ == "__main__":
    main(sys.argv[1:])
