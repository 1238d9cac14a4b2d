"""Composition: early start-up, the desk (app, loop, services, window, wiring), alert
wiring, error reporting and the self-test."""
