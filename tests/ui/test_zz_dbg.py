from tests.ui.test_fault_wiring import *
def test_dbg(frozen_sim, qtbot, run):
    desk, parts = wired(frozen_sim, qtbot)
    got=[]
    parts.notifier.delivered.connect(lambda a,c: got.append((a.title,c)))
    parts.service.alerts.connect(lambda al: got.append(("alerts", len(al))))
    parts.notifier.undelivered.connect(lambda a: got.append(("undelivered", a.title)))
    run(desk.harness.refresh())
    import asyncio
    run(asyncio.sleep(1))
    print(got, desk.harness.errors)
    run(close(desk, parts))
