"""The Voice of America article reader (M2E2 sentences rebuilt into articles), on files written for the test."""

import gzip
import json
from datetime import date

from eventwire.evaluate.gold import read_voa_articles


def write_folder(tmp_path):
    first = [
        {"sentence_id": "VOA_EN_NW_2016.03.04.999_10", "sentence": "Police arrested two men."},
        {"sentence_id": "VOA_EN_NW_2016.03.04.999_2", "sentence": "Bomb hits market in Dorvale"},
    ]
    second = [
        {"sentence_id": "VOA_EN_NW_2016.03.04.999_9", "sentence": "The blast killed four."},
        {"sentence_id": "VOA_EN_NW_2015.11.30.123_1", "sentence": "Leaders met in Paris."},
    ]
    (tmp_path / "text_only_event.json.gz").write_bytes(gzip.compress(json.dumps(first).encode("utf-8")))
    (tmp_path / "text_multimedia_event.json").write_text(json.dumps(second), encoding="utf-8")
    return tmp_path


def test_sentences_of_both_files_join_in_number_order_dated_by_the_id(tmp_path):
    articles = read_voa_articles(write_folder(tmp_path))
    assert sorted(articles) == ["voa-2015.11.30.123", "voa-2016.03.04.999"]
    article = articles["voa-2016.03.04.999"]
    assert article.text == "Bomb hits market in Dorvale\nThe blast killed four.\nPolice arrested two men."
    assert article.published_at == date(2016, 3, 4)
    assert articles["voa-2015.11.30.123"].text == "Leaders met in Paris."
