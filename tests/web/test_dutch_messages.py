"""Issue 14, the reader's language: a file check's errors on the import page and from the
CLI are Dutch by default and English on request, each with its place (file, line,
column); a report page's question line is in the page's language."""

import io
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.core.management import CommandError, call_command

from clustermonitor.web.accounts import user_create
from tests.web.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db
HEADER = "code,name,type,recognised_on,pact_start_year,pact_end_year\n"
BROKEN = HEADER + "X1,Broken,nonsense,2017-01-01,2017,20x8\n"


@pytest.fixture
def analyst(settings: LazySettings, tmp_path: Path) -> None:
    settings.DATASET_UPLOAD_DIR = str(tmp_path / "uploads")
    user_create("analyst", role="analyst", password=PASSWORD)


def upload(lang: str | None) -> str:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("clusters.csv", BROKEN)
    buffer.seek(0)
    buffer.name = "broken.zip"
    query = f"lang={lang}" if lang else ""
    response = client_for("analyst").post("/import/", {"dataset": buffer}, QUERY_STRING=query)
    assert response.status_code == 200
    return response.content.decode()


def test_import_errors_on_the_page_are_dutch_by_default(analyst: None) -> None:
    page = upload(None)

    assert "&#x27;nonsense&#x27; is niet een van spearhead, ibn" in page
    assert "&#x27;20x8&#x27; is geen jaartal van vier cijfers" in page
    assert '<td class="num">2</td><td>pact_end_year</td>' in page  # line and column kept
    assert 'aria-label="Fouten in clusters.csv"' in page  # the errors' scroll box, labelled


def test_import_errors_on_the_page_in_english_on_request(analyst: None) -> None:
    page = upload("en")

    assert "&#x27;nonsense&#x27; is not one of spearhead, ibn" in page
    assert 'aria-label="Errors in clusters.csv"' in page


def write_broken(folder: Path) -> Path:
    folder.mkdir()
    (folder / "clusters.csv").write_text(BROKEN, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "clusters.csv:2: column type: 'nonsense' is not one of spearhead, ibn"),  # the contract's
        (("--lang", "nl"), "clusters.csv:2: column type: 'nonsense' is niet een van spearhead, ibn"),
        (("--lang", "en"), "clusters.csv:2: column type: 'nonsense' is not one of spearhead, ibn"),
    ],
)
def test_the_cli_says_the_errors_in_its_language(
    tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import", str(write_broken(tmp_path / "d")), "--quiet", *args, stdout=StringIO(), stderr=err
        )

    assert expected in err.getvalue().splitlines()


def test_the_report_pages_question_line_is_in_the_pages_language(users: None) -> None:
    client = client_for("viewer")
    dutch = client.get("/reports/budget-overview/?year=2018").content.decode()
    english = client.get("/reports/budget-overview/?year=2018&lang=en").content.decode()

    assert "vraag 2a: het budget, de verdelingen en de effectieve vastleggingen" in dutch
    assert "question 2a: the year&#x27;s budget" in english


def test_the_clis_summary_words_follow_its_language(tmp_path: Path) -> None:
    tiny = Path(__file__).parents[1] / "fixtures" / "tiny"
    dutch, english = StringIO(), StringIO()
    call_command("import", str(tiny), "--quiet", "--dry-run", "--lang", "nl", stdout=dutch, stderr=StringIO())
    call_command("import", str(tiny), "--quiet", "--dry-run", stdout=english, stderr=StringIO())

    assert "clusters.csv: aangemaakt " in dutch.getvalue()
    assert dutch.getvalue().splitlines()[-1] == "proefrun: geldig, niets geschreven"
    assert "clusters.csv: created " in english.getvalue()
    assert english.getvalue().splitlines()[-1] == "dry run: valid, nothing written"
    with pytest.raises(CommandError, match="2 fout\\(en\\): er is niets geïmporteerd"):
        call_command(
            "import",
            str(write_broken(tmp_path / "d")),
            "--quiet",
            "--lang",
            "nl",
            stdout=StringIO(),
            stderr=StringIO(),
        )
