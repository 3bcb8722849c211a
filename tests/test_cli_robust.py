"""The command when its reader goes away (``| head``), and its start-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DENSE = "".join(f"根拠: 番号利用法別表第一の{n}の項\n番号法別表第二の{n}の項\n" for n in range(1, 80)) * 40


def run_and_close_after_one_line(args: list[str], stdin: bytes) -> tuple[int, bytes, bytes]:
    """Run the command with its standard output read by a reader that takes one line and goes away,
    as ``… | head -1`` does."""
    p = subprocess.Popen([sys.executable, "-m", "mynumber_refs", *args], cwd=ROOT, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdin is not None and p.stdout is not None and p.stderr is not None
    p.stdin.write(stdin)
    p.stdin.close()
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    p.stderr.close()
    return p.wait(timeout=120), first, err


@pytest.mark.parametrize("args", [
    ["rewrite", "-", "--diff", "--assume-law"],
    ["rewrite", "-", "--assume-law"],
    ["find", "-", "--assume-law"],
    ["find", "-", "--assume-law", "--json"],
])
def test_a_closed_pipe_ends_quietly_with_the_conventional_status(args: list[str]) -> None:
    text = DENSE.encode()  # 250 KB and more of output: far more than a pipe holds
    rc, first, err = run_and_close_after_one_line(args, text)
    assert first  # the reader got its line
    assert rc == 141, err.decode()  # 128 + SIGPIPE, what a shell reports for `cmd | head`
    assert b"Traceback" not in err and b"BrokenPipeError" not in err and b"Exception ignored" not in err


def test_a_closed_pipe_in_a_batch(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(DENSE, encoding="utf-8")
    rc, first, err = run_and_close_after_one_line(["rewrite", str(tmp_path), "--assume-law", "--diff"], b"")
    assert first and rc == 141 and b"Traceback" not in err, err.decode()


def test_version_imports_nothing_of_the_command() -> None:
    for cmd in ([sys.executable, "-X", "importtime", "-m", "mynumber_refs", "--version"],
                [sys.executable, "-X", "importtime", "-c", "import sys; from mynumber_refs.cli import main; "
                                                           "sys.exit(main(['--version']))"]):
        p = subprocess.run(cmd, capture_output=True, cwd=ROOT, timeout=60)
        assert p.returncode == 0 and p.stdout.decode() == "mynumber-refs 0.1.0\n"
        imported = p.stderr.decode()
        for module in ("argparse", "json", "difflib", "lark", "mynumber_refs.batch", "mynumber_refs.formats"):
            assert f"| {module}\n" not in imported, module
    p = subprocess.run(cmd[:1] + ["-X", "importtime", "-m", "mynumber_refs", "--version"], capture_output=True,
                       cwd=ROOT, timeout=60)
    assert "| mynumber_refs.cli\n" not in p.stderr.decode()


def test_ctrl_c_ends_with_a_message_and_status_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C in a batch ends the command with status 130 (128 + SIGINT, what a shell reports) and a message
    saying no file is half-written, never a traceback."""
    from mynumber_refs import batch, cli

    def interrupted(*_args: object, **_kw: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "run_files", interrupted)
    (tmp_path / "a.txt").write_text("番号法別表第二の27の項\n", encoding="utf-8")
    assert cli.main(["rewrite", str(tmp_path / "a.txt"), "--in-place"]) == 130
    err = capsys.readouterr().err
    assert err == ("中断しました。途中まで書かれたファイルはありません（どのファイルも元のままか、書き換え後の内容です）"
                   " / interrupted: no file is half-written (each is as it was or fully rewritten)\n")
