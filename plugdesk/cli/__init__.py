"""The `plugdesk` command line: one module per subcommand, `common` for what they share.

The entry points are `plugdesk.cli.main:main` (console) and `plugdesk.cli.main:gui_main`."""
