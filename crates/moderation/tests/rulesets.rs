//! Rule sets are data: mistakes in them are reported with file, line and what to do.

use davar_moderation::{Comment, Engine, Kind, MemoryStore, NoClauses, RuleSources, Verdict};

const HEADER: &str = "name: reviews.fa\nversion: 3\nkind: review\nlangs: [fa]\nrules:\n";

fn errors(yaml: &str, lexicons: &[(&str, &str)]) -> Vec<String> {
    let mut sources = RuleSources::new();
    sources.add_rule_set("rules/reviews.fa.yaml", yaml);
    for (name, text) in lexicons {
        sources.add_lexicon(*name, format!("rules/lexicons/{name}.txt"), *text);
    }
    match Engine::new(&sources, &NoClauses) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

const MESSAGE: &str = "    message: {fa: \"پیام\", en: \"message\"}\n";

#[test]
fn an_unknown_key_names_its_line_and_the_key() {
    let yaml = format!("{HEADER}  - code: links/url\n    severty: reject\n{MESSAGE}");
    let errs = errors(&yaml, &[("tlds-ambiguous", "md\n")]);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with(
            "rules/reviews.fa.yaml:7: rules[0]: unknown field `severty`, expected one of"
        ),
        "{errs:?}"
    );
}

#[test]
fn an_unknown_code_points_to_davar_rules() {
    let yaml = format!("{HEADER}  - code: contacts/fax\n{MESSAGE}");
    let errs = errors(&yaml, &[]);
    assert_eq!(
        errs,
        [
            "rules/reviews.fa.yaml:6: unknown rule code `contacts/fax`: run `davar rules` for the list of codes"
        ]
    );
}

#[test]
fn a_missing_lexicon_and_an_unknown_parameter_are_errors() {
    let yaml = format!(
        "{HEADER}  - code: placement/other-store\n{MESSAGE}  - code: qa/too-long\n{MESSAGE}    params: {{max_words: 3}}\n"
    );
    let errs = errors(&yaml, &[]);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs[0].contains(":6: rule `placement/other-store`: lexicon `stores.fa` (parameter `stores`) not found: expected rules/lexicons/stores.fa.txt"),
        "{errs:?}"
    );
    assert!(
        errs[1]
            .contains(":10: rule `qa/too-long` has no parameter `max_words` (allowed: max_chars)"),
        "{errs:?}"
    );
}

#[test]
fn the_name_must_match_the_file_and_clauses_must_be_well_formed() {
    let yaml = "name: reviews.en\nversion: 1\nkind: review\nlangs: [fa]\nrules:\n  - code: style/kashida\n    clause: terms\n    message: {fa: \"x\", en: \"y\"}\n";
    let errs = errors(yaml, &[]);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs[0].contains(":1: rule set is named `reviews.en` but its file is `reviews.fa`"),
        "{errs:?}"
    );
    assert!(
        errs[1].contains(":7: clause `terms` must look like `terms#reviews-no-links`"),
        "{errs:?}"
    );
}

#[test]
fn a_minimal_rule_set_judges_and_cites_its_clause() {
    let yaml =
        format!("{HEADER}  - code: style/kashida\n    clause: terms#reviews-style\n{MESSAGE}");
    let mut sources = RuleSources::new();
    sources.add_rule_set("rules/reviews.fa.yaml", yaml);
    let resolver =
        |doc: &str, clause: &str, lang: &str| Some(format!("/{lang}/{doc}/v9/#{clause}"));
    let engine = Engine::new(&sources, &resolver).expect("valid");
    let comment = Comment {
        kind: Kind::Review,
        title: Some("عالی".into()),
        body: "خـــوب".into(),
        lang: "fa".into(),
        ..Comment::default()
    };
    let result = engine
        .moderate(&comment, &MemoryStore::new())
        .expect("moderates");
    assert_eq!(result.ruleset, "reviews.fa@3");
    assert_eq!(result.violations.len(), 1);
    assert_eq!(
        result.violations[0].clause.as_deref(),
        Some("/fa/terms/v9/#reviews-style")
    );
    assert_eq!(result.fixed.as_ref().map(|f| f.body.as_str()), Some("خوب"));
    let other = Comment {
        lang: "de".into(),
        ..comment
    };
    let err = engine.moderate(&other, &MemoryStore::new()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no rule set for kind `review` and language `de`"
    );
}

