"""The export's Markdown as one standalone HTML page, to print or to mail.

The page is the Markdown of ``export.markdown`` rendered by markdown-it-py with
the CommonMark rules plus GFM tables (for the summary at a glance) and raw HTML
switched off, so anything a note holds is shown as text, never run; block
rules that no exported line can start are left out (``page_parser``). It carries
its own CSS and nothing else: no JavaScript, no fonts, images or style sheets
from elsewhere, so it looks the same offline, in a mail and on paper. Print
comes first: black on white, status in words (never only a colour), each
aandachtsgebied on a new page. This module never imports Textual or Rich.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

CSS = """\
@page { size: A4; margin: 18mm 16mm; }
html { color: #000; background: #fff; }
body {
  font: 11pt/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
}
h1 { font-size: 1.5rem; border-bottom: 2px solid #000; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #000; margin-top: 2rem;
  break-before: page; page-break-before: always; }
h2:first-of-type, #noten { break-before: auto; page-break-before: auto; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
h2, h3, li > p:first-child { break-after: avoid; page-break-after: avoid; }
ul { padding-left: 1.3rem; }
li { margin: .45rem 0; break-inside: avoid; page-break-inside: avoid; }
li > p { margin: .15rem 0; }
blockquote { margin: .25rem 0 .25rem .1rem; padding: .05rem .6rem; border-left: 3px solid #000; }
blockquote p { margin: .2rem 0; white-space: pre-wrap; tab-size: 4; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .85em; break-inside: avoid; }
th, td { border: 1px solid #000; padding: .1rem .35rem; vertical-align: top; }
th { text-align: left; font-weight: bold; hyphens: auto; }
td code { font: 9pt/1.2 "DejaVu Sans Mono", Consolas, monospace; white-space: pre; }
strong { font-weight: bold; }
@media print { body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; } }
"""


def markdown_parser() -> MarkdownIt:
    """The parser for the export's Markdown: CommonMark with tables, raw HTML shown as text.

    Tables are on for the summary at a glance; a note cannot make one, because
    ``export_literal`` escapes every ``|`` and any ``-`` or ``:`` that starts a
    line. The app's preview should use this one too (``Markdown(parser_factory=...)``):
    Textual's default "gfm-like" parser turns bare web addresses in notes into links.
    """
    return MarkdownIt("commonmark", {"html": False}).enable("table")


_NEVER_STARTED = ["code", "fence", "hr", "reference", "html_block", "lheading"]
"""Block rules that no line of an export or a report can start, so the page skips them.

Every text goes in through ``export_literal``, which never lets a line start
with whitespace (no indented code), escapes `` ` `` and ``~`` everywhere (no
fence), ``*`` ``_`` and ``[`` everywhere and ``-`` ``=`` at a line's start (no
thematic break, link reference or setext heading), and html_block does
nothing with raw HTML off. markdown-it tries each block rule on every line,
so leaving these out saves about 15% of the parse (1 to 2 ms of a page);
tests/test_export_html.py renders with both parsers and compares.
"""


def page_parser() -> MarkdownIt:
    """``markdown_parser`` without the block rules the export's Markdown never starts."""
    return markdown_parser().disable(_NEVER_STARTED)


def _hardbreak(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # No newline after <br>: a note's paragraph is shown with white-space: pre-wrap,
    # which would turn that newline into a second line break.
    return "<br />"


def body(markdown: str, h2_ids: Sequence[str]) -> str:
    """The Markdown as HTML, each level-2 heading given its id (``gebied-…``, ``bronnen``)."""
    parser = page_parser()
    parser.add_render_rule("hardbreak", _hardbreak)
    tokens = parser.parse(markdown)
    headings = [t for t in tokens if t.type == "heading_open" and t.tag == "h2"]
    for token, h2_id in zip(headings, h2_ids, strict=True):
        token.attrSet("id", h2_id)
    return str(parser.renderer.render(tokens, parser.options, {}))


def page(markdown: str, titel: str, h2_ids: Sequence[str], css: str = CSS) -> str:
    """A whole HTML document around the rendered Markdown, ending in one newline.

    Exports and reports share it; a report brings its own ``css``.
    """
    return (
        "<!doctype html>\n"
        '<html lang="nl">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="lob-tui">\n'
        f"<title>{html_lib.escape(titel)}</title>\n"
        f"<style>\n{css}</style>\n"
        "</head>\n"
        "<body>\n"
        f"{body(markdown, h2_ids)}"
        "</body>\n"
        "</html>\n"
    )
