"""The accessibility statement the footer links to, in the RGAA's form, in both languages."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

FRENCH_SECTIONS = [
    "État de conformité",
    "Résultats des tests",
    "Contenus non accessibles",
    "Dérogations pour charge disproportionnée",
    "Contenus non soumis à l'obligation d'accessibilité",
    "Établissement de cette déclaration",
    "Retour d'information et contact",
    "Voies de recours",
]


def _footer_link(client, home_url, label):
    soup = BeautifulSoup(client.get(home_url).content, "html.parser")
    links = [a for a in soup.select("footer a") if a.get_text(strip=True) == label]
    assert len(links) == 1, [a.get_text(strip=True) for a in soup.select("footer a")]
    return links[0]["href"]


def test_footer_links_to_a_statement_in_the_rgaa_form(client):
    url = _footer_link(client, "/", "Accessibilité : non conforme")
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    main = soup.find("main")
    assert main.find("h1").get_text(strip=True) == "Déclaration d'accessibilité"
    assert [h.get_text(strip=True) for h in main.find_all("h2")] == FRENCH_SECTIONS
    text = main.get_text(" ", strip=True)
    # The level the checks allow, never more: no audit has measured a rate.
    assert "est non conforme au référentiel général d'amélioration de l'accessibilité" in text
    assert "partiellement conforme" not in text and "totalement conforme" not in text
    assert "établie le 1er décembre 2026" in text
    for tool in ("axe-core", "pa11y", "Nu Html Checker", "Lighthouse", "clavier"):
        assert tool in text
    assert "Défenseur des droits" in text and "Libre réponse 71120" in text
    assert "commerces@agglo.example" in text
    # Known defects are listed, as bullet points.
    assert len(main.find_all("li")) >= 4
    assert "(audit à venir)" not in client.get("/").content.decode()


def test_english_statement(client):
    url = _footer_link(client, "/en/", "Accessibility: not compliant")
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    main = soup.find("main")
    assert main.find("h1").get_text(strip=True) == "Accessibility statement"
    headings = [h.get_text(strip=True) for h in main.find_all("h2")]
    assert headings[0] == "Compliance status" and headings[-1] == "Recourse"
    assert len(headings) == len(FRENCH_SECTIONS)
    text = main.get_text(" ", strip=True)
    assert "does not comply" in text and "Défenseur des droits" in text
    assert soup.html["lang"] == "en"