#[test]
fn dsa_categories_come_from_the_rule_or_the_set_and_are_spelled_as_the_database_does() {
    let header = "name: reviews.fa\nversion: 3\nkind: review\nlangs: [fa]\n";
    let default = "dsa_category: STATEMENT_CATEGORY_OTHER_VIOLATION_TC\n";
    let own = "    dsa_category: STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS\n";
    let yaml = format!(
        "{header}{default}rules:\n  - code: style/kashida\n{MESSAGE}  - code: contacts/email\n{own}{MESSAGE}"
    );
    let mut sources = RuleSources::new();
    sources.add_rule_set("rules/reviews.fa.yaml", yaml.as_str());
    let engine = Engine::new(&sources, &NoClauses).expect("valid");
    let set = engine.rule_set_for(Kind::Review, "fa").expect("the set");
    let categories: Vec<_> = set
        .rules
        .iter()
        .map(|r| (r.code.as_str(), r.dsa_category.as_deref()))
        .collect();
    assert_eq!(
        categories,
        [
            (
                "style/kashida",
                Some("STATEMENT_CATEGORY_OTHER_VIOLATION_TC")
            ),
            (
                "contacts/email",
                Some("STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS")
            ),
        ]
    );

    let misspelt = yaml.replace("DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", "PRIVACY");
    let errs = errors(&misspelt, &[]);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with(
            "rules/reviews.fa.yaml:10: `dsa_category: STATEMENT_CATEGORY_PRIVACY` is not a Transparency Database category; use one of STATEMENT_CATEGORY_ANIMAL_WELFARE,"
        ),
        "{errs:?}"
    );
}

#[test]
fn whether_a_repair_removes_content_comes_from_the_rule_unless_the_set_says_otherwise() {
    let catalog = davar_moderation::catalog();
    let removes = |code: &str| {
        catalog
            .iter()
            .find(|r| r.code == code)
            .unwrap()
            .removes_content
    };
    assert!(removes("style/emoji"), "an emoji is the author's meaning");
    for form in [
        "style/whitespace",
        "style/kashida",
        "style/repeated-letters",
        "style/punctuation",
        "style/half-space",
        "script/arabic-letters",
    ] {
        assert!(!removes(form), "{form} changes form only");
    }
    // Only a repair can remove content.
    for rule in catalog.iter().filter(|r| r.removes_content) {
        assert!(
            rule.fixable,
            "{} removes content but repairs nothing",
            rule.code
        );
    }

    let yaml = format!(
        "{HEADER}  - code: style/emoji\n{MESSAGE}  - code: style/kashida\n    removes_content: true\n{MESSAGE}  - code: style/whitespace\n{MESSAGE}"
    );
    let mut sources = RuleSources::new();
    sources.add_rule_set("rules/reviews.fa.yaml", yaml.as_str());
    let engine = Engine::new(&sources, &NoClauses).expect("valid");
    let set = engine.rule_set_for(Kind::Review, "fa").expect("the set");
    let configured: Vec<_> = set
        .rules
        .iter()
        .map(|r| (r.code.as_str(), r.removes_content))
        .collect();
    assert_eq!(
        configured,
        [
            ("style/emoji", true),
            ("style/kashida", true),
            ("style/whitespace", false)
        ]
    );
    let kept = yaml.replacen(
        "  - code: style/emoji\n",
        "  - code: style/emoji\n    removes_content: false\n",
        1,
    );
    let mut sources = RuleSources::new();
    sources.add_rule_set("rules/reviews.fa.yaml", kept.as_str());
    let engine = Engine::new(&sources, &NoClauses).expect("valid");
    let set = engine.rule_set_for(Kind::Review, "fa").expect("the set");
    assert!(
        !set.rules[0].removes_content,
        "legal's choice: {:?}",
        set.rules[0]
    );

    // A rule that repairs nothing takes no `removes_content`.
    let yaml = format!("{HEADER}  - code: contacts/email\n    removes_content: true\n{MESSAGE}");
    let errs = errors(&yaml, &[]);
    assert_eq!(
        errs,
        [
            "rules/reviews.fa.yaml:7: rule `contacts/email` repairs nothing, so `removes_content` does not apply to it: remove the line (only rules that repair take it; `davar rules` shows which)"
        ]
    );
}

