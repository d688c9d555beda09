"""Maps `core/` to `venuekit.core` and `connectors/` to `venuekit.connectors`, subpackages included."""

from setuptools import find_packages, setup


def _packages(root: str, prefix: str) -> list[str]:
    return [prefix, *(f"{prefix}.{name}" for name in find_packages(root))]


setup(packages=_packages("core", "venuekit.core") + _packages("connectors", "venuekit.connectors"))
