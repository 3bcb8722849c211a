"""The README's commands work as written: the quick start's two commands, and the --mapping example
with every column and allowed value the loader knows."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from mynumber_refs import findings
from mynumber_refs.mappings import CSV_COLUMNS, METHODS, Confidence, Relation

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(title)
    end = README.find("\n## ", start + 1)
    return README[start:end if end != -1 else None]


def blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def test_quick_start_commands() -> None:
    quick = section("## はじめに / Quick start")
    commands = [b.strip() for b in blocks(quick, "sh")]
    venv, install, tests = commands
    assert venv.startswith("python3 -m venv .venv")
    # the user's install pulls no developer tools; the test command is exactly what CI runs
    assert "pip install ." in install and "[dev]" not in install and "mynumber-refs rewrite" in install
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()


def _shim(tmp: Path) -> dict[str, str]:
    """An environment where ``mynumber-refs`` runs this source tree."""
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "mynumber-refs"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m mynumber_refs "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT)}


def test_mapping_example_runs_as_written(tmp_path: Path) -> None:
    text = section("## 自分の対応行を追加する")
    (csv_block,) = blocks(text, "csv")
    (tmp_path / "my_rows.csv").write_text(csv_block, encoding="utf-8")
    env = _shim(tmp_path)
    results = []
    for line in blocks(text, "sh")[0].splitlines():
        command = line.split("#")[0].strip()
        if command:
            results.append(subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True,
                                          timeout=120))
    proposed, applied = results
    assert proposed.returncode == 0 and applied.returncode == 0, proposed.stderr.decode() + applied.stderr.decode()
    # as the README says: inferred, so only proposed; applied with --accept-inferred
    assert proposed.stdout.decode().strip() == "番号法別表第一の64の2の項"
    assert "inferred-mapping" in proposed.stderr.decode() and "番号法別表の92の項" in proposed.stderr.decode()
    assert applied.stdout.decode().strip() == "番号法別表の92の項"


def test_mapping_columns_and_values_are_all_documented() -> None:
    text = section("## 自分の対応行を追加する")
    table = [line for line in text.splitlines() if line.startswith("| `")]
    documented = {c for line in table for c in re.findall(r"`([a-z_]+)`", line.split("|")[1])}
    assert documented == set(CSV_COLUMNS) | {"transition"}
    values = {row.split("|")[1].strip(" `").split("`")[0]: row.split("|")[3] for row in table}
    assert set(re.findall(r"`([a-z-]+)`", values["relation"])) == {r.value for r in Relation}
    assert set(re.findall(r"`([a-z][a-z-]*)`", values["confidence"])) == {c.value for c in Confidence}
    assert set(re.findall(r"`([a-z-]+)`", values["method"])) - {"content-aligned+manual-check"} == set(METHODS)
    meta = tomllib.loads((ROOT / "mappings" / "transitions.toml").read_text(encoding="utf-8"))
    ids = {t["id"] for t in meta["transition"]}
    assert set(re.findall(r"`([a-z0-9_]+)`", values["transition"])) >= ids


def test_every_finding_reason_is_explained() -> None:
    text = section("## 要確認（findings）の意味と対処")
    documented = {c for line in text.splitlines() if line.startswith("| `") for c in re.findall(r"`([a-z-]+)`", line.split("|")[1])}
    assert documented == set(findings.REASONS)
