"""Render a document template to Markdown or to a standalone HTML page.

Templates are Markdown with Jinja2 (`<name>.<lang>.md.j2`, or `<name>.md.j2`
for every language). Lookup: the programme's `templates/` folder first,
then the built-ins. Rendering is sandboxed and strict: a field the data
does not have stops the rendering with the template's file and line.
For HTML, every value is escaped both for HTML and for Markdown, so a
name such as `<script>` or `*bold*` prints as typed; in Markdown, values
cannot open raw HTML (`<` becomes `&lt;`).
"""

from __future__ import annotations

import difflib
import html
import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
from jinja2 import BaseLoader, Environment, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from mentorat_cli.core import labels
from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import BadInput, MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.safetext import markdown_value
from mentorat_cli.load import resources
from mentorat_cli.render import wording

SUFFIX = ".md.j2"
PAGE = "page.html.j2"
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
# Characters that HTML or Markdown would interpret, written as numeric entities.
_HTML_MD = {ord(c): f"&#{ord(c)};" for c in "&<>\"'*_`[]\\#|~"}
_HTML_MD[ord("\n")] = " "
_MD_ONLY = {ord(c): f"&#{ord(c)};" for c in "*_`[]\\|~"}
_TOKEN = "Qmtv{}vtmQ"  # letters and digits only: Markdown leaves them alone
_TOKEN_RE = re.compile(r"Qmtv(\d+)vtmQ")
_CACHE_SIZE = 256
# "Page 2 sur 3" in a printed page's bottom margin (CSS generated content).
_PAGE_OF = {"fr": '"Page " counter(page) " sur " counter(pages)', "en": '"Page " counter(page) " of " counter(pages)'}
_FIELD_RES = (re.compile(r"'([^']+)' is undefined"), re.compile(r"has no attribute '([^']+)'"), re.compile(r"no element '?([^']+)'?"))


def builtin_dir() -> Path:
    """Where the built-in document templates are."""
    return resources.data_dir("templates") / "documents"


def _escape_html_md(value: Any) -> str:
    if isinstance(value, Markup):
        return str(value).translate(_MD_ONLY)
    return ("" if value is None else str(value)).translate(_HTML_MD)


class _Loader(BaseLoader):
    """Loads `name` from the first folder that has it; refuses links and odd names."""

    def __init__(self, folders: list[tuple[Path, str]]) -> None:
        self.folders = folders  # (folder, how to show it in messages)

    def locate(self, name: str) -> tuple[Path, str] | None:
        if not NAME_RE.match(name):
            return None
        for folder, shown in self.folders:
            path = folder / name
            if path.is_symlink():
                # Followed, a link would print any file the coordinator can read into a document.
                raise _bad("template-symlink", f"{shown}/{name}", path=f"{shown}/{name}")
            if path.is_file():
                return path, f"{shown}/{name}"
        return None

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        found = self.locate(template)
        if found is None:
            raise TemplateNotFound(template)
        path, shown = found
        try:
            source = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            raise _bad("doc-template-unreadable", shown) from None
        return source, shown, lambda: True


