"""Public charging sessions: look up a charger, start a session, follow it to the end.

`PublicSessionService` owns every public session PlugDesk follows (several at once):

- the session token is the only credential of a public session, so it lives in the OS
  keyring (`CredentialStore` secret "public-session:<n>") while the session is active,
  and nowhere else: not in a file, a log line, a signal or an error message. Tracking
  resumes from the keyring after a restart (`resume_saved()`), and the secret is deleted
  when the session ends. The UI only ever sees keys ("public-session:3") and masked
  tokens ("abcd…");
- starting is never retried (a repeat could put a second hold on a driver's card) and
  only one start can be in flight;
- polling follows `PollPacer`: one GET at a time for all sessions together, under the
  API's 30 a minute per IP, slower while idle statuses repeat, paused on 429;
- the Stripe payment context passes through untouched; nothing here logs or shows it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from plugdesk.api.errors import (
    BadRequestError,
    ConflictError,
    GatewayTimeoutError,
    NetworkError,
    NotFoundError,
    PlugchoiceError,
    RateLimitedError,
    ServerError,
    ValidationError,
    mask,
)
from plugdesk.api.models import PublicCharger, SessionState, StartedSession
from plugdesk.domain.credentials import CredentialStore
from plugdesk.domain.poll_pacing import PaceSettings, PollPacer
from plugdesk.domain.public_input import (
    InputError,
    validate_connector,
    validate_email,
    validate_public_code,
    validate_session_token,
)
from plugdesk.tasks import KEYRING, TaskRunner, run_blocking

log = logging.getLogger(__name__)

SECRET_PREFIX = "public-session:"
LOOKUP_TASK = "public-lookup"
START_TASK = "public-start"
POLL_TASK = "public-poll"

Clock = Callable[[], float]
T = TypeVar("T")


class PublicChargingClient(Protocol):
    """The part of `PlugchoiceClient` this service uses (tests may pass a stand-in)."""

    async def get_public_charger(self, code: str) -> PublicCharger: ...
    async def start_public_session(
        self, code: str, connector_id: int, email: str | None = None
    ) -> StartedSession: ...
    async def get_public_session(self, token: str) -> SessionState: ...
    async def confirm_public_session(self, token: str) -> SessionState: ...
    async def stop_public_session(self, token: str) -> SessionState: ...
    async def cancel_public_session(self, token: str) -> SessionState: ...


@dataclass
class TrackedSession:
    """What the UI may know about one followed session. Deliberately holds no token."""

    key: str
    masked_token: str
    state: SessionState | None = None
    ended: bool = False
    error: str | None = None  # the latest problem, cleared by the next good answer
    updated_at: datetime | None = None  # wall clock of the latest good answer
    action: str | None = None  # "confirm" | "stop" | "cancel" while one is in flight

    @property
    def status(self) -> str | None:
        return self.state.data.status if self.state is not None else None


@dataclass
class _Entry:
    info: TrackedSession
    token: str = field(repr=False)
    changes: int = 0  # bumped by every action answer; a poll answer older than it is dropped
    ending: bool = False  # terminal: the token is being deleted


class PublicSessionService(QObject):
    """Looks up public chargers, starts sessions and follows them; the UI listens."""

    lookup_done = Signal(object)  # PublicCharger
    lookup_failed = Signal(str)  # a sentence
    lookup_busy_changed = Signal(bool)
    start_busy_changed = Signal(bool)
    start_failed = Signal(str)  # a sentence (with field errors, or when to try again)
    session_added = Signal(str)  # key: a new session is followed (started, pasted, resumed)
    session_updated = Signal(str, object)  # key, SessionState
    session_error = Signal(str, str)  # key, a sentence (poll trouble or a refused action)
    session_ended = Signal(str)  # key: terminal status or gone; no longer polled
    session_removed = Signal(str)  # key: forgotten by the user
    action_busy_changed = Signal(str, bool)  # key, busy
    track_failed = Signal(str)  # "Track existing session" could not start following
    pace_changed = Signal()  # the poll pace changed (429 slow-down or recovery)

    def __init__(
        self,
        client: PublicChargingClient,
        credentials: CredentialStore,
        runner: TaskRunner | None = None,
        *,
        pace: PaceSettings | None = None,
        poll_interval: float | None = None,
        clock: Clock = time.monotonic,
        register_secret: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._credentials = credentials
        self._runner = runner or TaskRunner()
        settings = pace or PaceSettings()
        if poll_interval is not None:
            settings = replace(settings, interval=poll_interval)
        self._pacer = PollPacer(settings)
        self._last_backoff = self._pacer.backoff
        self._clock = clock
        self._register_secret = register_secret
        self._entries: dict[str, _Entry] = {}
        self._next_number = 1
        self._starting = False
        self._keyring_lock = asyncio.Lock()
        self._keyring_jobs: set[asyncio.Future[None]] = set()
        self._wake = asyncio.Event()
        self._closed = False

    # -- what the UI reads ---------------------------------------------------------------------

    @property
    def start_in_flight(self) -> bool:
        return self._starting

    @property
    def pace(self) -> PaceSettings:
        return self._pacer.settings

    @property
    def backoff(self) -> float:
        """1.0 at the normal pace; larger after the API said 429 (see PollPacer)."""
        return self._pacer.backoff

    def sessions(self) -> list[TrackedSession]:
        return [entry.info for entry in self._entries.values()]

    def session(self, key: str) -> TrackedSession | None:
        entry = self._entries.get(key)
        return entry.info if entry is not None else None

    def is_polling(self, key: str) -> bool:
        return key in self._pacer

    def poll_interval(self, key: str) -> float | None:
        """Seconds between polls of this session at the current pace (None: not polled)."""
        return self._pacer.interval_for(key)

    def seconds_until_poll(self, key: str) -> float | None:
        due = self._pacer.due_at(key)
        if due is None or math.isinf(due):
            return None
        return max(0.0, max(due, self._pacer.paused_until) - self._clock())

    # -- look-up -------------------------------------------------------------------------------

    def lookup(self, code: str) -> bool:
        """Look a public code up in the background (a newer look-up replaces an older)."""
        try:
            checked = validate_public_code(code)
        except InputError as error:
            self.lookup_failed.emit(str(error))
            return False
        self._runner.start(self._lookup(checked), LOOKUP_TASK)
        return True

    async def _lookup(self, code: str) -> None:
        self.lookup_busy_changed.emit(True)
        try:
            charger = await self._client.get_public_charger(code)
        except PlugchoiceError as error:
            self.lookup_failed.emit(lookup_failure_message(error, code))
            return
        finally:
            self.lookup_busy_changed.emit(False)
        self.lookup_done.emit(charger)

    # -- start ---------------------------------------------------------------------------------

    def start(self, code: str, connector: int | str | None, email: str | None = None) -> bool:
        """Start a session (never retried). False when refused locally or one is in flight."""
        if self._starting:
            return False
        try:
            checked_code = validate_public_code(code)
            checked_connector = validate_connector(connector)
            checked_email = validate_email(email)
        except InputError as error:
            self.start_failed.emit(str(error))
            return False
        self._set_starting(True)
        self._runner.start(
            self._start(checked_code, checked_connector, checked_email), START_TASK, replace=False
        )
        return True

    def _set_starting(self, busy: bool) -> None:
        self._starting = busy
        self.start_busy_changed.emit(busy)

    async def _start(self, code: str, connector: int, email: str | None) -> None:
        # "Busy" lasts until the new session is followed, so no second start slips in.
        try:
            try:
                started = await self._client.start_public_session(code, connector, email)
            except (PlugchoiceError, ValueError) as error:
                log.info("public session start on %s refused: %s", code, type(error).__name__)
                self.start_failed.emit(start_failure_message(error, code, connector))
                return
            key = await self._remember(started.session_token)
            state = SessionState(data=started.data, payment=started.payment)
            self._add(key, started.session_token, state)
        finally:
            self._set_starting(False)

    # -- follow: pasted tokens and the keyring -------------------------------------------------

    def track_existing(self, token: str) -> str | None:
        """Follow a session from its pasted token. Returns its key, or None if refused."""
        try:
            checked = validate_session_token(token)
        except InputError as error:
            self.track_failed.emit(str(error))
            return None
        for key, entry in self._entries.items():
            if entry.token == checked and not entry.ending:
                self.track_failed.emit(f"Session {mask(checked)} is already followed.")
                return key
        key = self._new_key()
        self._add(key, checked, None)
        self._runner.start(self._store_secret(key, checked))
        return key

    def set_client(self, client: PublicChargingClient) -> None:
        """Use another API client (the user switched API URL); tracked sessions carry on."""
        self._client = client

    async def resume_saved(self) -> list[str]:
        """Follow again every session whose token the keyring holds (after a restart)."""
        async with self._keyring_lock:
            names = await self._in_keyring_thread(self._credentials.list_names, SECRET_PREFIX)
            found = []
            for name in names:
                token = await self._in_keyring_thread(self._credentials.get_secret, name)
                found.append((name, token))
        keys = []
        for name, token in found:
            if name in self._entries:
                continue
            if not token:
                await self._forget_secret(name)  # an index entry without its secret
                continue
            self._bump_number(name)
            self._add(name, token, None)
            keys.append(name)
        return keys

    def _add(self, key: str, token: str, state: SessionState | None) -> None:
        if self._register_secret is not None:
            self._register_secret(token)  # so the app's log redactor knows it
        info = TrackedSession(key=key, masked_token=mask(token), state=state)
        self._entries[key] = _Entry(info=info, token=token)
        self.session_added.emit(key)
        if state is not None:
            self._apply(key, state)
        if state is None or not state.data.is_terminal:
            now = self._clock()
            # A fresh start already brought the state: first poll after one interval.
            self._pacer.add(key, now, delay=self._pacer.settings.interval if state else 0.0)
            self._ensure_polling()

    # -- actions -------------------------------------------------------------------------------

    def confirm(self, key: str) -> bool:
        """Confirm the card hold (the driver's side, in a browser, in real life)."""
        return self._action(key, "confirm")

    def stop(self, key: str) -> bool:
        return self._action(key, "stop")

    def cancel(self, key: str) -> bool:
        return self._action(key, "cancel")

    def _action(self, key: str, action: str) -> bool:
        entry = self._entries.get(key)
        if entry is None or entry.ending or entry.info.action is not None:
            return False
        refusal = _local_refusal(action, entry.info.state)
        if refusal is not None:
            self.session_error.emit(key, refusal)
            return False
        entry.info.action = action
        self.action_busy_changed.emit(key, True)
        self._runner.start(self._act(key, entry, action), f"public-{action}:{key}", replace=False)
        return True

    async def _act(self, key: str, entry: _Entry, action: str) -> None:
        call = {
            "confirm": self._client.confirm_public_session,
            "stop": self._client.stop_public_session,
            "cancel": self._client.cancel_public_session,
        }[action]
        try:
            state = await call(entry.token)
        except NotFoundError:
            await self._end(key, GONE_MESSAGE)
            return
        except PlugchoiceError as error:
            log.info("public session %s: %s refused (%s)", key, action, error.status)
            entry.info.error = action_failure_message(action, error)
            self.session_error.emit(key, entry.info.error)
            self._pacer.poke(key, self._clock())  # see what the session did instead
            self._wake.set()
            return
        finally:
            entry.info.action = None
            self.action_busy_changed.emit(key, False)
        entry.changes += 1
        self._pacer.poke(key, self._clock())
        self._apply(key, state)
        self._wake.set()

    def forget(self, key: str) -> bool:
        """Drop an ended session from the list (an active one must end first)."""
        entry = self._entries.get(key)
        if entry is None or not entry.info.ended:
            return False
        del self._entries[key]
        self.session_removed.emit(key)
        return True

    # -- polling -------------------------------------------------------------------------------

    def _ensure_polling(self) -> None:
        self._wake.set()
        if not self._closed and not self._runner.is_running(POLL_TASK):
            self._runner.start(self._poll_loop(), POLL_TASK, replace=False)

    async def _poll_loop(self) -> None:
        """One GET at a time for every session, at the pacer's pace, until none is left."""
        while not self._closed:
            self._wake.clear()
            upcoming = self._pacer.next_poll(self._clock())
            self._check_pace()
            if upcoming is None:
                return  # nothing to follow; `_ensure_polling` starts a new loop when needed
            key, at = upcoming
            delay = at - self._clock()
            if delay > 0:
                await self._sleep_or_wake(delay)
                continue
            await self._poll(key)

    async def _sleep_or_wake(self, delay: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), delay)

    async def _poll(self, key: str) -> None:
        entry = self._entries.get(key)
        if entry is None or entry.ending:
            self._pacer.remove(key)
            return
        changes = entry.changes
        self._pacer.note_sent(key, self._clock())
        try:
            state = await self._client.get_public_session(entry.token)
        except NotFoundError:
            await self._end(key, GONE_MESSAGE)
            return
        except RateLimitedError as error:
            wait = self._pacer.note_rate_limited(key, error.retry_after, self._clock())
            log.info("public session polling rate limited; pausing %.1f s", wait)
            self._report(key, f"Plugchoice asked PlugDesk to slow down (429). Checking again "
                         f"in {_seconds(wait)}, then at a slower pace for a while.")
            self._check_pace()
            return
        except PlugchoiceError as error:
            wait = self._pacer.note_failure(key, self._clock())
            self._report(key, f"{error} Checking again in {_seconds(wait)}.")
            return
        except Exception as error:  # a bug must not stop polling for every session
            log.error("polling public session %s failed: %s", key, type(error).__name__)
            wait = self._pacer.note_failure(key, self._clock())
            self._report(key, f"Unexpected problem ({type(error).__name__}). Checking again "
                         f"in {_seconds(wait)}.")
            return
        if key not in self._entries:
            return  # forgotten while the answer was on its way
        if entry.changes != changes:
            # An action answered while this GET was out; its state is newer than ours.
            self._pacer.poke(key, self._clock())
            return
        self._pacer.note_status(key, state.data.status, self._clock())
        self._check_pace()
        self._apply(key, state)

    def _check_pace(self) -> None:
        if self._pacer.backoff != self._last_backoff:
            self._last_backoff = self._pacer.backoff
            self.pace_changed.emit()

    def _report(self, key: str, message: str) -> None:
        entry = self._entries.get(key)
        if entry is not None:
            entry.info.error = message
        self.session_error.emit(key, message)

    def _apply(self, key: str, state: SessionState) -> None:
        entry = self._entries.get(key)
        if entry is None:
            return
        entry.info.state = state
        entry.info.error = None
        entry.info.updated_at = datetime.now(UTC)
        self.session_updated.emit(key, state)
        if state.data.is_terminal:
            self._pacer.remove(key)  # at once, so no further GET goes out for it
            self._runner.start(self._end(key, None))

    async def _end(self, key: str, message: str | None) -> None:
        """Terminal status (or gone): stop polling, delete the token, then say so."""
        self._pacer.remove(key)
        entry = self._entries.get(key)
        if entry is None or entry.ending:
            return
        entry.ending = True
        # Shielded (and awaited by aclose): quitting now must not leave a dead token behind.
        forget = asyncio.ensure_future(self._forget_secret(key))
        self._keyring_jobs.add(forget)
        forget.add_done_callback(self._keyring_jobs.discard)
        await asyncio.shield(forget)
        entry.token = ""  # nothing left to do with it
        entry.info.ended = True
        if message is not None:
            entry.info.error = message
            self.session_error.emit(key, message)
        log.info("public session %s ended (%s)", key, entry.info.status or "unknown")
        self.session_ended.emit(key)

    # -- keyring -------------------------------------------------------------------------------

    async def _in_keyring_thread(self, function: Callable[..., T], *args: Any) -> T:
        return await run_blocking(function, *args, lane=KEYRING)

    def _new_key(self) -> str:
        key = f"{SECRET_PREFIX}{self._next_number}"
        self._next_number += 1
        while key in self._entries:
            key = f"{SECRET_PREFIX}{self._next_number}"
            self._next_number += 1
        return key

    def _bump_number(self, name: str) -> None:
        suffix = name.removeprefix(SECRET_PREFIX)
        if suffix.isdigit():
            self._next_number = max(self._next_number, int(suffix) + 1)

    async def _remember(self, token: str) -> str:
        """A key for a new session, its token stored under it."""
        async with self._keyring_lock:
            names = await self._in_keyring_thread(self._credentials.list_names, SECRET_PREFIX)
        for name in names:
            self._bump_number(name)
        key = self._new_key()
        await self._store_secret(key, token)
        return key

    async def _store_secret(self, key: str, token: str) -> None:
        async with self._keyring_lock:
            await self._in_keyring_thread(self._credentials.set_secret, key, token)

    async def _forget_secret(self, key: str) -> None:
        async with self._keyring_lock:
            await self._in_keyring_thread(self._credentials.delete_secret, key)

    # -- shutdown ------------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Stop polling (tokens stay in the keyring so the next start resumes)."""
        self._closed = True
        self._wake.set()
        await self._runner.cancel_all()
        if self._keyring_jobs:
            await asyncio.gather(*self._keyring_jobs, return_exceptions=True)


