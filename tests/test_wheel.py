"""The built wheel carries grammar/ and mappings/ and works outside the source tree."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(os.environ.get("MYNUMBER_REFS_SKIP_WHEEL") == "1", reason="wheel test disabled")
def test_wheel_installs_and_runs_outside_the_source_tree(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = dist.glob("mynumber_refs-*.whl")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "mynumber_refs/grammar/citation.lark" in names
    assert "mynumber_refs/mappings/transitions.toml" in names
    assert any(n.startswith("mynumber_refs/mappings/") and n.endswith(".csv") for n in names)

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    # the dependencies (lark, attrs …) come from this test's environment, without a download: a
    # plain path in a .pth file adds those folders but runs none of their .pth files, so the
    # editable install of the source tree stays out of the fresh environment
    inner = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    outer = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (Path(inner) / "outer_dependencies.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    inst = subprocess.run(
        [str(py), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True, text=True, timeout=600,
    )
    assert inst.returncode == 0, inst.stderr[-2000:]
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run(
        [str(py), "-c", "import mynumber_refs, sys; print(mynumber_refs.__file__)"],
        capture_output=True, text=True, cwd=work, env=env, timeout=120,
    )
    assert str(env_dir) in where.stdout, where.stdout + where.stderr
    cli = env_dir / "bin" / "mynumber-refs"
    p = subprocess.run(
        [str(cli), "rewrite", "-", "--assume-law"], input="別表第一の16の項".encode(),
        capture_output=True, cwd=work, env=env, timeout=120,
    )
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout == "別表の24の項".encode()
