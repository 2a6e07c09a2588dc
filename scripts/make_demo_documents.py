"""Make the bundled snapshot's demo report files from public text already in its saved pages.

The publishers' real PDFs are not in the repository. So that ``make demo`` can show search
inside report text, this writes a few stand-in PDFs at the URLs the saved listings link to,
each made from the text of a saved page about the same review, and each saying on its front
page that it is a demo copy and where its text came from:

- North Tyneside, Jasmine (SCR): the committee report on the review (democracy.northtyneside
  .gov.uk, item 5 of 8 July 2021), at the URL of the SCR's final report;
- the Panel's "Out of routine" review of sudden unexpected death in infancy: GOV.UK's page for
  the review, at the URL of its summary.

    python scripts/make_demo_documents.py     # rewrites them (fpdf2; the output is stable)
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from pathlib import Path

from bs4 import BeautifulSoup
from fpdf import FPDF

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "data" / "snapshot"


def committee_text() -> list[str]:
    page = SNAPSHOT / "democracy.northtyneside.gov.uk" / "ieIssueDetails.aspx?IId=24817&Opt=3"
    soup = BeautifulSoup(page.read_bytes(), "lxml")
    lines = [ln.strip() for ln in soup.get_text("\n").splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("1. Purpose of Report"))
    end = next((i for i, ln in enumerate(lines) if ln.startswith("Minutes:")), len(lines))
    return lines[start:end]


def govuk_text(slug: str) -> list[str]:
    page = SNAPSHOT / "www.gov.uk" / "api" / "content" / "government" / "publications" / slug
    data = json.loads(page.read_text(encoding="utf-8"))
    body = BeautifulSoup(data["details"].get("body", ""), "lxml").get_text("\n")
    return [data["description"], *[ln.strip() for ln in body.splitlines() if ln.strip()]]


def write_pdf(path: Path, front: list[str], source: str, lines: list[str], per_page: int) -> None:
    doc = FPDF()
    doc.set_creation_date(datetime(2021, 4, 12))
    doc.set_title(front[0])
    doc.set_auto_page_break(auto=True, margin=20)
    doc.add_page()
    doc.set_font("Helvetica", "B", 18)
    for line in front:
        doc.multi_cell(0, 10, _latin(line), new_x="LMARGIN", new_y="NEXT")
    doc.ln(8)
    doc.set_font("Helvetica", size=10)
    note = (
        f"Demo copy made by scr-digest from the public text of {source}. "
        "It is not the publisher's file: see scripts/make_demo_documents.py."
    )
    doc.multi_cell(0, 5, _latin(note), new_x="LMARGIN", new_y="NEXT")
    doc.set_font("Helvetica", size=11)
    for start in range(0, len(lines), per_page):
        doc.add_page()
        for line in lines[start : start + per_page]:
            doc.multi_cell(0, 6, _latin(line), new_x="LMARGIN", new_y="NEXT")
            doc.ln(2)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(doc.output()))
    print(f"{path.relative_to(ROOT)}: {len(doc.pages)} pages")


def _latin(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"[^\x20-\xff]", "", text)


def main() -> int:
    write_pdf(
        SNAPSHOT / "www.northtynesidescp.org.uk/wp-content/uploads/2021/04/SCR-Jasmine-Final-Report.pdf",
        ["North Tyneside Safeguarding Children Partnership", "Serious Case Review: Jasmine",
         "Published 12 April 2021"],
        "North Tyneside Council's committee report on the review (8 July 2021, item 5)",
        committee_text(), per_page=9,
    )  # fmt: skip
    write_pdf(
        SNAPSHOT / "assets.publishing.service.gov.uk/media/5f102a46f1abb1afb26a1320/Out_of_routine_summary.pdf",
        ["Child Safeguarding Practice Review Panel", "Out of routine: summary",
         "Published July 2020"],
        "GOV.UK's page for the review",
        govuk_text("safeguarding-children-at-risk-of-sudden-unexpected-death-in-infancy"),
        per_page=4,
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
