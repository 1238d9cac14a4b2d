"""`plugdesk watch`: watch the fleet in the foreground, without a window; one line per
incident on stdout, optional Prometheus metrics and webhooks. Parses and checks here; the
watch itself is composed in `plugdesk.app.watch`."""

from __future__ import annotations

import argparse
import ipaddress

from plugdesk.cli.common import (
    EXIT_USAGE,
    CliError,
    int_in_range,
    positive_float,
    require_token,
    resolve_api_url,
)

DEFAULT_METRICS_PORT = 9877


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    watch = sub.add_parser(
        "watch",
        parents=[common],
        help="watch the fleet in the foreground (server or user service); Ctrl+C stops it",
        description="Watch the fleet like the app does, without a window: one line per "
        "incident opened or resolved. SIGTERM/SIGINT stop it cleanly (exit 0).",
    )
    watch.add_argument(
        "--metrics",
        type=listen_address,
        metavar="HOST:PORT",
        help=f"serve Prometheus metrics there (e.g. 127.0.0.1:{DEFAULT_METRICS_PORT})",
    )
    watch.add_argument(
        "--webhook",
        action="append",
        default=[],
        metavar="URL",
        help="POST each incident opened/resolved there (repeatable; https, or http to this "
        "computer; FORMAT+URL picks a format per URL, e.g. slack+https://...)",
    )
    watch.add_argument(
        "--webhook-format",
        choices=("json", "slack", "teams"),
        default="json",
        help="body of --webhook URLs without a FORMAT+ prefix (default json)",
    )
    # Tests and demos: the watch's clock and pace run this many times faster (pair it
    # with `plugdesk sim --time-scale`); webhook retries wait this long at first.
    watch.add_argument("--time-scale", type=positive_float, default=1.0, help=argparse.SUPPRESS)
    watch.add_argument("--retry-base", type=positive_float, default=None, help=argparse.SUPPRESS)


def listen_address(text: str) -> tuple[str, int]:
    """HOST:PORT (or [v6]:PORT, or PORT alone for 127.0.0.1)."""
    host, colon, port = text.rpartition(":")
    if not colon:
        host, port = "127.0.0.1", text
    host = host.strip("[]") or "127.0.0.1"
    number = int_in_range(port, 1, 65535, "the metrics port")
    if host != "localhost":
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{host!r} is not an IP address") from None
    return host, number


def cmd_watch(args: argparse.Namespace) -> int:
    from plugdesk.services.webhooks import WebhookError, parse_webhook

    api_url = resolve_api_url(args)
    try:
        webhooks = [parse_webhook(url, args.webhook_format) for url in args.webhook]
    except WebhookError as error:
        raise CliError(f"--webhook: {error}", EXIT_USAGE) from None
    token = require_token(api_url)

    from plugdesk.app.watch import RETRY_BASE, WatchFailed, WatchOptions, run_watch
    from plugdesk.domain.watch_lock import WatchRunning

    options = WatchOptions(
        api_url,
        token,
        webhooks=webhooks,
        metrics=args.metrics,
        time_scale=args.time_scale,
        retry_base=args.retry_base or RETRY_BASE,
    )
    try:
        return run_watch(options)
    except (WatchRunning, WatchFailed) as error:
        raise CliError(str(error)) from None