# -- messages ----------------------------------------------------------------------------------

GONE_MESSAGE = (
    "Plugchoice no longer knows this session (404): the token is wrong or the session has "
    "expired. PlugDesk has stopped following it."
)


def _seconds(value: float) -> str:
    whole = max(1, math.ceil(value))
    if whole < 120:
        return f"{whole} s"
    return f"{math.ceil(whole / 60)} min"


def _try_again(retry_after: float | None, now: datetime | None = None) -> str:
    """ "Try again in 42 s (at 14:05:10)." in local time; a minute when the API did not say."""
    if retry_after is None:
        return "Try again in a minute."
    moment = (now or datetime.now(UTC)) + timedelta(seconds=math.ceil(retry_after))
    clock = moment.astimezone().strftime("%H:%M:%S")
    return f"Try again in {_seconds(retry_after)} (at {clock})."


def _field_errors(error: ValidationError) -> str:
    return "; ".join(f"{name}: {' '.join(texts)}" for name, texts in error.field_errors.items())


def lookup_failure_message(error: PlugchoiceError, code: str) -> str:
    if isinstance(error, NotFoundError):
        return (
            f"No charger with public code {code} offers public charging: the code is unknown "
            "or public charging is switched off for that charger."
        )
    if isinstance(error, RateLimitedError):
        return f"Too many look-ups (the API allows 30 a minute). {_try_again(error.retry_after)}"
    return str(error)


