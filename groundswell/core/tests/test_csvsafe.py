import csv
import io

import pytest

from groundswell.core.csvsafe import csv_text, safe_cell


@pytest.mark.parametrize("text", ["=1+1", "+33 6 12", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_starts_like_a_formula_gets_a_leading_apostrophe(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Awa", "awa@example.org", "a=b", "", 12, 1.5])
def test_an_ordinary_cell_is_written_as_it_is(value):
    assert safe_cell(value) == str(value)


def test_none_is_an_empty_cell():
    assert safe_cell(None) == ""


def test_a_negative_number_is_written_as_text_rather_than_risk_a_formula():
    assert safe_cell(-3) == "'-3"


def test_the_document_reads_back_with_every_cell_made_safe():
    text = csv_text(["name", "note"], [['=HYPERLINK("http://x")', "hello, world"]])

    rows = list(csv.reader(io.StringIO(text)))

    assert rows == [["name", "note"], ['\'=HYPERLINK("http://x")', "hello, world"]]
