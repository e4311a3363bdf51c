"""Modal screens: help, error, confirm, text input, choice from a list."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static

from coopselect.app import safe
from coopselect.app.labels import KEYS, L


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list] = [
        Binding("escape", "dismiss", "close"),
        Binding("question_mark", "dismiss", "close"),
        Binding("f1", "dismiss", "close"),
        Binding("q", "dismiss", "close"),
    ]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        t = Table(title=L["help_title"](self.lang), show_header=False, expand=True)
        t.add_column("key", style="bold cyan", no_wrap=True)
        t.add_column("what", overflow="fold")
        for key, label in KEYS:
            t.add_row(key, label(self.lang))
        with VerticalScroll(id="help-box"):
            yield Static(t)
            yield Static(Text(L["help_close"](self.lang), style="dim"))


class ErrorScreen(Screen[None]):
    """A case that cannot be opened: the CoopselectError text, and q to quit."""

    BINDINGS: ClassVar[list] = [
        Binding("q", "app.quit", "quit"),
        Binding("escape", "app.quit", "quit"),
    ]

    def __init__(self, message: str, lang: str) -> None:
        super().__init__()
        self.message = message
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(Text(L["error_title"](self.lang), style="bold red"), id="error-title")
            yield Static(safe.text(self.message), id="error-message")
            yield Static(Text(L["error_quit"](self.lang), style="dim"))


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list] = [
        Binding("y", "answer(True)", "yes"),
        Binding("n", "answer(False)", "no"),
        Binding("escape", "answer(False)", "no"),
    ]

    def __init__(self, question: str, lang: str) -> None:
        super().__init__()
        self.question = question
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(safe.text(self.question, style="bold"))
            yield Static(Text(f"{L['yes'](self.lang)}   {L['no'](self.lang)}"))

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class InputScreen(ModalScreen[str | None]):
    """A line of text to type. The field starts with ``value`` as the app shows it (control
    characters escaped); submitted unchanged, the screen returns ``value`` itself, so that text
    from a file is kept as it is there; anything typed is returned as typed."""

    BINDINGS: ClassVar[list] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value
        self.shown = safe.flat(value)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(safe.text(self.prompt, style="bold"))
            yield Input(value=self.shown, id="dialog-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = self.value if event.value == self.shown else event.value
        self.dismiss(value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, prompt: str, choices: list[tuple[str, str]], current: str | None) -> None:
        """``choices``: (value, label) pairs."""
        super().__init__()
        self.prompt = prompt
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(safe.text(self.prompt, style="bold"))
            yield OptionList(*[safe.line(label) for _, label in self.choices], id="choice-list")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        values = [v for v, _ in self.choices]
        if self.current in values:
            ol.highlighted = values.index(self.current)
        ol.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
