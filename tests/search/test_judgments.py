"""Editors' relevance judgments (Reports > Search relevance), the site's score, `evaluate_search --site`, and the
anonymous result clicks behind the click-through of the "Search terms" report. Real admin, database and model."""

from __future__ import annotations

import io
import json
import math

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from cms.models import ResourcePage
from knowledge.sync import sync_page
from search.judgments import evaluate_site
from search.models import RelevanceJudgment, SearchClick, SearchLogEntry
from tests.conftest import add_page, admin_menu

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/search-relevance/"
JUDGE_URL = "/admin/reports/search-relevance/judge/"
QUERY = "cover crops soil carbon"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(username="editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def corpus(site_tree):
    pages = {}
    for slug, title, summary in (
        ("handbook", "Cover crops handbook", "Choosing cover crops that add soil carbon between harvests."),
        ("legumes", "Legume cover crops in dry areas", "Cover crops and soil carbon where rainfall is low."),
        ("compost", "Compost and soil carbon", "Compost raises soil organic carbon on market gardens."),
        ("grazing", "Rotational grazing guide", "Moving herds often to let grasslands recover."),
    ):
        pages[slug] = add_page(site_tree.resources, ResourcePage, title=title, summary=summary, year=2023)
        sync_page(pages[slug].pk)
    pages["draft"] = add_page(
        site_tree.resources,
        ResourcePage,
        live=False,
        title="Draft cover crops carbon memo",
        summary="Unpublished notes on cover crops and soil carbon.",
        year=2024,
    )
    sync_page(pages["draft"].pk)
    return pages


def judge_rows(client, q: str) -> list[tuple[str, str]]:
    """(result key, title) of the judge form, in rank order."""
    response = client.get(JUDGE_URL, {"q": q})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (row["data-result"], row.find("a").get_text(strip=True)) for row in soup.select("tr[data-result]")
    ]


def post_verdicts(client, q: str, verdicts: dict[str, str]):
    data = {"q": q, "result": list(verdicts)}
    data.update({f"verdict-{key}": value for key, value in verdicts.items()})
    return client.post(JUDGE_URL, data)


def ndcg(gains: list[int], relevant: int) -> float:
    dcg = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))
    return dcg / sum(1 / math.log2(rank + 2) for rank in range(relevant))


def test_an_editor_judges_the_top_results_and_the_report_shows_the_hand_computed_score(
    client, editor, corpus
):
    client.force_login(editor)
    rows = judge_rows(client, QUERY)
    keys = [key for key, _ in rows]
    titles = [title for _, title in rows]
    assert "Draft cover crops carbon memo" not in titles  # visitors' visibility: no draft to judge
    assert set(keys) <= {f"page:{page.pk}" for slug, page in corpus.items() if slug != "draft"}
    assert len(keys) >= 3

    # The second and third results are relevant, the first is not.
    response = post_verdicts(
        client, QUERY, {keys[0]: "not-relevant", keys[1]: "relevant", keys[2]: "relevant"}
    )
    assert response.status_code == 302
    stored = {j.result_key: j.relevant for j in RelevanceJudgment.objects.filter(query=QUERY)}
    assert stored == {keys[0]: False, keys[1]: True, keys[2]: True}
    assert RelevanceJudgment.objects.get(result_key=keys[1]).title == titles[1]
    # A key that is not among the results visitors get (here a draft) is not stored.
    post_verdicts(client, QUERY, {f"page:{corpus['draft'].pk}": "relevant"})
    assert RelevanceJudgment.objects.count() == 3

    # The form shows the stored verdicts back; "not judged" clears one.
    soup = BeautifulSoup(client.get(JUDGE_URL, {"q": QUERY}).content, "html.parser")
    assert soup.find("input", {"name": f"verdict-{keys[1]}", "value": "relevant"}).has_attr("checked")
    assert soup.find("input", {"name": "csrfmiddlewaretoken"}) is not None

    expected_ndcg = ndcg([0, 1, 1], relevant=2)  # (1/log2 3 + 1/log2 4) / (1 + 1/log2 3)
    expected_mrr = 0.5
    [score] = evaluate_site(["hybrid"])
    assert score.queries == 1
    assert score.ndcg == pytest.approx(expected_ndcg)
    assert score.mrr == pytest.approx(expected_mrr)

    soup = BeautifulSoup(client.get(REPORT_URL).content, "html.parser")
    hybrid = soup.select_one("[data-testid=score-table] tr[data-config=hybrid]")
    cells = [td.get_text(strip=True) for td in hybrid.find_all("td")]
    assert cells == [f"{expected_ndcg:.3f}", f"{expected_mrr:.3f}", "1"]

    post_verdicts(client, QUERY, {keys[0]: ""})
    assert not RelevanceJudgment.objects.filter(result_key=keys[0]).exists()


def test_two_configurations_are_compared_on_the_same_judgments(client, editor, corpus):
    client.force_login(editor)
    # Words no document contains: the keyword side finds nothing, the meaning side finds its neighbours.
    q = "fields sown with plants that feed the ground in winter"
    keys = [key for key, _ in judge_rows(client, q)]
    assert keys
    post_verdicts(client, q, {keys[0]: "relevant"})

    response = client.get(REPORT_URL, {"a": "hybrid", "b": "keyword"})
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.select_one("[data-testid=score-table]")
    shown = {
        row["data-config"]: [td.get_text(strip=True) for td in row.find_all("td")]
        for row in table.tbody.find_all("tr")
    }
    assert set(shown) == {"hybrid", "keyword"}
    hybrid, keyword = evaluate_site(["hybrid", "keyword"])
    assert shown["hybrid"][0] == f"{hybrid.ndcg:.3f}" and hybrid.ndcg == pytest.approx(1.0)
    assert shown["keyword"][0] == "0.000" and keyword.ndcg == 0.0
    assert soup.find("select", {"name": "b"}).find("option", selected=True)["value"] == "keyword"


