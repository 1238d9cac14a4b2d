"""`plugdesk restart|lock|unlock|start|stop|limit|logs` against the simulator: every
command, every exit code (0 accepted, 1 rejected, 2 no answer in time, 3 not sent,
64 usage), the refusal without --yes when there is no terminal (a real subprocess whose
stdin is not a tty, and nothing is sent), the terminal prompt, the audit rows, the log."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from typing import Any

import pytest

from plugdesk.api.charger_models import OcppLog
from plugdesk.cli.actions import log_line
from plugdesk.cli.main import main
from plugdesk.domain.actions import sanitize
from plugdesk.domain.paths import app_paths
from plugdesk.domain.store import Store
from tests.support.actions import pick


@pytest.fixture
def api(sim: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("PLUGDESK_TOKEN", sim.token)
    monkeypatch.setenv("PLUGDESK_API_URL", sim.base_url)
    sim.force_action_outcome("reply")
    return sim


def plugdesk(*args: str) -> int:
    return main([*args])


def history() -> list[Any]:
    with Store(app_paths().store_path()) as store:
        return store.list_actions()


def test_restart_accepted_exits_0_and_is_recorded(
    api: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    charger = pick(api)
    assert plugdesk("restart", charger.identity or "", "--yes") == 0
    assert capsys.readouterr().out.strip() == f"{charger.identity}: restart — Accepted"
    assert [(r.charger_uuid, r.action) for r in api.action_log] == [(charger.uuid, "restart")]
    (entry,) = history()
    assert (entry.action, entry.reply, entry.charger_uuid) == ("restart", "accepted", charger.uuid)
    assert entry.user_name.endswith("(command line)")


def test_lock_and_unlock_several_by_identity_and_uuid(
    api: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = pick(api), pick(api, skip=1)
    assert plugdesk("lock", one.identity or "", two.uuid, "--yes") == 0
    assert api.charger(one.uuid)["status"] == "Unavailable"
    assert api.charger(two.uuid)["status"] == "Unavailable"
    assert plugdesk("unlock", one.uuid, "-y") == 0
    assert api.charger(one.uuid)["status"] == "Available"
    assert [r.action for r in api.action_log] == ["settings/lock"] * 3
    assert capsys.readouterr().out.count("— Accepted") == 3


def test_start_stop_and_their_rejections(api: Any, capsys: pytest.CaptureFixture[str]) -> None:
    charger = pick(api)
    name = charger.identity or ""
    assert plugdesk("stop", name, "--yes") == 1  # nothing running: rejected
    assert plugdesk("start", name, "--id-tag", "CLI-TAG", "--connector", "9", "--yes") == 1
    assert plugdesk("start", name, "--id-tag", "CLI-TAG", "--connector", "1", "--yes") == 0
    api.advance(5)
    assert [tx["id_tag"] for tx in api.transactions_for(charger.uuid) if not tx["stopped_at"]] == [
        "CLI-TAG"
    ]
    assert plugdesk("stop", name, "--yes") == 0
    out = capsys.readouterr().out
    assert out.count("Rejected by the charger") == 2 and out.count("— Accepted") == 2
    assert [r.outcome for r in api.action_log] == ["rejected", "rejected", "accepted", "accepted"]


def test_limit_whole_charger_and_a_missing_connector(api: Any) -> None:
    charger = pick(api)
    assert plugdesk("limit", charger.uuid, "16", "--yes") == 0
    assert api.action_log[-1].body == {"connector_id": 0, "limit": 16.0, "stack_level": 1}
    assert plugdesk("limit", charger.uuid, "6", "--connector", "9", "--yes") == 1


@pytest.mark.parametrize("outcome", ["timeout_done", "timeout_lost"])
def test_no_answer_in_time_exits_2(
    api: Any, outcome: str, capsys: pytest.CaptureFixture[str]
) -> None:
    api.force_action_outcome(outcome)
    assert plugdesk("restart", pick(api).uuid, "--yes") == 2
    assert "did not answer in time — it may still happen" in capsys.readouterr().out
    assert len(api.action_log) == 1  # never retried
    assert history()[0].reply == "timeout"


def test_forbidden_unknown_and_no_token_exit_3(
    api: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert plugdesk("lock", pick(api, full=False).uuid, "--yes") == 3
    assert "not allowed (403)" in capsys.readouterr().err
    assert plugdesk("restart", "NO-SUCH-CHARGER", "--yes") == 3
    assert "No charger 'NO-SUCH-CHARGER'" in capsys.readouterr().err
    assert plugdesk("restart", "00000000-0000-4000-8000-000000000000", "--yes") == 3
    monkeypatch.delenv("PLUGDESK_TOKEN")
    assert plugdesk("restart", pick(api).uuid, "--yes") == 3
    assert "No API token" in capsys.readouterr().err
    assert [r.outcome for r in api.action_log] == ["forbidden"]


def test_the_worst_exit_code_of_several_chargers_wins(api: Any) -> None:
    assert plugdesk("lock", pick(api).uuid, pick(api, full=False).uuid, "--yes") == 3


@pytest.mark.parametrize(
    "args",
    [
        ["restart"],
        ["start", "X", "--yes"],  # no --id-tag
        ["limit", "X", "lots", "--yes"],
        ["limit", "X", "-1", "--yes"],
        ["start", "X", "--id-tag", "T", "--connector", "0", "--yes"],
        ["logs", "X", "--since", "yesterday"],
    ],
)
def test_usage_errors_exit_64(api: Any, args: list[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        plugdesk(*args)
    assert raised.value.code == 64
    assert api.action_log == []


def test_without_yes_and_no_terminal_it_refuses_and_sends_nothing(api: Any) -> None:
    charger = pick(api)
    env = {**os.environ, "PLUGDESK_TOKEN": api.token, "PLUGDESK_API_URL": api.base_url}
    for args in (
        ["restart", charger.uuid],
        ["lock", charger.uuid],
        ["unlock", charger.uuid],
        ["start", charger.uuid, "--id-tag", "T"],
        ["stop", charger.uuid],
        ["limit", charger.uuid, "10"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "plugdesk", *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 64, done.stderr
        assert "pass --yes to confirm (no terminal to ask on)" in done.stderr
    assert api.action_log == []
    assert [r for r in api.request_log if "/actions/" in r.path or "/settings/" in r.path] == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_it_asks_first(
    api: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    charger = pick(api)
    monkeypatch.setattr(sys, "stdin", _Terminal("n\n"))
    assert plugdesk("restart", charger.uuid) == 64
    err = capsys.readouterr().err
    assert f"Restart {charger.identity}?" in err and "No charging session is running" in err
    assert api.action_log == []
    monkeypatch.setattr(sys, "stdin", _Terminal("y\n"))
    assert plugdesk("restart", charger.uuid) == 0
    assert len(api.action_log) == 1


def test_logs_lines_and_json_with_filters(api: Any, capsys: pytest.CaptureFixture[str]) -> None:
    charger = pick(api)
    assert plugdesk("restart", charger.uuid, "--yes") == 0
    api.advance(90)
    capsys.readouterr()
    assert plugdesk("logs", charger.identity or "", "--method", "Reset", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {row["method"] for row in rows} == {"Reset"}
    assert rows[0]["params"] == {"type": "Soft"} and rows[0]["destination"] == "charger"
    since = api.now().date().isoformat()
    assert plugdesk("logs", charger.uuid, "--since", since, "--limit", "5") == 0
    lines = capsys.readouterr().out.splitlines()
    assert 1 <= len(lines) <= 5
    assert lines[0].split()[0] == since or lines[0][:4].isdigit()
    assert any("BootNotification" in line for line in lines)


def test_charger_text_is_sanitised_for_the_terminal() -> None:
    hostile = "Gate\u202e1\x1b[2J\x07\u2066x"
    assert sanitize(hostile) == "Gate1[2Jx"
    entry = OcppLog(method="Data\x1bTransfer", status="done", destination="centralsystem",
                    params={"info": "a\nb\u202ec"}, result={})  # fmt: skip
    line = log_line(entry)
    assert "\x1b" not in line and "\u202e" not in line and "\n" not in line
    assert "DataTransfer" in line
