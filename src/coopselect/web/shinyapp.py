"""The web app's pages and reactions (Shiny for Python, core API).

One browser session = one :class:`~coopselect.app.state.AppState` (the model the terminal app
edits). Inputs edit it; every output reads it through :mod:`coopselect.web.views`. The whole page
is a server output of the language, so switching zh/en redraws every label; the inputs are drawn
again from the state, so nothing is lost.
"""

from __future__ import annotations

from html import escape
from typing import Any

from coopselect.app.state import AppState, WhatIf
from coopselect.textsafety import visible
from coopselect.web import views
from coopselect.web.labels import w

PRESETS = ("ahp", "fraser", "equal", "custom")
TABLE_ROWS = 400  # the page shows the first rows; the filter and the CSV download give the rest
SAATY_CHOICES = ("9", "7", "5", "3", "1", "1/3", "1/5", "1/7", "1/9")


def safe(value: object) -> str:
    """Text from input files as shown: control and bidi characters made visible (the CLI's and
    the terminal app's neutraliser); HTML escaping is the framework's, or :func:`_table`'s."""
    return visible(str(value))


def _fraction(text: str) -> float:
    a, _, b = text.partition("/")
    return float(a) / float(b) if b else float(a)


def build_app(
    load_case: Any,
    lang: str = "en",
    methods: tuple[str, ...] = views.MAIN_METHODS,
    data: Any = None,
):
    """The Shiny app; ``load_case()`` returns a fresh Case for each session, ranked on the data
    snapshot ``data`` (``coopselect web --data-dir``; None: the default folder's)."""
    from shiny import App, reactive, render, ui

    app_ui = ui.page_output("page")

    def server(input, output, session):
        state = AppState.open(load_case(), data)
        importance = {c: round(100 * v, 1) for c, v in state.current_weights().items()}
        opened = views.OpenedFile.of(state.case)  # the file as opened, for a hash-checked save
        base = {"result": state.result}  # the ranking without what-ifs, for the side-by-side
        version = reactive.value(0)
        problem = reactive.value("")

        def current_lang() -> str:
            value = input.lang() if "lang" in input else None
            return value if value in ("zh", "en") else lang

        def bump() -> None:
            version.set(version() + 1)

        def guarded(edit) -> None:
            try:
                edit()
                problem.set("")
            except Exception as err:  # a refused edit keeps the state; say why
                problem.set(f"{w('error', current_lang())}: {err}")
            bump()

        # ---- the page (redrawn when the language changes) ---------------------------------
        @render.ui
        def page():
            lg = current_lang()
            with reactive.isolate():
                weights = views.weight_items(state, lg)
                kept = {  # what the analyst had chosen survives a language switch
                    k: (input[k]() if k in input else None) for k in ("view", "needle", "tabs")
                }
                preset = state.case.weights_preset
                method = state.case.method
                jv = views.judgment_view(state, lg)
                scenarios = list(state.case.scenarios) if state.case.scenarios else []
                host_list = views.hosts(state)
            sliders = [
                ui.input_slider(
                    f"w_{cid}", safe(name), min=0, max=100, value=importance[cid], step=0.1
                )
                for cid, name, _v in weights
            ]
            pairs = {
                f"{a}|{b}": f"{jv['labels'][i]} : {jv['labels'][k]}"
                for i, a in enumerate(jv["ids"])
                for k, b in enumerate(jv["ids"])
                if i < k
            }
            from coopselect.app.views import country_name

            sidebar = ui.sidebar(
                ui.input_radio_buttons(
                    "lang", w("lang", lg), {"en": "English", "zh": "中文"}, selected=lg, inline=True
                ),
                ui.input_select(
                    "preset",
                    w("preset", lg),
                    {p: w(f"preset_{p}", lg) for p in PRESETS},
                    selected=preset,
                ),
                ui.h6(w("weights", lg)),
                *sliders,
                ui.p(w("weights_note", lg), class_="small text-muted"),
                ui.output_ui("weights_in_force"),
                ui.input_select("method", w("method", lg), list(methods), selected=method),
                ui.h6(w("downloads", lg)),
                *[ui.download_button(f"dl_{f}", f.upper(), class_="btn-sm") for f in views.FORMATS],
                ui.download_button("dl_brief", w("brief", lg), class_="btn-sm"),
                *(
                    [ui.download_button("dl_pdf", "PDF", class_="btn-sm")]
                    if views.pdf_available()
                    else []
                ),
                ui.h6(w("case_file", lg)),
                ui.download_button("dl_case", w("download_case", lg), class_="btn-sm"),
                ui.input_action_button(
                    "save", w("save", lg), class_="btn-sm", disabled=not opened.savable
                ),
                width=320,
            )
            tabs = ui.navset_tab(
                ui.nav_panel(
                    w("tab_ranking", lg),
                    ui.layout_columns(
                        ui.input_radio_buttons(
                            "view",
                            w("view", lg),
                            {v: w(f"view_{v}", lg) for v in views.VIEWS},
                            selected=kept["view"] or "pairs",
                            inline=True,
                        ),
                        ui.input_text("needle", w("filter", lg), value=kept["needle"] or ""),
                    ),
                    ui.output_ui("status"),
                    ui.output_ui("ranking"),
                    value="ranking",
                ),
                ui.nav_panel(w("tab_map", lg), ui.output_ui("worldmap"), value="map"),
                ui.nav_panel(
                    w("tab_hosts", lg),
                    ui.input_select(
                        "host", w("host", lg), {k: country_name(k, lg) for k in host_list}
                    ),
                    ui.output_ui("host_reason"),
                    value="hosts",
                ),
                ui.nav_panel(
                    w("tab_judgments", lg),
                    ui.output_ui("judgments"),
                    ui.layout_columns(
                        ui.input_select("jpair", w("judgment_pair", lg), pairs),
                        ui.input_select("jvalue", w("judgment_value", lg), list(SAATY_CHOICES)),
                        ui.input_action_button("japply", w("apply", lg), class_="mt-4"),
                    ),
                    value="judgments",
                ),
                ui.nav_panel(
                    w("tab_whatif", lg),
                    ui.layout_columns(
                        ui.input_select(
                            "scenario",
                            w("scenario", lg),
                            {"": w("no_scenario", lg), **{s: s for s in scenarios}},
                        ),
                        ui.input_text(
                            "setting", w("setting", lg), placeholder="KAZ.governance=0.2"
                        ),
                        ui.input_action_button("add_setting", w("add", lg), class_="mt-4"),
                        ui.input_action_button("clear_whatif", w("clear", lg), class_="mt-4"),
                    ),
                    ui.output_ui("whatif"),
                    value="whatif",
                ),
                ui.nav_panel(
                    w("tab_robust", lg),
                    ui.output_ui("agreement"),
                    ui.input_action_button("smaa", w("smaa_run", lg)),
                    ui.output_ui("smaa_out"),
                    ui.input_action_button("loo", w("loo_run", lg)),
                    ui.output_ui("loo_out"),
                    value="robust",
                ),
                id="tabs",
                selected=kept["tabs"] or "ranking",
            )
            return ui.page_sidebar(
                sidebar,
                ui.output_ui("message"),
                tabs,
                title=safe(w("title", lg) + " — " + state.case.title(lg)),
                lang=lg,
            )

        # ---- edits --------------------------------------------------------------------------
        # The sliders set each criterion's relative importance (0-100); the weights in force are
        # their shares. The server never moves a slider in answer to another one (that echo,
        # racing a redraw, made the weights wander), only when a preset or a judgment sets the
        # weights; an event equal to the value it holds is an echo and is ignored.
        def _weight_effect(cid: str):
            @reactive.effect
            @reactive.event(input[f"w_{cid}"], ignore_init=True)
            def _():
                def edit():
                    value = float(input[f"w_{cid}"]())
                    if abs(value - importance[cid]) < 0.05:
                        return  # drawn from what the server holds, or an echo
                    importance[cid] = value
                    state.set_weights(importance)

                guarded(edit)

        def _reset_sliders() -> None:
            """The weights were set another way (a preset, a judgment): the sliders show them."""
            for c, _n, v in views.weight_items(state, current_lang()):
                importance[c] = round(100 * v, 1)
                ui.update_slider(f"w_{c}", value=importance[c])

        for cid in state.case.hierarchy.criterion_ids:
            _weight_effect(cid)

        @reactive.effect
        @reactive.event(input.preset, ignore_init=True)
        def _preset():
            if input.preset() != state.case.weights_preset:
                guarded(lambda: state.set_preset(input.preset()))
                _reset_sliders()

        @reactive.effect
        @reactive.event(input.method, ignore_init=True)
        def _method():
            if input.method() != state.case.method:
                guarded(lambda: state.set_method(input.method()))

        @reactive.effect
        @reactive.event(input.japply)
        def _judgment():
            a, _, b = (input.jpair() or "").partition("|")
            guarded(lambda: state.set_judgment(a, b, _fraction(input.jvalue())))
            if state.case.weights_preset == "ahp":
                _reset_sliders()

        @reactive.effect
        @reactive.event(input.scenario, ignore_init=True)
        def _scenario():
            chosen = input.scenario() or None
            if chosen != state.whatif.scenario:
                guarded(lambda: state.set_scenario(chosen))

        @reactive.effect
        @reactive.event(input.add_setting)
        def _add():
            text = (input.setting() or "").strip()
            if text:
                guarded(lambda: state.add_setting(text))

        @reactive.effect
        @reactive.event(input.clear_whatif)
        def _clear():
            guarded(lambda: state._apply(state.case, "clear what-ifs", whatif=WhatIf()))

        @reactive.effect
        @reactive.event(input.save)
        def _save():
            lg = current_lang()
            try:
                where = opened.save(state)
            except Exception as err:  # stale file, unwritable folder: nothing was written
                problem.set(f"{w('save_failed', lg)}: {err}")
            else:
                problem.set(f"{w('saved', lg)} {where.name}")
            bump()

        @output(id="dl_case")
        @render.download_button(filename=lambda: f"{state.case.id}.toml")
        def _dl_case():
            yield opened.text_of(state).encode("utf-8")

        # ---- outputs ------------------------------------------------------------------------
        @render.ui
        def weights_in_force():
            version()
            lg = current_lang()
            items = [f"{name} {100 * v:.1f} %" for _c, name, v in views.weight_items(state, lg)]
            return ui.p(safe(" · ".join(items)), class_="small", id="weights-in-force")

        @render.ui
        def message():
            text = problem()
            return ui.div(text, class_="alert alert-warning") if text else None

        def on_tab(name: str) -> bool:
            """Pages not in view are not computed (the robustness page runs five methods)."""
            return (input.tabs() if "tabs" in input else "ranking") == name

        @reactive.calc
        def table_data():
            version()
            return views.ranking_table(
                state, current_lang(), input.view() or "pairs", input.needle() or ""
            )

        @render.ui
        def status():
            lg = current_lang()
            _cols, rows = table_data()
            res = state.result
            text = w("showing", lg).format(n=len(rows), total=len(res.pairs))
            if len(rows) > TABLE_ROWS:
                text += " " + w("first_rows", lg).format(n=TABLE_ROWS)
            if not res.higher_is_better:
                text += " " + w("lower_better", lg)
            return ui.p(text, id="ranking-status")

        @render.ui
        def ranking():
            cols, rows = table_data()
            return ui.HTML(_table(cols, rows, table_id="ranking-table", limit=TABLE_ROWS))

        @render.ui
        def worldmap():
            version()
            if not on_tab("map"):
                return None
            return ui.HTML(views.map_html(state, current_lang()))

        @render.ui
        def host_reason():
            version()
            if not on_tab("hosts"):
                return None
            lg = current_lang()
            iso = input.host()
            if not iso or iso not in views.hosts(state):
                return None
            lines, rows = views.host_reason(state, lg, iso)
            cols = [w("col_rank", lg), w("col_mode", lg), w("col_score", lg)]
            return ui.div(
                ui.h5(w("why_best", lg)),
                *[ui.p(line) for line in lines],
                ui.h6(w("host_modes", lg)),
                ui.HTML(_table(cols, rows, table_id="host-modes")),
            )

        @render.ui
        def judgments():
            version()
            if not on_tab("judgments"):
                return None
            lg = current_lang()
            jv = views.judgment_view(state, lg)
            cr = jv["cr"]
            verdict = w("cr_ok", lg) if cr <= 0.10 else w("cr_bad", lg)
            parts = [
                ui.HTML(
                    _table(
                        ["", *jv["labels"]],
                        [[a, *r] for a, r in zip(jv["labels"], jv["cells"], strict=True)],
                        table_id="judgment-matrix",
                    )
                ),
                ui.p(f"{w('cr', lg)} = {cr:.3f}: {verdict}", id="judgment-cr"),
            ]
            if jv["worst"]:
                parts.append(ui.p(jv["worst"], class_="text-danger", id="judgment-worst"))
            if not jv["in_use"]:
                parts.append(ui.div(w("not_in_use", lg), class_="alert alert-info"))
            return ui.div(*parts)

        @render.ui
        def whatif():
            version()
            if not on_tab("whatif"):
                return None
            lg = current_lang()
            if state.whatif.empty:
                base["result"] = state.result
            else:
                base["result"] = state.compute(state.case, WhatIf())
            cols, rows = views.whatif_table(state, lg, base["result"])
            shown = ", ".join(
                ([state.whatif.scenario] if state.whatif.scenario else [])
                + list(state.whatif.settings)
            )
            return ui.div(
                ui.p(shown or w("no_scenario", lg)),
                ui.HTML(_table(cols, rows, table_id="whatif-table")),
            )

        @render.ui
        def agreement():
            version()
            if not on_tab("robust"):
                return None
            lg = current_lang()
            cols, rows = views.method_agreement(state, lg)
            return ui.div(
                ui.h5(w("agreement", lg)), ui.HTML(_table(cols, rows, table_id="agreement"))
            )

        @render.ui
        @reactive.event(input.smaa)
        def smaa_out():
            from coopselect.app.robust import run, verdict_text

            lg = current_lang()
            out = run(state.result, samples=2000)
            nm = views.names(state.case, lg)
            from coopselect.app.views import country_name

            def label(alt: str) -> str:
                iso, _, mode = alt.partition(":")
                return f"{country_name(iso, lg)} × {nm.get(mode, mode)}"

            bars = "".join(
                f"<tr><td>{escape(safe(pair))}</td><td style='width:50%'>"
                f"<div style='background:#2c7fb8;height:0.9em;width:{100 * a:.1f}%'></div></td>"
                f"<td>{a:.0%}</td></tr>"
                for pair, a in views.acceptability_rows(state, lg, out)
            )
            table = (
                f"<table class='table table-sm' id='smaa-bars'><thead><tr><th>"
                f"{escape(w('col_pair', lg))}</th><th colspan='2'>{escape(w('smaa_first', lg))}"
                f"</th></tr></thead><tbody>{bars}</tbody></table>"
            )
            return ui.div(
                ui.p(safe(verdict_text(out, lg, label)), id="smaa-verdict"), ui.HTML(table)
            )

        @render.ui
        @reactive.event(input.loo)
        def loo_out():
            lg = current_lang()
            return ui.div(
                *[ui.p(safe(line)) for line in views.host_removals(state, lg)], id="loo-lines"
            )

        def _download(fmt: str):
            ext = {"md": "md", "csv": "csv", "xlsx": "xlsx", "html": "html"}[fmt]

            @output(id=f"dl_{fmt}")
            @render.download_button(filename=lambda: f"{state.case.id}_report.{ext}")
            def _dl():
                yield views.report_bytes(state, current_lang(), fmt)

        for fmt in views.FORMATS:
            _download(fmt)

        @output(id="dl_brief")
        @render.download_button(filename=lambda: f"{state.case.id}_brief.html")
        def _dl_brief():
            yield views.report_bytes(state, current_lang(), views.BRIEF)

        @output(id="dl_pdf")
        @render.download_button(filename=lambda: f"{state.case.id}_report.pdf")
        def _dl_pdf():
            yield views.report_bytes(state, current_lang(), "pdf")

    return App(app_ui, server)


def _table(cols: list[str], rows: list[list], table_id: str = "", limit: int | None = None) -> str:
    """An HTML table; every cell escaped (names from input files are data, not markup)."""
    shown = rows if limit is None else rows[:limit]
    head = "".join(f"<th>{escape(safe(c))}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(safe(v))}</td>" for v in r) + "</tr>" for r in shown
    )
    ident = f' id="{escape(table_id)}"' if table_id else ""
    return (
        f'<table class="table table-sm table-striped"{ident}><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
