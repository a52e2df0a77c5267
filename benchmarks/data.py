"""Where the public benchmark data lives, for every script in this folder.

$NEWSDIFF_BENCHMARKS, else the shared/benchmarks folder beside the repository (how a
checkout and CI see it). Also puts the repository first on the import path, so the
scripts run as `python benchmarks/NAME.py` without installing the project.
"""

import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCHMARKS = pathlib.Path(os.environ.get("NEWSDIFF_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
EXAMPLE = ROOT / "ingest" / "example"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
