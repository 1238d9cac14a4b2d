"""`python -m plugdesk` runs the same entry point as the `plugdesk` command."""

from plugdesk.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
