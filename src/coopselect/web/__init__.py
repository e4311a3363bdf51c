"""``coopselect web``: the analyst app as a web page.

Built on Shiny for Python (core API; the optional extra ``web``), chosen over Streamlit, NiceGUI
and Panel for this app because: its reactive graph re-runs only the outputs an edit touches (a
weight move re-ranks once and redraws the tables, not the whole script as Streamlit does); the
app is a plain ASGI application, so the session guard (:mod:`coopselect.web.guard`: Host, Origin,
token, session cap) wraps it without patching the framework; file downloads are native
(``render.download``); and its pages are ordinary HTML, so a browser test reads the text and a
screen reader sees it.

``views`` computes what each page shows from the app model (:class:`coopselect.app.state.
AppState`, the terminal app's model), ``shinyapp`` lays out the pages, ``serve`` runs the server.
"""
