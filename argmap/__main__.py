"""``python -m argmap``: the command line."""

from argmap.cli import main

if __name__ == "__main__":
    main()
