"""Acting on chargers in the window: the Actions and Log tabs of the detail pane, the
confirmation dialog, and the wiring that joins them to the `ChargerActions` service."""
