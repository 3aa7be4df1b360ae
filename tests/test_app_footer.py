"""The footer shows the keys that work where the focus is, and rebuilds only when they change."""

from __future__ import annotations

from conftest import SIZE, AppFiles

from lob_tui.widgets.footer import KeyFooter


def footer_keys(footer: KeyFooter) -> list[str]:
    """The keys the footer shows (``FooterKey`` has no public import, so by its CSS name)."""
    return [str(getattr(key, "key", "")) for key in footer.query("FooterKey")]


async def test_footer_follows_the_focus_and_rebuilds_once_per_change(files: AppFiles) -> None:
    app = files.app()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.screen.query_one(KeyFooter)
        await pilot.pause()
        in_tree = footer_keys(footer)
        assert "slash" in in_tree and "escape" not in in_tree

        rebuilds: list[None] = []
        rebuild = footer.recompose

        async def counted() -> None:
            rebuilds.append(None)
            await rebuild()

        footer.recompose = counted  # type: ignore[method-assign]

        await pilot.press("slash")  # the search field: its own keys, built once
        await pilot.pause()
        assert "escape" in footer_keys(footer) and "slash" not in footer_keys(footer)
        assert len(rebuilds) == 1  # Textual's Footer builds the same keys a second time

        await pilot.press("escape")  # back in the tree: the tree's keys again
        await pilot.pause()
        assert footer_keys(footer) == in_tree
        assert len(rebuilds) == 2
