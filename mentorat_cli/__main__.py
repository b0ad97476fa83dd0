"""Allow `python -m mentorat_cli`."""

from mentorat_cli.cli import main

if __name__ == "__main__":
    main()