def test_evaluate_search_site_prints_both_metrics_per_configuration(client, editor, corpus):
    with pytest.raises(CommandError, match="No judged query"):
        call_command("evaluate_search", "--site")
    client.force_login(editor)
    keys = [key for key, _ in judge_rows(client, QUERY)]
    post_verdicts(client, QUERY, {keys[0]: "relevant", keys[1]: "not-relevant"})
    out = io.StringIO()
    call_command(
        "evaluate_search", "--site", "--config", "hybrid", "--config", "semantic", "--json", stdout=out
    )
    lines = out.getvalue().strip().splitlines()
    assert lines[0].startswith("hybrid ") and "nDCG@10 1.0000  MRR@10 1.0000" in lines[0]
    assert lines[1].startswith("semantic ")
    assert lines[2] == "1 judged queries with at least one relevant result"
    report = json.loads(lines[3])
    assert report["hybrid"] == {"ndcg@10": 1.0, "mrr@10": 1.0} and set(report) == {"hybrid", "semantic"}


def test_queries_to_judge_come_from_the_search_log(client, editor, corpus):
    for query, count in (("cover crops", 5), ("cover crops", 5), ("biochar in rice paddies", 0)):
        SearchLogEntry.objects.create(query=query, mode="hybrid", result_count=count, took_ms=3)
    client.force_login(editor)
    response = client.get(REPORT_URL)
    soup = BeautifulSoup(response.content, "html.parser")
    rows = {row.th.a.get_text(strip=True): row for row in soup.select("[data-testid=queries-table] tbody tr")}
    assert set(rows) == {"cover crops", "biochar in rice paddies"}
    assert "found nothing" in rows["biochar in rice paddies"].get_text()
    assert rows["cover crops"].th.a["href"] == f"{JUDGE_URL}?q=cover+crops"
    assert (("Reports", "Search relevance"), REPORT_URL) in admin_menu(client.get("/admin/").content.decode())


def test_judging_needs_admin_access(client, django_user_model, corpus):
    response = client.get(REPORT_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    visitor = django_user_model.objects.create_user(username="visitor", password="x")
    client.force_login(visitor)
    response = post_verdicts(client, QUERY, {f"page:{corpus['handbook'].pk}": "relevant"})
    assert response.status_code in (302, 403) and "/admin/login/" in response.get("Location", "/admin/login/")
    assert not RelevanceJudgment.objects.exists()


# --- Anonymous result clicks ------------------------------------------------------------------------------


def test_result_links_go_through_the_click_counter_which_stores_nothing_personal(client, corpus):
    response = client.get("/search/", {"q": "Cover crops"})
    link = BeautifulSoup(response.content, "html.parser").select_one("ol.results .result__title a")["href"]
    response = client.get(link, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="TestBrowser/2.0")
    assert response.status_code == 302
    assert response["Location"].startswith("/") and "/search/" not in response["Location"]
    assert "no-cache" in response["Cache-Control"]
    click = SearchClick.objects.get()
    assert (click.query, click.rank, click.result_type) == ("cover crops", 1, "resource")
    assert {f.name for f in SearchClick._meta.get_fields()} == {
        "id",
        "query",
        "rank",
        "result_type",
        "created_at",
    }
    stored = " ".join(str(value) for value in SearchClick.objects.values().get().values())
    assert "203.0.113.9" not in stored and "TestBrowser" not in stored
    assert not response.cookies  # no session, no cookie of any kind


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "",
    ],
)
def test_the_click_counter_only_redirects_on_site(client, db, target):
    response = client.get("/search/click/", {"q": "soil", "rank": "1", "type": "resource", "to": target})
    assert response.status_code == 400
    assert not SearchClick.objects.exists()


def test_the_click_counter_follows_this_host_and_ignores_bad_ranks_and_types(client, db):
    response = client.get(
        "/search/click/", {"q": "soil", "rank": "3", "type": "<b>", "to": "http://testserver/a/"}
    )
    assert response.status_code == 302 and response["Location"] == "http://testserver/a/"
    assert SearchClick.objects.get().result_type == ""
    response = client.get("/search/click/", {"q": "soil", "rank": "-4", "to": "/a/"})
    assert response.status_code == 302 and SearchClick.objects.count() == 1


def test_click_through_per_query_in_the_search_terms_report(client, admin_user, db):
    for _ in range(4):
        SearchLogEntry.objects.create(query="cover crops", mode="hybrid", result_count=3, took_ms=3)
    for rank in (1, 3):
        client.get("/search/click/", {"q": "Cover  crops", "rank": rank, "type": "project", "to": "/p/"})
    client.force_login(admin_user)
    soup = BeautifulSoup(client.get("/admin/reports/search-terms/").content, "html.parser")
    row = soup.select_one("[data-testid=popular-table] tbody tr")
    cells = [td.get_text(strip=True) for td in row.find_all("td")]
    assert cells[:5] == ["4", "3.0", "2", "50%", "2.0"]