#[test]
fn queue_rejects_keeps_a_rejected_question_stored_for_the_moderator() {
    for queue in [false, true] {
        let setting = if queue { "queue_rejects: true\n" } else { "" };
        let yaml = format!(
            "name: questions.fa\nversion: 1\nkind: question\nlangs: [fa]\n{setting}rules:\n  \
             - code: qa/duplicate\n{MESSAGE}  - code: qa/too-long\n    severity: reject\n{MESSAGE}    \
             params: {{max_chars: 10}}\n"
        );
        let mut sources = RuleSources::new();
        sources.add_rule_set("rules/questions.fa.yaml", yaml);
        let engine = Engine::new(&sources, &NoClauses).expect("valid");
        let set = engine.rule_set_for(Kind::Question, "fa").expect("the set");
        assert_eq!(set.queue_rejects, queue);
        let store = MemoryStore::new();
        let comment = Comment {
            kind: Kind::Question,
            product: Some("p-1".into()),
            body: "این گوشی ضد آب است یا نه؟".into(),
            lang: "fa".into(),
            ..Comment::default()
        };
        let first = engine.moderate(&comment, &store).expect("moderates");
        assert_eq!(first.verdict, Verdict::Reject, "{first:?}");
        // Refused outright, the question gives its place up; waiting for a moderator, it keeps
        // it, so the same question again is a duplicate.
        let again = engine.moderate(&comment, &store).expect("moderates");
        let duplicate = again.violations.iter().any(|v| v.code == "qa/duplicate");
        assert_eq!(duplicate, queue, "queue_rejects: {queue}: {again:?}");
    }
}

#[test]
fn a_long_comment_full_of_violations_is_judged_quickly() {
    let sources = RuleSources::read_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules"),
    )
    .expect("rules readable");
    let engine = Engine::new(&sources, &NoClauses).expect("valid");
    // 19,000 code points, thousands of punctuation, emoji and whitespace violations.
    let body = "خیلییی  خوب!!! 😍 ".repeat(1000);
    let comment = Comment {
        title: Some("عالی".into()),
        body,
        ..Comment::default()
    };
    let start = std::time::Instant::now();
    let result = engine
        .moderate(&comment, &MemoryStore::new())
        .expect("moderates");
    assert!(
        result.violations.len() >= 4000,
        "{}",
        result.violations.len()
    );
    let fixed = result.fixed.expect("fixable");
    assert!(!fixed.body.contains("!!!") && !fixed.body.contains('😍'));
    // Debug build on a shared machine: generous, but quadratic work would take minutes.
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

#[test]
fn a_gap_without_words_on_both_sides_names_the_entry_and_its_lexicon() {
    let yaml = format!(
        "{HEADER}  - code: prices/question\n{MESSAGE}    params: {{phrases: price-questions.xx}}\n"
    );
    let errs = errors(&yaml, &[("price-questions.xx", "how much\nwhat did …\n")]);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].contains(
            "rule `prices/question`: `what did …` in rules/lexicons/price-questions.xx.txt: words must stand on both sides of `…`"
        ),
        "{errs:?}"
    );
}

#[test]
fn a_store_tagged_differently_in_two_lexicons_names_both() {
    let yaml = format!(
        "{HEADER}  - code: placement/other-store\n{MESSAGE}    params: {{stores: [stores.xa, stores.xb]}}\n"
    );
    let errs = errors(
        &yaml,
        &[
            ("stores.xa", "bigmarket\tword\n"),
            ("stores.xb", "bigmarket\n"),
            ("shopping.fa", "خرید\n"),
            ("store-senses.fa", ""),
            ("common-words", "market\n"),
        ],
    );
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].contains(
            "rules/lexicons/stores.xb.txt: `bigmarket` is tagged nothing here and `word` in rules/lexicons/stores.xa.txt: give it one tag"
        ),
        "{errs:?}"
    );
    // The same tag twice is fine.
    let ok = errors(
        &yaml,
        &[
            ("stores.xa", "bigmarket\tword\n"),
            ("stores.xb", "bigmarket\tword\n"),
            ("shopping.fa", "خرید\n"),
            ("store-senses.fa", ""),
            ("common-words", "market\n"),
        ],
    );
    assert!(ok.is_empty(), "{ok:?}");
}
