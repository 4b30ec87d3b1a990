"""Shared fixtures: the seed reports and small report texts written for the tests."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLD = Path(__file__).parent / "gold"

# A short report in the usual shape, used wherever a test needs "a real-looking report".
SAMPLE_REPORT = """北城街道2023年法治政府建设年度报告
2023年，北城街道在区委、区政府的正确领导下，深入学习贯彻习近平法治思想，现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。街道党工委书记切实履行推进法治建设第一责任人职责，全年召开专题会议6次。
（二）深化普法宣传。开展普法宣传活动25场次，发放宣传资料3000余份，受众1.2万人次。
二、存在的不足和原因
一是执法力量薄弱，执法人员身兼数职。二是普法形式单一，群众参与度不高。
三、2024年工作安排
（一）加强执法队伍建设。（二）创新普法宣传形式。
"""


@pytest.fixture
def sample_report() -> str:
    return SAMPLE_REPORT


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return sorted(RAW.glob("*.txt"))


def output_bytes(folder: Path) -> dict[str, bytes]:
    """Every file of a build's output folder (parquet part folders included), by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