def start_failure_message(error: Exception, code: str, connector: int) -> str:
    """One clear sentence per documented refusal of POST /public-charging/sessions."""
    if isinstance(error, NotFoundError):
        return (
            f"Not started: no charger with public code {code} offers public charging (404). "
            "Check the code, or whether public charging is switched on for the charger."
        )
    if isinstance(error, BadRequestError):
        return (
            f"Not started: charger {code} is offline (400). A session can start once the "
            "charger is back online."
        )
    if isinstance(error, ValidationError):
        fields = _field_errors(error)
        detail = f" The API said — {fields}." if fields else ""
        return f"Not started: connector {connector} is not known on charger {code} (422).{detail}"
    if isinstance(error, ConflictError):
        return (
            f"Not started: connector {connector} is not available right now (409): it may be "
            "in use, reserved or faulted. Pick another connector or try later."
        )
    if isinstance(error, RateLimitedError):
        return (
            "Not started: too many sessions were started recently (429). Plugchoice allows 3 "
            "starts a minute from this address and a limited number per charger each hour. "
            + _try_again(error.retry_after)
        )
    if isinstance(error, GatewayTimeoutError | ServerError | NetworkError):
        # POSTs are never retried: the server may have created the session anyway.
        return (
            f"The start request got no clear answer ({error}) A session may have started "
            "anyway: check the charger before starting again."
        )
    return f"Not started: {error}"


