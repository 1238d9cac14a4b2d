"""Toasts show a charger's words as typed: a name that looks like HTML is not markup."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from plugdesk.domain.incidents import Alert
from plugdesk.services.notifier import Note
from plugdesk.ui.toast import Toast, full_height

LOOKS_LIKE_HTML = Alert(
    kind="opened",
    incident_ids=(1,),
    title="<b>Gate</b> & Co faulted",
    body="<i>GroundFailure</i> at <a href='x'>Gate</a>",
    urgency="critical",
    charger_uuid="uuid-gate",
    incident_kind="fault",
    suppressed_by="<s>Quiet</s> hours",
)


def test_toast_labels_show_server_text_as_plain_text(qtbot: Any) -> None:
    for quiet in (False, True):
        toast = Toast(Note(LOOKS_LIKE_HTML, open=lambda: None, detail="<u>PC-1</u>"),
                      quiet=quiet)  # fmt: skip
        qtbot.addWidget(toast)
        for label in (toast.title_label, toast.body_label):
            assert label.textFormat() is Qt.TextFormat.PlainText
        assert toast.title_label.text().startswith("<b>Gate</b> & Co faulted")
        body = "<i>GroundFailure</i> at <a href='x'>Gate</a>\n<u>PC-1</u>"
        assert toast.body_label.text() == body
    assert toast.title_label.text().endswith("<s>Quiet</s> hours, not shown as a pop-up")


def test_the_stripe_tells_how_serious_it_is_on_the_tool_tip_background(qtbot: Any) -> None:
    """A style-sheet border-left alone draws nothing in Qt: the stripe must really show."""
    for quiet, colour in ((False, "#c62828"), (True, "#8a8a8a")):
        toast = Toast(Note(LOOKS_LIKE_HTML, open=lambda: None), quiet=quiet)
        qtbot.addWidget(toast)
        toast.resize(360, full_height(toast))
        toast.show()
        image = toast.grab().toImage()
        middle = image.height() // 2
        assert image.pixelColor(2, middle).name() == colour
        background = toast.palette().color(toast.palette().ColorRole.ToolTipBase).name()
        assert image.pixelColor(image.width() // 2, 3).name() == background
