"""An API URL problem in the window's language (issue 18): the client's one URL check
says it as a Message; the settings dialog translates it, the command line keeps English."""

from __future__ import annotations

from typing import Any

import pytest

from plugdesk.api.client import check_api_url
from plugdesk.api.errors import InsecureURLError
from plugdesk.domain.settings import Settings, api_url_problem
from plugdesk.ui.settings_dialog import SettingsDialog

PLAIN_HTTP = "http://example.com/api/v3"


def test_the_settings_dialog_says_the_url_problem_in_dutch(qtbot: Any, dutch: None) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)

    dialog.api_url.setText(PLAIN_HTTP)

    assert "De API-URL moet https:// gebruiken voor example.com: gewoon http:// zou uw token" in (
        dialog.problems.text()
    )
    assert "must use" not in dialog.problems.text()


def test_the_url_problem_stays_english_outside_the_window(dutch: None) -> None:
    with pytest.raises(InsecureURLError) as raised:
        check_api_url(PLAIN_HTTP)
    english = (
        "The API URL must use https:// for example.com: plain http:// would send your "
        "token unencrypted (it is only allowed for this computer, e.g. the simulator)."
    )
    assert str(raised.value) == english
    assert api_url_problem(PLAIN_HTTP) == english
