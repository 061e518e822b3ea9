"""The ``kla`` command, one module per subcommand."""
