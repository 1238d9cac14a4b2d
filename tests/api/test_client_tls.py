"""TLS settings of the client: the CA bundle is loaded for https APIs only. A loopback
http:// API never speaks TLS, and loading the bundle cost ~40 ms of start-up (issue 9)."""

from __future__ import annotations

import ssl

import httpx

from plugdesk.api.client import tls_verify


def test_https_apis_verify_with_the_ca_bundle() -> None:
    assert tls_verify(httpx.URL("https://app.plugchoice.com/api/v3/")) is True


def test_loopback_http_gets_a_context_that_trusts_nobody() -> None:
    context = tls_verify(httpx.URL("http://127.0.0.1:8080/api/v3/"))
    assert isinstance(context, ssl.SSLContext)
    # Should TLS ever be attempted with it, it fails closed: verification stays on and
    # there is no CA to trust.
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.cert_store_stats()["x509_ca"] == 0
