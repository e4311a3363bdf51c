"""Usage errors, interrupts and CoopselectErrors are one line on stderr (cli/main.run)."""

from __future__ import annotations

import signal

import pytest

from coopselect.cli import main as cli_main


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli_main.run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("rank", "--top", "x"), "error: --top: 'x' is not a valid integer. Fix: "),
        (("rank", "--top=0"), "error: --top: '0' is not valid: it should be greater than"),
        (("rank", "-f", "xml"), "error: --format: 'xml' is not one of 'table', 'json'"),
        (("rank", "--tpo", "3"), "error: no such option --tpo. Fix: did you mean --top?"),
        (("ahp",), "error: missing argument FILE. Fix: give FILE"),
        (("rnak",), "error: no such command 'rnak'. Fix: did you mean 'rank'?"),
        (("rank", "--top"), "error: option '--top' requires an argument."),
    ],
)
def test_usage_error_is_one_line(capsys, args, expected):
    code, out, err = _run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.startswith(expected), err
    assert err.count("\n") == 1, err
    assert "--help)" in err or "--help." in err
    assert "╭" not in err and "Usage:" not in err


def test_help_and_success_exit_zero(capsys):
    code, out, err = _run(capsys, "rankcorr", "1,2,3", "1,3,2", "-f", "json")
    assert code == 0 and err == "" and "spearman" in out
    code, out, _ = _run(capsys, "rank", "--help")
    assert code == 0 and "--top" in out


def test_coopselect_error_path_with_escape_is_shown_escaped(capsys, tmp_path):
    bad = tmp_path / "evil\x1b]0;owned\x07\x1b[2J.toml"
    code, _, err = _run(capsys, "rank", str(bad))
    assert code == 2
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;owned\\x07\\x1b[2J.toml" in err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_ctrl_c_is_one_line_and_exit_130(capsys, monkeypatch):
    import coopselect.services.ranking

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(coopselect.services.ranking, "rank", interrupted)
    code, _, err = _run(capsys, "rank")
    assert code == 130
    assert err.strip() == "error: interrupted; nothing was written."
    handler = signal.getsignal(signal.SIGINT)
    try:
        with pytest.raises(SystemExit) as done:
            cli_main.main(["rank"])
        assert done.value.code == 130
        # main() ignores a late Ctrl-C while the process exits
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, handler)
