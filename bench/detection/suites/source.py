"""Finding the fetched suites: bare git snapshots (as the `fetch` tool leaves them) or checkouts."""

import subprocess
from pathlib import Path


class Repo:
    """One fetched repository: a bare git directory (read at HEAD) or a plain checkout."""

    def __init__(self, path):
        self.path = Path(path)
        self.bare = (self.path / "HEAD").is_file() and (self.path / "objects").is_dir()
        if not self.bare and (self.path / ".git").exists():
            self.worktree = self.path
        else:
            self.worktree = None if self.bare else self.path

    def has(self, name):
        if self.bare:
            return (
                subprocess.run(
                    ["git", f"--git-dir={self.path}", "cat-file", "-e", f"HEAD:{name}"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                ).returncode
                == 0
            )
        return (self.worktree / name).is_file()

    def read(self, name):
        """The text of `name` at HEAD (bare) or on disk (checkout)."""
        if self.bare:
            out = subprocess.run(
                ["git", f"--git-dir={self.path}", "show", f"HEAD:{name}"],
                capture_output=True,
                check=False,
            )
            if out.returncode != 0:
                raise SystemExit(
                    f"{self.path}: cannot read {name} at HEAD: "
                    f"{out.stderr.decode(errors='replace').strip()}"
                )
            return out.stdout.decode("utf-8")
        return (self.worktree / name).read_text(encoding="utf-8")

    def commit(self):
        """The commit read (bare snapshots), for the report."""
        if not self.bare:
            return "checkout"
        out = subprocess.run(
            ["git", f"--git-dir={self.path}", "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
        )
        return out.stdout.strip() or "?"

    def __str__(self):
        return str(self.path)


def _candidates(path):
    """`path` itself if it is a repository, else the repositories up to two levels below it."""
    path = Path(path)
    if not path.exists():
        raise SystemExit(f"{path}: no such file or directory (give fetched repositories or their folder)")
    repo = Repo(path)
    if repo.bare or (path / ".git").exists():
        return [repo]
    found = []
    for child in sorted(path.iterdir()):
        if not child.is_dir():
            continue
        if Repo(child).bare or (child / ".git").exists():
            found.append(Repo(child))
            continue
        for grandchild in sorted(child.iterdir()) if child.is_dir() else []:
            r = Repo(grandchild) if grandchild.is_dir() else None
            if r and (r.bare or (grandchild / ".git").exists()):
                found.append(r)
    return found or [repo]


def locate(paths, marker_files):
    """Maps each suite name to the first repository holding its marker file.

    `marker_files` maps a suite name to a path inside its repository. Returns
    {name: Repo} for the suites found.
    """
    repos = [r for p in paths for r in _candidates(p)]
    found = {}
    for name, marker in marker_files.items():
        for repo in repos:
            if repo.has(marker):
                found[name] = repo
                break
    return found
