"""A month's digest as a PDF for board papers (fpdf2: pure Python, nothing to install).

Text is drawn as text, never interpreted, so scraped text cannot become markup here; links are
only the http(s) ones the digest already checked. A Unicode font (DejaVu Sans) is used when the
system has it; otherwise the core font, with typographic characters turned into plain ones.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from crawler.normalise.text import document_tail

from .digest import STATUS_LABELS, Digest, document_url, month_name

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/Library/Fonts"), Path("C:/Windows/Fonts")]  # fmt: skip
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...",
                        "•": "-", "\u00a0": " "})  # fmt: skip


class _Pdf(FPDF):
    def __init__(self, digest: Digest, site: str):
        super().__init__(format="A4")
        self.digest, self.site = digest, site
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, 16)
        self.unicode = False
        for folder in FONT_DIRS:
            regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
            if regular.exists() and bold.exists():
                self.add_font("Body", "", str(regular))
                self.add_font("Body", "B", str(bold))
                self.unicode = True
                break

    def text_of(self, value) -> str:
        text = " ".join(str(value or "").split())
        if self.unicode:
            return text
        return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font("Body" if self.unicode else "Helvetica", "B" if bold else "", size)

    def footer(self):
        self.set_y(-12)
        self.font(7.5)
        self.set_text_color(110)
        self.cell(0, 5, self.text_of(f"scr-digest · {self.digest.title} · page {self.page_no()}"),
                  align="C")  # fmt: skip
        self.set_text_color(0)

    def para(self, text: str, size: float = 9.5, bold: bool = False, gap: float = 1.5) -> None:
        self.font(size, bold)
        self.multi_cell(0, size * 0.5, self.text_of(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)


def render_pdf(digest: Digest, site_url: str | None = None) -> bytes:
    site = (site_url or "").rstrip("/")
    pdf = _Pdf(digest, site)
    pdf.add_page()
    pdf.para("scr-digest · monthly digest", 8)
    pdf.para(digest.title, 20, bold=True, gap=2)
    total = len(digest.reviews)
    if total:
        pdf.para(
            f"{total} review{'s' if total != 1 else ''}: {digest.published_count} first published"
            f" in {month_name(digest.year, digest.month)}, {digest.found_count} newly found this"
            " month whose publication month is not known.",
            10.5,
            gap=4,
        )
    else:
        pdf.para(
            f"No reviews were published or newly found in {month_name(digest.year, digest.month)}."
        )
    for group in digest.groups:
        heading = group.label if group.nation == "National" else f"{group.nation}: {group.label}"
        pdf.ln(2)
        pdf.para(f"{heading} ({len(group.reviews)})", 13, bold=True, gap=1)
        pdf.set_draw_color(40)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(2)
        for review in group.reviews:
            pdf.para(f"{review.year or 'Undated'} – {review.area} – {review.name}", 11, bold=True,
                     gap=0.5)  # fmt: skip
            when = (
                f"Published {review.published}"
                if review.basis == "published"
                else f"Newly found {(review.first_seen or '')[:10]}; published"
                f" {review.published or 'date not given'}"
            )
            if review.status and review.status != "published":
                when += f" · {STATUS_LABELS.get(review.status, review.status)}"
            pdf.set_text_color(90)
            pdf.para(when, 8.5, gap=1)
            pdf.set_text_color(0)
            if review.summary:
                pdf.para(review.summary)
            if review.themes:
                pdf.para("Themes: " + "; ".join(review.themes), 9)
            if review.recommendations:
                pdf.para("Recommendations: " + review.recommendations, 9)
            for doc in review.documents:
                pdf.font(9)
                pdf.set_text_color(29, 78, 216)
                label = doc["label"] + document_tail(doc["label"], doc.get("title"))
                if doc.get("note"):
                    label += f" ({doc['note']})"
                pdf.multi_cell(0, 4.5, pdf.text_of(label), link=document_url(doc, site), new_x="LMARGIN",
                               new_y="NEXT")  # fmt: skip
                pdf.set_text_color(0)
            if site:
                pdf.font(8)
                pdf.set_text_color(90)
                pdf.cell(0, 4.5, pdf.text_of(f"{site}/reviews/reviews/{review.id}"),
                         link=f"{site}/reviews/reviews/{review.id}", new_x="LMARGIN", new_y="NEXT")  # fmt: skip
                pdf.set_text_color(0)
            pdf.ln(3)
    return bytes(pdf.output())