class Renderer:
    """Renders the templates of one programme (compiled once, reused for every pair)."""

    def __init__(self, root: Path | None, builtin: Path | None = None) -> None:
        if root is not None and (root / "templates").is_symlink():
            raise _bad("template-symlink", "templates", path="templates")
        folders = [(root / "templates", "templates")] if root is not None and (root / "templates").is_dir() else []
        folders.append((builtin or builtin_dir(), "built-in"))  # e.g. templates/mail for e-mail drafts
        self.loader = _Loader(folders)
        common: dict[str, Any] = {
            "loader": self.loader,
            "undefined": StrictUndefined,
            "auto_reload": False,
            "keep_trailing_newline": True,
            "trim_blocks": True,
            "lstrip_blocks": True,
        }
        # Markdown: values keep their Markdown meaning but can never open raw HTML (see safetext).
        self.md_env = SandboxedEnvironment(autoescape=False, finalize=markdown_value, **common)
        self.html_env = SandboxedEnvironment(autoescape=True, finalize=self._token, **common)
        self.page_env = SandboxedEnvironment(autoescape=True, **common)
        for env in (self.md_env, self.html_env):
            # French grammar helpers; they return plain text, so the value is still escaped for HTML.
            env.filters.update({"de": labels.de, "que": labels.que})
        # Templates wrap blocks that must stay on one page (signatures) in a <div> only for HTML.
        self.md_env.globals["html"] = False
        self.html_env.globals["html"] = True
        self.markdown = markdown.Markdown(extensions=["tables", "sane_lists", "md_in_html"], output_format="html")
        self._values: list[str] = []
        self._html_cache: dict[str, str] = {}
        self._resolved: dict[tuple[str, str], str] = {}

    def _token(self, value: Any) -> Markup:
        """Stand in for an escaped value while Markdown runs (see `_to_html`)."""
        if isinstance(value, int) and not isinstance(value, bool):
            return Markup(str(value))  # numbers can be Markdown structure ("1. " starts a list item)
        escaped = _escape_html_md(value)
        if not escaped:
            return Markup("")
        self._values.append(escaped)
        return Markup(_TOKEN.format(len(self._values) - 1))

    def _to_html(self, skeleton: str) -> str:
        """Markdown to HTML, once per document shape.

        Values enter the Markdown as tokens, so pairs whose documents have the
        same shape share one conversion (the costly step); the escaped values
        are put back afterwards. Escaped values hold no Markdown syntax, so
        the result is the same as converting each document.
        """
        body = self._html_cache.get(skeleton)
        if body is None:
            self.markdown.reset()
            body = self.markdown.convert(skeleton)
            if len(self._html_cache) < _CACHE_SIZE:
                self._html_cache[skeleton] = body
        return _TOKEN_RE.sub(lambda m: self._values[int(m.group(1))], body)

    def resolve(self, name: str, lang: str) -> str:
        """The file name of template `name` for `lang`; an error with close names when there is none."""
        for folder, shown in self.loader.folders:
            for candidate in (f"{name}.{lang}{SUFFIX}", f"{name}{SUFFIX}"):
                # The loader searches the folders in the same order, so it finds this very file.
                if _Loader([(folder, shown)]).locate(candidate) is not None:
                    return candidate
        names = sorted({n for n, _, _ in available(self.loader.folders)})
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        hint = text("doc-did-you-mean", names=", ".join(close)) if close else text("doc-template-missing-hint")
        raise MentoratError(text("doc-template-missing", name=name, lang=lang), hint)

    def first_line(self, name: str, lang: str) -> tuple[str, int]:
        """Template `name`'s file as messages show it, and the line of its first text (after blank lines and comments)."""
        found = self.loader.locate(self.resolve(name, lang))
        if found is None:
            return name, 0
        path, shown = found
        try:
            source = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return shown, 0
        skeleton = re.sub(r"\{#.*?#\}", lambda m: "\n" * m.group(0).count("\n"), source, flags=re.DOTALL)  # comments keep their lines
        return shown, next((number for number, line in enumerate(skeleton.split("\n"), 1) if line.strip()), 1)

    def render(self, name: str, lang: str, context: dict[str, Any], fmt: str, footer: str = "", logo: str = "") -> str:
        """Template `name` filled with `context`, as Markdown (`md`) or a standalone HTML page (`html`).

        The page's footer names the document (its title, then `footer`) beside
        the page number; `logo` is an image data URI printed above the title.
        """
        key = (name, lang)
        file_name = self._resolved.get(key) or self._resolved.setdefault(key, self.resolve(name, lang))
        if fmt != "html":
            return _run(lambda: self.md_env.get_template(file_name).render(context), file_name)
        self._values = []
        skeleton = _run(lambda: self.html_env.get_template(file_name).render(context), file_name)
        body = self._to_html(skeleton)
        heading = next((line[2:].strip() for line in skeleton.splitlines() if line.startswith("# ")), name)
        title = _TOKEN_RE.sub(lambda m: self._values[int(m.group(1))], heading)
        if lang == "fr":
            body, title = wording.french_spaces(body), wording.french_spaces(title)
        shown = " — ".join(part for part in (" ".join(html.unescape(re.sub(r"<[^>]*>", "", title)).split()), footer) if part)
        page = {
            "lang": lang,
            "title": Markup(title),
            "body": Markup(body),
            "logo": logo,
            "footer": Markup(wording.css_string(shown)),
            "page_of": Markup(_PAGE_OF[lang if lang in _PAGE_OF else "fr"]),
        }
        return _run(lambda: self.page_env.get_template(PAGE).render(page), PAGE)

    def source(self, name: str, lang: str) -> tuple[str, str]:
        """(where it comes from, the template's text) for `templates show`."""
        file_name = self.resolve(name, lang)
        text_, shown, _ = self.loader.get_source(self.md_env, file_name)
        return shown, text_


def available(folders: list[tuple[Path, str]]) -> list[tuple[str, str, str]]:
    """Every template as (name, language or '*', origin), the programme's first."""
    out = []
    for folder, shown in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"*{SUFFIX}")):
            stem = path.name[: -len(SUFFIX)]
            name, _, lang = stem.rpartition(".") if re.search(r"\.[a-z]{2}$", stem) else (stem, "", "*")
            out.append((name, lang, "programme" if shown == "templates" else "built-in"))
    return out


def _where(exc: BaseException, file_name: str) -> tuple[str, int]:
    """The template file and line an error happened at (Jinja maps its frames to template lines)."""
    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        return exc.filename or exc.name or file_name, exc.lineno
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    if frames:
        return frames[-1].filename, frames[-1].lineno or 0
    return file_name, 0


def _bad(code: str, file: str, line: int = 0, **values: Any) -> BadInput:
    """A template that cannot be used: a Problem on its file and line (exit code 1, as for any file of the programme)."""
    return BadInput([P.make(code, file, line, 0, **values)])


def _run(render: Callable[[], str], file_name: str) -> str:
    """Run a rendering, turning a template's failure into a Problem on the template's file and line."""
    try:
        return render()
    except MentoratError:
        raise
    except TemplateNotFound as exc:
        raise _bad("doc-template-include", *_where(exc, file_name), name=exc.name) from None
    except TemplateSyntaxError as exc:
        raise _bad("doc-template-syntax", *_where(exc, file_name), detail=exc.message) from None
    except (TemplateError, TypeError, ValueError, AttributeError, KeyError, ZeroDivisionError, RecursionError) as exc:
        message = str(getattr(exc, "message", None) or exc)
        for pattern in _FIELD_RES:
            match = pattern.search(message)
            if match:
                raise _bad("doc-template-field", *_where(exc, file_name), field=match.group(1)) from None
        raise _bad("doc-template-error", *_where(exc, file_name), detail=type(exc).__name__) from None
