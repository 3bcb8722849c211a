import sys

if sys.argv[1:] in (["--version"], ["-V"]):  # fast path: the command itself is not even imported
    from . import __version__

    print(f"mynumber-refs {__version__}")
    raise SystemExit(0)

from .cli import main  # noqa: E402

raise SystemExit(main())
