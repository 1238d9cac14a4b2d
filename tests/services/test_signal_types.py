"""Signals that carry lists and dicts declare them as `object`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from PySide6.QtCore import QMetaMethod, QObject

import plugdesk

# A `Signal(list)` turns every element into a QVariant and back on each emit: 27 ms for
# the fleet list at 50,000 chargers, on the UI thread.
CONVERTED = {"QVariantList", "QVariantMap", "QVariantHash"}


def _plugdesk_qobject_classes() -> list[type[QObject]]:
    classes: dict[str, type[QObject]] = {}
    for module_info in pkgutil.walk_packages(plugdesk.__path__, "plugdesk."):
        if module_info.name.startswith(("plugdesk.__main__", "plugdesk.packaging")):
            continue
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QObject) and value.__module__ == module.__name__:
                classes[f"{value.__module__}.{value.__qualname__}"] = value
    return list(classes.values())


def test_no_signal_converts_a_list_or_dict_element_by_element() -> None:
    classes = _plugdesk_qobject_classes()
    assert len(classes) > 20  # the walk found the app's objects
    converting = []
    for cls in classes:
        meta = cls.staticMetaObject
        for number in range(meta.methodOffset(), meta.methodCount()):
            method = meta.method(number)
            if method.methodType() != QMetaMethod.MethodType.Signal:
                continue
            types = {bytes(t).decode() for t in method.parameterTypes()}
            if types & CONVERTED:
                converting.append(f"{cls.__qualname__}.{bytes(method.name()).decode()}")
    assert converting == []
