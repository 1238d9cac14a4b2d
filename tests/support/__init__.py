"""Shared test helpers: harnesses, fakes, row builders and the processes tests start.

Naming: a topic noun per module; a module run as a child process ends in `_proc`.
Left where they are (other work edits them): tests/api/helpers.py, tests/api/samples.py,
tests/simulator/conftest.py."""
