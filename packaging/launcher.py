"""Entry point PyInstaller freezes: the same ``facilitator`` command as the wheel installs."""

from facilitator.cli import main

raise SystemExit(main())
