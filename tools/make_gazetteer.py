"""Regenerate reportkit/resources/gazetteer.csv (county-level divisions of China).

Source: the `adcodes.csv` table shipped in the MIT-licensed PyPI package `cpca` 0.5.5
(https://github.com/DQinYuan/chinese_province_city_area_mapper), itself derived from the
National Bureau of Statistics division codes. Run by hand when the divisions change:

    pip download --no-deps cpca==0.5.5 && unzip cpca-*.whl 'cpca/resources/*.csv'
    python tools/make_gazetteer.py cpca/resources/adcodes.csv cpca/resources/56_nations.csv > reportkit/resources/gazetteer.csv

Not used at build or test time: the generated CSV is what reportkit reads.
"""
import csv
import re
import sys

MUNICIPALITIES = {"11", "12", "31", "50"}  # 北京 天津 上海 重庆: the city is the province


def main(path: str, nations_path: str) -> None:
    nations = sorted({n.strip() for n in open(nations_path, encoding="utf-8") if n.strip()}, key=len, reverse=True)
    ethnic = re.compile("(?:" + "|".join(nations) + ")+自治(县|旗)$")
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    by_code = {r["adcode"][:6]: r["name"] for r in rows}
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["adcode", "county", "city", "province", "alias"])
    for code in sorted(by_code):
        if code.endswith("00"):
            continue  # province or prefecture rows
        name = by_code[code]
        province = by_code.get(code[:2] + "0000", "")
        city = province if code[:2] in MUNICIPALITIES else by_code.get(code[:4] + "00", "")
        if "直辖县级" in city:
            city = ""  # county-level cities directly under the province
        if not province or name in {"市辖区"}:
            continue
        alias = ""
        if ethnic.search(name):
            alias = ethnic.sub(r"\1", name)  # 融水苗族自治县 → 融水县, as reports shorten it
        out.writerow([code, name, city, province, alias])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
