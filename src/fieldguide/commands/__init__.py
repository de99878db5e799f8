"""Subcommands of the `fieldguide` command line, one module each."""
