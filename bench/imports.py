"""Import time and resident memory, each in a fresh interpreter (subprocess), median of several runs."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .common import FAKE_KEY, FAKE_SECRET, Row, Sizes

SECTION = "import & memory"

_PROBE = """
import json, time
from pathlib import Path
def rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0
base = rss()
t0 = time.perf_counter()
{imports}
t1 = time.perf_counter()
after_import = rss()
{clients}
print(json.dumps({{"import_s": t1 - t0, "base_kib": base, "import_kib": after_import, "clients_kib": rss()}}))
"""

# What users write: the package imports lazily, so `import venuekit.connectors.x` alone would measure nothing.
VENUEKIT_ONE = "from venuekit.connectors.binance_usdm import BinanceUSDM, BinanceUSDMClient"
VENUEKIT_ALL = ("from venuekit.connectors.binance_usdm import BinanceUSDM, BinanceUSDMClient\n"
                "from venuekit.connectors.bingx import BingX, BingXClient\n"
                "from venuekit.connectors.gate_crossex import GateCrossEx, GateCrossExClient")
CCXT = "import ccxt.async_support"

VENUEKIT_CLIENTS = f"""
from venuekit.core.credentials import Credentials
from venuekit.connectors.binance_usdm import BinanceUSDMClient
from venuekit.connectors.bingx import BingXClient
from venuekit.connectors.gate_crossex import GateCrossExClient
creds = Credentials.of("{FAKE_KEY}", "{FAKE_SECRET}")
clients = [BinanceUSDMClient(creds), BingXClient(creds), GateCrossExClient(creds)]
"""
CCXT_CLIENTS = f"""
import ccxt.async_support as ccxt
config = {{"apiKey": "{FAKE_KEY}", "secret": "{FAKE_SECRET}", "enableRateLimit": False}}
clients = [ccxt.binanceusdm(dict(config)), ccxt.bingx(dict(config)), ccxt.gate(dict(config))]
"""


def _env() -> dict[str, str]:
    """Bytecode caching on, as in an installed package: `PYTHONDONTWRITEBYTECODE` would make every measured run
    compile venuekit from source while ccxt loads its installed `.pyc`. The cache goes outside the source tree."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "venuekit-bench-pycache"))
    return env


def probe(imports: str, clients: str = "", runs: int = 5) -> dict[str, float]:
    """Median of `runs` fresh interpreters (after one unmeasured run that leaves the bytecode cached)."""
    code = _PROBE.format(imports=imports, clients=clients)
    env = _env()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=120, env=env)
    samples: list[dict[str, float]] = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=120,
                             env=env)
        samples.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


def run(sizes: Sizes) -> list[Row]:
    runs = sizes.import_runs if sizes.quick else max(sizes.import_runs, 5)
    bare = probe("pass", runs=runs)
    one = probe(VENUEKIT_ONE, runs=runs)
    every = probe(VENUEKIT_ALL, VENUEKIT_CLIENTS, runs=runs)
    theirs = probe(CCXT, CCXT_CLIENTS, runs=runs)
    base = bare["import_kib"]
    extra = {"bare_python_rss_kib": base}

    def mib(kib: float) -> float:
        return kib / 1024

    return [
        Row(SECTION, "import time, BinanceUSDM + client vs ccxt.async_support", one["import_s"] * 1000,
            theirs["import_s"] * 1000, "ms", limit=0.25),
        Row(SECTION, "import time, all three unified + raw classes vs ccxt.async_support", every["import_s"] * 1000,
            theirs["import_s"] * 1000, "ms", limit=0.25),
        Row(SECTION, "RSS added by import, binance_usdm", mib(one["import_kib"] - base),
            mib(theirs["import_kib"] - base), "MiB", limit=0.4, note="over bare Python", extra=extra),
        Row(SECTION, "RSS added by import, all three venues", mib(every["import_kib"] - base),
            mib(theirs["import_kib"] - base), "MiB", limit=0.4, note="over bare Python", extra=extra),
        Row(SECTION, "RSS after import, all three venues (absolute)", mib(every["import_kib"]),
            mib(theirs["import_kib"]), "MiB", limit=0.4, extra=extra),
        Row(SECTION, "RSS after one client per venue (absolute)", mib(every["clients_kib"]),
            mib(theirs["clients_kib"]), "MiB", limit=0.4, extra=extra),
        Row(SECTION, "bare Python RSS (baseline)", mib(base), None, "MiB", against="-"),
    ]
