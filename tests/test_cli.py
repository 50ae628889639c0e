"""The command line explains itself and fails with a message, not a traceback."""

import subprocess
import sys

import pytest

from pipeline.cli import build_parser, main


def test_help_lists_every_run_option(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["run", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for option in ["--out", "--format", "--profile", "--processes", "--engine", "--scheduler", "--batch-size",
                   "--no-resume", "--no-progress", "--config-dir", "exit status"]:
        assert option in out


def test_defaults_are_corpus_and_outputs():
    args = build_parser().parse_args(["run"])
    assert args.inputs == ["corpus"] and args.out == "outputs" and args.profile == "full"


def test_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["run", "corpus", "--format", "xlsx"])
    assert exc.value.code == 2
    assert "xlsx" in capsys.readouterr().err


def test_missing_input_is_a_clear_error_without_traceback(tmp_path):
    missing = tmp_path / "no-such-folder"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(missing), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "no-such-folder" in proc.stderr
    assert "Traceback" not in proc.stderr
