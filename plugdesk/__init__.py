"""PlugDesk: a desktop console for EV charging site managers."""

__version__ = "0.1.0"
