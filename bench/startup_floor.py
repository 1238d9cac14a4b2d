"""The start-up floor: a bare PySide6 script that shows an empty QMainWindow, paints it
and writes the time, exactly as the app's probe does (`plugdesk.ui.ready_hook`)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1440, 900)
    window.show()

    def report() -> None:
        window.repaint()
        Path(os.environ["PLUGDESK_BENCH_READY_FILE"]).write_text(f"{time.time():.6f}\n")
        app.quit()

    QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
