"""Fixtures for the simulator tests: simulators on loopback and HTTP clients for them.

Most tests freeze the simulated clock (`time_scale=0`) at a fixed start so that only
`advance` moves it and every run sees the same fleet."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from plugdesk.simulator import Simulator

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)

MakeSim = Callable[..., Simulator]
Connect = Callable[..., httpx.Client]


@pytest.fixture
def make_sim() -> Iterator[MakeSim]:
    """make_sim(**kwargs) -> a started Simulator (frozen clock at START unless told)."""
    made: list[Simulator] = []

    def make(**kwargs: Any) -> Simulator:
        kwargs.setdefault("time_scale", 0)
        kwargs.setdefault("start_time", START)
        simulator = Simulator(**kwargs).start()
        made.append(simulator)
        return simulator

    yield make
    for simulator in made:
        simulator.stop()
        assert simulator.server_errors == []


@pytest.fixture
def connect() -> Iterator[Connect]:
    """connect(sim, token=sim.token | None) -> an httpx.Client on the simulator's base URL."""
    clients: list[httpx.Client] = []

    def make(sim: Simulator, token: str | None = "", **kwargs: Any) -> httpx.Client:
        headers = {"Accept": "application/json"}
        token = sim.token if token == "" else token
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        client = httpx.Client(base_url=sim.base_url + "/", headers=headers, **kwargs)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def fleet(make_sim: MakeSim) -> Simulator:
    """The default 40-charger fleet, seed 7, frozen clock."""
    return make_sim()


@pytest.fixture
def api(fleet: Simulator, connect: Connect) -> httpx.Client:
    return connect(fleet)
