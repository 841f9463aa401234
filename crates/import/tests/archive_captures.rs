//! What an archive import makes of captures that are not the document: a page captured in
//! another language (an outage notice, the page served in another locale) and a service whose
//! directory name carries stray spaces.

mod common;
use common::{capture_in, git};

use davar_import::{ImportError, Options, ota};

const TERMS: &str = "# Terms of use\n\nThese terms apply to every order that a customer places in our shop. We deliver the goods within five working days, and a customer may return them within fourteen days of delivery without giving any reason for the return.\n";

const TERMS_2: &str = "# Terms of use\n\nThese terms apply to every order that a customer places in our shop. We deliver the goods within three working days, and a customer may return them within thirty days of delivery without giving any reason for the return.\n";

/// A short maintenance notice in Dutch, of the kind an archive captures when the site is down.
const OUTAGE: &str = "# Even geduld\n\nOnze website is op dit moment niet bereikbaar door onderhoud aan onze systemen. We werken eraan en verwachten dat alles binnen een uur weer werkt. Probeer het later opnieuw.\n";

#[test]
fn a_capture_in_another_language_is_left_out_and_named() {
    let repo = tempfile::tempdir().unwrap();
    git(repo.path(), &["init", "-q"]);
    capture_in(repo.path(), "Shop ", TERMS.as_bytes(), "first");
    capture_in(repo.path(), "Shop ", OUTAGE.as_bytes(), "outage");
    capture_in(repo.path(), "Shop ", TERMS.as_bytes(), "back");
    capture_in(repo.path(), "Shop ", TERMS_2.as_bytes(), "changed");
    // Asked for in another case and without the stray space.
    let docs = ota::read(repo.path(), &["shop".into()], Some("terms of service")).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].service, "Shop");
    let doc = davar_import::from_ota(&docs[0], "versions", &Options::default());
    assert_eq!(doc.title, "Shop Terms of Service");
    assert_eq!(doc.lang, "en");
    assert_eq!(doc.left_out.len(), 1, "{:?}", doc.left_out);
    assert_eq!(doc.left_out[0].lang, "nl");
    assert!(doc.left_out[0].opening.starts_with("Even geduld"));
    // The capture after the outage has the words of the one before it: a reformatting, not a
    // new version of the terms.
    let kinds: Vec<&str> = doc.versions.iter().map(|v| v.change.as_str()).collect();
    assert_eq!(kinds, ["substantive", "editorial", "substantive"]);
}

#[test]
fn the_language_given_also_decides_what_is_left_out() {
    let repo = tempfile::tempdir().unwrap();
    git(repo.path(), &["init", "-q"]);
    capture_in(repo.path(), "Shop", TERMS.as_bytes(), "first");
    capture_in(repo.path(), "Shop", OUTAGE.as_bytes(), "outage");
    let docs = ota::read(repo.path(), &["Shop".into()], None).unwrap();
    let options = Options {
        lang: Some("nl".into()),
        ..Options::default()
    };
    let doc = davar_import::from_ota(&docs[0], "versions", &options);
    assert_eq!(doc.versions.len(), 1);
    assert!(doc.versions[0].body.contains("Even geduld"));
    assert_eq!(doc.left_out[0].lang, "en");
}

#[test]
fn a_service_not_found_lists_the_nearest_names_first() {
    let repo = tempfile::tempdir().unwrap();
    git(repo.path(), &["init", "-q"]);
    for service in ["Alpha", "Beta", "Gamma ", "Delta"] {
        capture_in(repo.path(), service, TERMS.as_bytes(), service);
    }
    let err = ota::read(repo.path(), &["Gama".into()], None).unwrap_err();
    let ImportError::NothingToImport { known, .. } = &err else {
        panic!("{err}");
    };
    assert_eq!(known[0], "Gamma/Terms of Service", "{known:?}");
    assert!(err.to_string().contains("no document of Gama"), "{err}");
}
