//! A generated policy set with one long history: sellers' terms in French with many versions,
//! each rewording a clause or two and now and then adding one, published every ten days. Used
//! by the linear-size test and by `examples/long_history.rs` (the timing of `davar build`).

use std::fmt::Write as _;
use std::path::Path;

use jiff::civil::{Date, date};

/// Document id of the generated terms.
pub const DOC: &str = "conditions-vendeurs";

/// Clauses of the first version; one more every sixteen versions.
const BASE_CLAUSES: usize = 24;

const TOPICS: &[&str] = &[
    "inscription du vendeur",
    "catalogue et fiches produit",
    "prix et promotions",
    "commandes et confirmation",
    "expédition et délais",
    "retours et remboursements",
    "avis des acheteurs",
    "classement des offres",
    "commissions et frais",
    "paiement des ventes",
    "suspension du compte",
    "résiliation",
    "réclamations des vendeurs",
    "médiation",
    "données personnelles",
    "propriété intellectuelle",
];

/// The date version `n` (from 1) is published; it takes effect 20 days later.
pub fn published(n: u32) -> Date {
    date(2010, 1, 4)
        .checked_add(jiff::Span::new().days(i64::from(n - 1) * 10))
        .expect("date in range")
}

/// Writes `site.yaml` and `versions` versions of [`DOC`] into `dir`.
pub fn write_long_history(dir: &Path, versions: u32) -> std::io::Result<()> {
    std::fs::write(
        dir.join("site.yaml"),
        "marketplace:\n  name: { fr: Marché Long }\n  brands: [Marché Long]\nbase_url: https://long.example\nlanguages: [fr]\nbinding_language: fr\nnotice_days: { consumers: 0, sellers: 15 }\n",
    )?;
    let doc_dir = dir.join(DOC);
    std::fs::create_dir_all(&doc_dir)?;
    for n in 1..=versions {
        std::fs::write(doc_dir.join(format!("v{n}.fr.md")), version_text(n))?;
    }
    Ok(())
}

/// The source of version `n`.
pub fn version_text(n: u32) -> String {
    let published = published(n);
    let effective = published
        .checked_add(jiff::Span::new().days(20))
        .expect("date in range");
    let clauses = BASE_CLAUSES + (n as usize - 1) / 16;
    let reworded = (n as usize * 7) % clauses;
    let mut text = format!(
        "---\nid: {DOC}\ntype: Terms of Service\nlang: fr\ntitle: Conditions générales des vendeurs\nversion: {n}\npublished: {published}\neffective: {effective}\naudience: [sellers]\nchange: substantive\nsummary: La clause {} est reformulée et le délai de traitement passe à {} jours.\n---\n\n",
        reworded + 1,
        5 + n % 9
    );
    for c in 0..clauses {
        let topic = TOPICS[c % TOPICS.len()];
        // Each clause keeps its wording until the version that rewords it.
        let revision = if c == reworded {
            n
        } else {
            last_rewording(c, n)
        };
        let days = 5 + revision % 9;
        let _ = write!(
            text,
            "## Article {} : {topic} {{#article-{}}}\n\n\
             Le vendeur respecte les règles relatives à {topic} dans leur rédaction {revision}. \
             La plateforme traite chaque demande dans un délai de {days} jours à compter de sa réception \
             et informe le vendeur par écrit des motifs de sa décision. Les conditions particulières \
             convenues avec un vendeur ne dérogent pas au présent article sauf accord exprès.\n\n\
             ```obligation\nid: traiter-demande-{}\nactor: platform\ntrigger: demande.recue\n\
             action: demande.traitee\nwithin: {days} days\n```\n\n\
             Les éléments suivants s'appliquent :\n\n\
             - le vendeur tient ses informations à jour ;\n\
             - la plateforme conserve une trace des échanges ;\n\
             - les litiges sont d'abord soumis au service des réclamations.\n\n",
            c + 1,
            c + 1,
            c + 1,
        );
    }
    text
}

/// The latest version up to `n` that reworded clause `c` (1 when none did).
fn last_rewording(c: usize, n: u32) -> u32 {
    (1..n)
        .rev()
        .find(|&m| {
            let clauses = BASE_CLAUSES + (m as usize - 1) / 16;
            (m as usize * 7) % clauses == c
        })
        .unwrap_or(1)
}
