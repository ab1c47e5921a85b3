"""The pandas baseline for bench/wres_bench.sh: the nine WRES indicators from the synthetic CSV
files, the same computation as `eqkit wres compute` (unknown ethnicity left out of the ratios,
bank staff left out, each person counted once). Prints the figures as JSON so the benchmark can
check that all three programs agree. Run with Debian's /usr/bin/python3 (python3-pandas)."""
import json
import sys

import pandas as pd

folder = sys.argv[1]


def group(codes):
    """White = A, B, C; unknown = Z, 99 or blank; BME = every other stated code."""
    first = codes.str[:1]
    out = pd.Series("bme", index=codes.index)
    out[first.isin(["A", "B", "C"])] = "white"
    out[(codes == "") | (codes == "99") | (first == "Z")] = "unknown"
    return out


def read(name, columns):
    return pd.read_csv(f"{folder}/{name}", dtype=str, keep_default_na=False, usecols=columns)


def ratio(a, n, b, m):
    return (a / n) / (b / m) if n and m and b else None


staff = read("staff.csv", ["person_id", "ethnic_category", "afc_band", "medical_subgroup", "clinical", "is_bank"])
staff = staff[staff.is_bank != "Y"]
staff["g"] = group(staff.ethnic_category)
staff["section"] = "non_clinical"
staff.loc[staff.clinical == "Y", "section"] = "clinical"
staff.loc[staff.medical_subgroup != "", "section"] = "medical"
staff["row"] = staff.afc_band.where(staff.medical_subgroup == "", staff.medical_subgroup)
bands = staff.groupby(["section", "row", "g"]).size()
head = staff.g.value_counts()

rec = read("recruitment.csv", ["ethnic_category", "shortlisted", "appointed"])
rec["g"] = group(rec.ethnic_category)
short = (rec.shortlisted == "Y").groupby(rec.g).sum()
appointed = (rec.appointed == "Y").groupby(rec.g).sum()

people = staff[["person_id", "g"]]
disc = read("disciplinary.csv", ["person_id"]).drop_duplicates().merge(people, on="person_id")
disc = disc.g.value_counts()
train = read("training.csv", ["person_id", "mandatory"])
train = train[train.mandatory == "N"].drop_duplicates("person_id").merge(people, on="person_id")
train = train.g.value_counts()

board = read("board.csv", ["ethnic_category", "voting"])
board["g"] = group(board.ethnic_category)
voting = board[board.voting == "Y"].g.value_counts()
survey = read("survey.csv", ["indicator", "group", "percentage"])

total = head.sum()
figures = {
    "1": 100 * head.get("bme", 0) / total,
    "2": ratio(appointed.get("white", 0), short.get("white", 0), appointed.get("bme", 0), short.get("bme", 0)),
    "3": ratio(disc.get("bme", 0), head.get("bme", 0), disc.get("white", 0), head.get("white", 0)),
    "4": ratio(train.get("white", 0), head.get("white", 0), train.get("bme", 0), head.get("bme", 0)),
    "9": 100 * voting.get("bme", 0) / voting.sum() - 100 * head.get("bme", 0) / total,
    "band_rows": int(len(bands)),
}
for n in ("5", "6", "7", "8"):
    s = survey[(survey.indicator == n) & (survey.group == "BME")]
    figures[n] = float(s.percentage.iloc[0])
print(json.dumps({k: (float(v) if v is not None else None) for k, v in figures.items()}))
