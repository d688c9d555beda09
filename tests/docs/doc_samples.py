"""Find the ```python code samples of the documentation, and which of them need real keys.

A sample is a fenced block whose info string starts with `python` (indented fences, e.g. inside
content tabs, count too). A sample that cannot run against a simulator is marked in its fence with one
of the `NOT_RUNNABLE` titles, `python title="needs real keys"` (a real account) or
`python title="needs redis"` (a Redis server); those are the only samples the sample test skips, and
every other one must be a complete program.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NOT_RUNNABLE = ('title="needs real keys"', 'title="needs redis"')
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")


@dataclass(frozen=True)
class Sample:
    """One ```python block: where it is, its fence info string and its dedented source."""

    path: Path
    line: int
    info: str
    code: str

    @property
    def runnable(self) -> bool:
        return not any(marker in self.info for marker in NOT_RUNNABLE)

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT).as_posix()}:{self.line}"


def doc_files() -> list[Path]:
    """README.md and every Markdown page under docs/."""
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def samples_in(path: Path) -> list[Sample]:
    found: list[Sample] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        fence, indent, info = match["fence"], match["indent"], match["info"].strip()
        end = index + 1
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        if end == len(lines):
            raise ValueError(f"{path}:{index + 1}: unclosed code fence")
        if info.split(" ", 1)[0].lower() in ("python", "py"):
            body = [line[len(indent):] if line.startswith(indent) else line for line in lines[index + 1 : end]]
            found.append(Sample(path, index + 1, info, textwrap.dedent("\n".join(body)) + "\n"))
        index = end + 1
    return found


def all_samples() -> list[Sample]:
    return [sample for path in doc_files() for sample in samples_in(path)]
