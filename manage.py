#!/usr/bin/env python
"""Django's command-line utility. DJANGO_ENV=production selects the production settings."""

import os
import sys


def main() -> None:
    env = os.environ.get("DJANGO_ENV", "dev")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"config.settings.{env}")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
