"""The workbook's downloads as plain HTTP addresses: the PDF and the JSON backup.

Streamlit's download button keeps its file in the server's memory for the session that drew
it, and a click that arrives right after the page ran can find it gone (« Deferred file … not
found »: no file, no message). Here the page links to these addresses instead: the request
carries the browser's cookie, the session behind it is resumed, `workbook_dossier_for` decides
(as for the pages), and the file is built for that one request, in a worker thread so the
server keeps answering everyone else. A refusal or a failure is a short French page with a
way back; the error itself goes to the server log.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from collections.abc import Callable
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

import settings
from domain.model import Workbook
from exports.workbook_files import WorkbookFile, workbook_backup, workbook_pdf
from referentiel.shared import shared_referentiel
from storage import access
from storage.access import AccessDenied, Principal
from storage.engine import database_url
from storage.store import Store, shared_store
from web.browser_key import browser_key_from_headers

PDF_PATH = "/telechargement/classeur.pdf"
BACKUP_PATH = "/telechargement/sauvegarde.json"
WORKBOOK_PAGE = "/mon_classeur"  # the page « Télécharger mon classeur » (pages/mon_classeur.py)
ACTIVITY_MODULE = "classeur"

_LOG = logging.getLogger(__name__)
_DOSSIER_ID = re.compile(r"[0-9]{1,15}")

SIGNED_OUT_TITLE = "Vous n’êtes pas connecté ou connectée"
SIGNED_OUT = (
    "Votre session a expiré ou ce navigateur n’est pas connecté. Ouvrez à nouveau le Guide "
    "bilan (avec votre lien personnel, ou votre e-mail et votre mot de passe), puis "
    "téléchargez votre classeur depuis la page «\u00a0Télécharger mon classeur\u00a0»."
)
NOT_YOURS_TITLE = "Ce classeur n’est pas accessible"
NOT_YOURS = AccessDenied.message
FAILED_TITLE = "Le fichier n’a pas pu être préparé"
FAILED = (
    "Une erreur s’est produite pendant la préparation du fichier. Vos réponses ne sont pas "
    "perdues. Réessayez dans un instant\u00a0; si l’erreur revient, prévenez votre consultant ou "
    "consultante."
)
HOME_LINK = "Retour au Guide bilan"
RETRY_LINK = "Revenir à «\u00a0Télécharger mon classeur\u00a0» pour réessayer"


def download_url(path: str, dossier_id: int) -> str:
    """The address of one dossier's download (`PDF_PATH` or `BACKUP_PATH`)."""
    return f"{path}?dossier={int(dossier_id)}"


def routes() -> list[Route]:
    """The download addresses, for `st.App(routes=...)`."""
    return [Route(PDF_PATH, _pdf, methods=["GET"]), Route(BACKUP_PATH, _backup, methods=["GET"])]


async def _pdf(request: Request) -> Response:
    return await run_in_threadpool(_serve, request, _build_pdf)


async def _backup(request: Request) -> Response:
    return await run_in_threadpool(_serve, request, lambda _store, workbook: workbook_backup(workbook))


def _build_pdf(store: Store, workbook: Workbook) -> WorkbookFile:
    return workbook_pdf(workbook, shared_referentiel(store.engine))


def _serve(request: Request, build: Callable[[Store, Workbook], WorkbookFile]) -> Response:
    """Runs in a worker thread: database reads and the PDF layout must not hold the event loop."""
    try:
        return _answer(request, build)
    except Exception:
        # Whatever failed (the layout, the database), the person gets French and a way back.
        _LOG.exception("Download %s?%s failed", request.url.path, request.url.query)
        return _page(500, FAILED_TITLE, FAILED, _retry_address(request), RETRY_LINK)


def _answer(request: Request, build: Callable[[Store, Workbook], WorkbookFile]) -> Response:
    store = shared_store(database_url())
    principal = _principal(store, request)
    if principal is None:
        return _page(403, SIGNED_OUT_TITLE, SIGNED_OUT, "/", HOME_LINK)
    try:
        dossier = access.workbook_dossier_for(store, principal, _dossier_id(request))
    except AccessDenied:
        return _page(403, NOT_YOURS_TITLE, NOT_YOURS, "/", HOME_LINK)
    file = build(store, store.load(dossier.id).workbook)
    if principal.is_beneficiary:
        # Only the beneficiary's own work counts as guided time (as for the pages).
        store.record_activity(dossier.id, ACTIVITY_MODULE)
    return Response(file.content, media_type=file.media_type, headers={
        "Content-Disposition": content_disposition(file.name),
        "Cache-Control": "no-store",
    })


def _retry_address(request: Request) -> str:
    """Back to « Mon classeur », the same dossier still open for a consultant."""
    try:
        return f"{WORKBOOK_PAGE}?dossier={_dossier_id(request)}"
    except AccessDenied:
        return WORKBOOK_PAGE


def _dossier_id(request: Request) -> int:
    requested = request.query_params.get("dossier", "")
    if not _DOSSIER_ID.fullmatch(requested):
        raise AccessDenied(AccessDenied.message)
    return int(requested)


def _principal(store: Store, request: Request) -> Principal | None:
    key = browser_key_from_headers(request.scope["headers"])
    if key is None:
        return None
    return access.resume_session(store, key, idle_minutes=settings.session_idle_minutes())


def content_disposition(name: str) -> str:
    """`attachment` with an ASCII name for old clients and the exact UTF-8 one (RFC 6266, 5987)."""
    ascii_name = unicodedata.normalize("NFKD", name.replace("œ", "oe").replace("Œ", "OE")
                                       .replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss"))
    ascii_name = "".join(c for c in ascii_name if c.isascii() and (c.isalnum() or c in "-_."))
    ascii_name = re.sub(r"-+(?=\.)", "", re.sub(r"-{2,}", "-", ascii_name)) or "classeur"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def _page(status: int, title: str, message: str, link: str, link_text: str) -> HTMLResponse:
    """A short page in the app's language; every text in it is ours (nothing from a user)."""
    title, message, link, link_text = (html.escape(t) for t in (title, message, link, link_text))
    return HTMLResponse(status_code=status, headers={"Cache-Control": "no-store"}, content=f"""\
<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · Guide bilan</title>
<style>
body {{ font-family: "Source Sans Pro", "Source Sans 3", sans-serif; color: #31333f; max-width: 40rem;
       margin: 4rem auto; padding: 0 1.5rem; line-height: 1.6; font-size: 1.1rem; }}
a {{ color: #1f5aa6; }}
</style></head>
<body><main><h1>{title}</h1><p>{message}</p><p><a href="{link}">{link_text}</a></p></main></body>
</html>
""")
