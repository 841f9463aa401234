"""Unit tests of the suite readers on small inputs of our own (stdlib only, no suite needed).

    python3 -m unittest discover -s bench/detection -p 'test_*.py'
"""

import unittest

from score import Outcome
from suites import java_source, linkify, root_zone
from suites.cases import EMAIL, LINK, Case, in_persian
from suites.pytest_tables import tables


class LinkifyFormat(unittest.TestCase):
    def test_pairs_follow_the_blank_line_rule(self):
        text = "%\n% a remark\n%\nsee shop.example now\nshop.example\n\nwww.a.example\n\nx y % note\nx\n"
        self.assertEqual(
            linkify._pairs(text),
            [(4, "see shop.example now", "shop.example"), (7, "www.a.example", "www.a.example"), (9, "x y % note", "x")],
        )

    def test_unreachable_hosts(self):
        self.assertEqual(linkify.unreachable("http://localhost:8000"), "localhost")
        self.assertEqual(linkify.unreachable("http://10.1.2.3/x"), "private IP")
        self.assertEqual(linkify.unreachable("//intranet"), "single-label host")
        self.assertEqual(linkify.unreachable("mailto:me@box"), "single-label host")
        self.assertIsNone(linkify.unreachable("8.8.4.4"))
        self.assertIsNone(linkify.unreachable("http://user:pw@shop.example:81/a"))

    def test_email_or_link(self):
        self.assertTrue(linkify.is_email("MAILTO:A@B.EXAMPLE"))
        self.assertTrue(linkify.is_email("a.b@c.example"))
        self.assertFalse(linkify.is_email("http://u@c.example"))


class RootZone(unittest.TestCase):
    def test_last_labels_of_the_icann_section_only(self):
        text = (
            "// a header\nbefore\n// ===BEGIN ICANN DOMAINS===\n// shop : a registry\nshop\n"
            "co.za\n*.ck\n!www.ck\nایران\n\n// ===END ICANN DOMAINS===\n"
            "// ===BEGIN PRIVATE DOMAINS===\nblogspot.example\n"
        )
        self.assertEqual(root_zone.tlds(text), {"shop", "za", "ck", "ایران"})

    def test_a_list_without_its_section_is_refused(self):
        with self.assertRaises(SystemExit):
            root_zone.tlds("com\nnet\n")


class JavaSource(unittest.TestCase):
    SRC = (
        'void t() {\n  find("+1 (650)", RegionCode.US);\n  find("\\uFF0B1" +\n'
        '      " 2", null);\n}\n'
        "private static final NumberTest[] CASES = {\n"
        '  new NumberTest("12\\"3", RegionCode.DE),\n};\n'
        'void ctx() { l.add(new NumberContext("a ", "")); }\n'
    )

    def test_calls_with_concatenation_and_null_region(self):
        self.assertEqual(java_source.calls(self.SRC, "find"), [(2, "+1 (650)", "US"), (3, "\uff0b1 2", None)])

    def test_blocks_and_pairs(self):
        body, line = java_source.block(self.SRC, "NumberTest[] CASES")
        self.assertEqual(line, 6)
        self.assertEqual(java_source.calls(body, "new NumberTest"), [(2, '12"3', "DE")])
        ctx, _ = java_source.block(self.SRC, "void ctx")
        self.assertEqual(java_source.pairs(ctx, "new NumberContext"), [("a ", "")])


class PytestTables(unittest.TestCase):
    def test_literal_rows_and_calls(self):
        src = (
            "import pytest\n"
            "@pytest.mark.parametrize('text,n', [('a@b.example', 1), ('none', 0)])\n"
            "def test_a(text, n): pass\n"
            "@pytest.mark.parametrize(('x', 'out'), [('q', Make(k=1))])\n"
            "def test_b(x, out): pass\n"
            "@pytest.mark.parametrize('only', [('one'), ('two')])\n"
            "def test_c(only): pass\n"
        )
        t = tables(src, "t.py")
        self.assertEqual(t["test_a"], [{"text": "a@b.example", "n": 1}, {"text": "none", "n": 0}])
        self.assertEqual(t["test_b"], [{"x": "q", "out": None}])
        self.assertEqual(t["test_c"], [{"only": "one"}, {"only": "two"}])


class Scoring(unittest.TestCase):
    def hit(self, code, start, end):
        return {"code": code, "severity": "reject", "start": start, "end": end}

    def test_found_needs_the_family_on_the_target(self):
        case = Case("s", "pos", "go to a.example now", "en", families=LINK, targets=[(6, 15)])
        self.assertTrue(Outcome(case, [self.hit("links/url", 6, 15)]).ok)
        other = Outcome(case, [self.hit("contacts/social", 6, 15)])
        self.assertFalse(other.ok)
        self.assertTrue(other.other)
        self.assertFalse(Outcome(case, [self.hit("links/url", 0, 2)]).ok)

    def test_negatives_count_only_their_family(self):
        case = Case("s", "neg", "x", "en", families=EMAIL)
        self.assertTrue(Outcome(case, [self.hit("contacts/email", 0, 1)]).flagged)
        o = Outcome(case, [self.hit("links/url", 0, 1)])
        self.assertFalse(o.flagged)
        self.assertTrue(o.other)

    def test_persian_carrier_target_is_the_item(self):
        case = in_persian("s", "shop.example", LINK, 3)
        a, b = case.targets[0]
        self.assertEqual(case.body[a:b], "shop.example")
        self.assertEqual(case.lang, "fa")


if __name__ == "__main__":
    unittest.main()
