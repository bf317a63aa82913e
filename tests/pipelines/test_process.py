"""The pipeline stages over the bundled sample, without Prefect."""
from __future__ import annotations

from pipelines.process import failed_result, guarded, process_path, split_documents_stage


def test_every_fact_is_grounded_in_the_source(sample_result, sample_text):
    assert sample_result.facts, "the sample has facts"
    for fact in sample_result.facts:
        assert sample_text[fact.char_start:fact.char_end] == fact.text


def test_every_fact_lies_in_its_document_and_section(sample_result):
    documents = {d.doc_id: d for d in sample_result.documents}
    sections = {s.section_id: s for s in sample_result.sections}
    for fact in sample_result.facts:
        document = documents[fact.doc_id]
        assert document.char_start <= fact.char_start < fact.char_end <= document.char_end
        if fact.section_id is not None:
            section = sections[fact.section_id]
            assert section.doc_id == fact.doc_id
            assert section.char_start <= fact.char_start < section.char_end


def test_documents_tile_the_source(sample_result, sample_text):
    documents = sample_result.documents
    assert documents[0].char_start == 0 and documents[-1].char_end == len(sample_text)
    for before, after in zip(documents, documents[1:]):
        assert before.char_end == after.char_start
    for document in documents:
        assert sample_text[document.char_start:document.char_end] == document.text


def test_sentence_contains_the_fact(sample_result):
    for fact in sample_result.facts:
        assert fact.text in fact.sentence


def test_a_missing_file_fails_with_its_name(tmp_path, segment):
    missing = tmp_path / "nope.txt"
    result = process_path(str(missing), segment)
    assert result.failed
    assert str(missing) in result.source.error


def test_a_crashing_stage_fails_only_that_source(sample_path):
    def explode(_result):
        raise RuntimeError("boom")

    explode.__name__ = "split_documents_stage"
    ok = failed_result("x.txt", "x.txt: earlier failure")
    assert guarded(explode, ok) is ok  # a failed source is passed through untouched
    from pipelines.process import read_stage

    fresh = read_stage(str(sample_path))
    failed = guarded(explode, fresh)
    assert failed.failed
    assert "boom" in failed.source.error and str(sample_path) in failed.source.error
    assert guarded(split_documents_stage, read_stage(str(sample_path))).documents


def test_spaces_around_place_names_do_not_fail_the_source(tmp_path, sample_text, segment):
    # pkuseg drops spaces, so its words do not tile such windows: names must still be real text.
    spaced = sample_text.replace("村", "村 ").replace("镇", " 镇 ")
    path = tmp_path / "spaced.txt"
    path.write_text(spaced, encoding="utf-8")
    result = process_path(str(path), segment)
    assert not result.failed, result.source.error
    assert len(result.facts) > 200
    for fact in result.facts:
        assert spaced[fact.char_start:fact.char_end] == fact.text
        if fact.place:
            assert fact.place in spaced


def test_a_result_pickled_before_slots_were_added_unpickles_with_them_empty(sample_result):
    import pickle

    from pipelines.process import SourceResult

    class PickledByAnEarlierHuibao:
        """Pickles as a SourceResult whose state has the slots of an earlier version only."""

        def __reduce_ex__(self, protocol):
            old_slots = {name: getattr(sample_result, name)
                         for name in ("source", "text", "documents", "sections", "facts", "checks", "tables")}
            return object.__new__, (SourceResult,), (None, old_slots)

    result = pickle.loads(pickle.dumps(PickledByAnEarlierHuibao()))
    assert type(result) is SourceResult
    assert (result.stacked, result.counted, result.tables) == (None, None, None)
    assert result.count("facts") == len(sample_result.facts) and result == sample_result
    assert pickle.loads(pickle.dumps(result)) == result
