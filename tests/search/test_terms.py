import unicodedata

from django.test import SimpleTestCase

from search.terms import FOLDED_MARKER, QueryTerms, index_text


class IndexTextTests(SimpleTestCase):
    def test_words_with_diacritics_get_a_marked_folded_copy(self):
        self.assertEqual(
            index_text("Khoa học ĐỀ TÀI"),
            f"khoa học đề tài {FOLDED_MARKER}hoc {FOLDED_MARKER}de {FOLDED_MARKER}tai",
        )

    def test_text_typed_without_diacritics_is_not_stored_twice(self):
        self.assertEqual(index_text("khoa hoc"), "khoa hoc")

    def test_decomposed_text_is_stored_composed(self):
        decomposed = unicodedata.normalize("NFD", "Sơn La")
        self.assertEqual(index_text(decomposed), index_text("Sơn La"))

    def test_punctuation_and_underscores_separate_words(self):
        self.assertEqual(index_text("KH&CN: a_b"), "kh cn a b")


class QueryTermsTests(SimpleTestCase):
    def test_every_spelling_folds_to_the_same_words(self):
        spellings = [
            "đề tài",
            "de tai",
            "ĐỀ TÀI",
            "Đề Tài",
            unicodedata.normalize("NFD", "đề tài"),
            "dề tai",
        ]
        for spelling in spellings:
            with self.subTest(spelling=spelling):
                self.assertEqual(QueryTerms(spelling).folded, ["de", "tai"])

    def test_operators_and_quotes_are_not_words(self):
        self.assertFalse(QueryTerms("& | ! ( ) : * <-> \" ' \x00"))
        self.assertEqual(QueryTerms("'khoa' & \"học\"").words, ["khoa", "học"])

    def test_absurd_queries_are_bounded(self):
        terms = QueryTerms(" ".join(["chữ"] * 1000) + " " + "a" * 100_000)
        self.assertLessEqual(len(terms.words), 12)
        self.assertTrue(all(len(word) <= 60 for word in terms.words))
