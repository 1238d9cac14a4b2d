"""Sites in the window: the charger list's site filter and the Sites overview."""