def action_failure_message(action: str, error: PlugchoiceError) -> str:
    if action == "stop" and isinstance(error, BadRequestError):
        return (
            "The charger refused to stop or is offline (400). The session goes on; try again "
            "in a moment, or stop it at the charger (unplugging the car ends it too)."
        )
    if action == "cancel" and isinstance(error, ConflictError):
        return (
            "This session can no longer be cancelled (409): charging has begun or it has "
            "already ended. Use Stop while it charges."
        )
    if action == "confirm" and isinstance(error, ConflictError):
        return (
            "The card hold cannot be confirmed now (409): the session has moved on. PlugDesk "
            "is checking its status."
        )
    if isinstance(error, RateLimitedError):
        return (
            f"Too many session actions (the API allows 10 a minute). "
            f"{_try_again(error.retry_after)}"
        )
    if isinstance(error, GatewayTimeoutError):
        return f"{error} PlugDesk keeps checking the session."
    verb = {"confirm": "Confirm", "stop": "Stop", "cancel": "Cancel"}.get(action, action)
    return f"{verb} failed: {error}"


def _local_refusal(action: str, state: SessionState | None) -> str | None:
    """Refuse actions the known status cannot take (the buttons are disabled, but a status
    can change under a click). Unknown status: let the API decide."""
    if state is None:
        return None
    data = state.data
    if action == "confirm" and not data.needs_payment:
        return "Only a session waiting for its card hold (created) can be confirmed."
    if action == "stop" and not data.can_stop:
        return f"A session that is {data.status} cannot be stopped; only starting or charging."
    if action == "cancel" and not data.can_cancel:
        return (
            f"A session that is {data.status} cannot be cancelled; only before charging "
            "starts (created or authorized)."
        )
    return None

