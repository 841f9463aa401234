use super::*;
use crate::duration::Duration;

fn block(text: &str) -> Obligation {
    let raw = RawBlock {
        text: text.to_string(),
        line: 1,
    };
    parse_block(&raw, "c").expect("block parses")
}

const ACKNOWLEDGE: &str = "id: acknowledge\nactor: platform\ntrigger: complaint.received\naction: complaint.acknowledged\nwithin: 24 hours\nrequires: [reference-number]\n";

#[test]
fn the_vocabulary_parses_and_covers_every_language() {
    for (name, words) in &VOCABULARY.events {
        for forms in [words.after.len(), words.act.len(), words.condition.len()] {
            assert!(
                forms == 0 || forms == 4,
                "{name}: every form in en, fr, de and fa"
            );
        }
    }
    for (name, words) in &VOCABULARY.requirements {
        assert_eq!(words.len(), 4, "{name}");
    }
}

#[test]
fn a_platform_deadline_in_each_language() {
    let ob = block(ACKNOWLEDGE);
    assert_eq!(
        sentence(&ob, "en"),
        "We acknowledge the complaint within 24 hours after it is received, with a reference number."
    );
    assert_eq!(
        sentence(&ob, "fr"),
        "Nous nous engageons à accuser réception de la réclamation dans les 24 heures suivant sa réception, avec un numéro de référence."
    );
    assert_eq!(
        sentence(&ob, "de"),
        "Wir werden den Eingang der Beschwerde innerhalb von 24 Stunden nach ihrem Eingang mit einer Referenznummer bestätigen."
    );
    assert_eq!(
        sentence(&ob, "fa"),
        "ما ظرف ۲۴ ساعت پس از دریافت شکایت، همراه با شماره‌ی پیگیری، دریافت شکایت را تأیید می‌کنیم."
    );
}

#[test]
fn minimum_periods_ranges_and_conditions() {
    let ob = block(
        "id: n\nactor: platform\ntrigger: termination.notified\naction: termination.effective\nat-least: 30 days\n",
    );
    assert_eq!(
        sentence(&ob, "de"),
        "Wir werden die Kündigung frühestens 30 Tage nach ihrer Mitteilung wirksam werden lassen."
    );
    let ob = block(
        "id: r\nactor: platform\ntrigger: order.failed\naction: refund.paid\nwithin: 24 to 48 working hours\n",
    );
    assert_eq!(
        sentence(&ob, "fa"),
        "ما ظرف ۲۴ تا ۴۸ ساعت کاری پس از ناموفق شدن سفارش، مبلغ پرداختی را بازمی‌گردانیم."
    );
    let ob = block(
        "id: e\nactor: platform\ntrigger: complaint.received\naction: complaint.escalated\nwithin: 5 working days\nunless: [complaint.resolved]\n",
    );
    assert_eq!(
        sentence(&ob, "en"),
        "We escalate the complaint within 5 working days after it is received, unless the complaint is resolved first."
    );
    assert_eq!(ob.limit.duration(), &Duration::WorkingDays(5));
}

#[test]
fn sellers_must_and_buyers_can() {
    let ob = block(
        "id: s\nactor: seller\ntrigger: complaint.forwarded\naction: seller.replied\nwithin: 2 working days\n",
    );
    assert_eq!(
        sentence(&ob, "en"),
        "The seller must reply within 2 working days after the complaint is forwarded to them."
    );
    assert_eq!(
        sentence(&ob, "de"),
        "Der Verkäufer muss innerhalb von 2 Arbeitstagen nach der Weiterleitung der Beschwerde antworten."
    );
    let ob = block(
        "id: b\nactor: buyer\ntrigger: order.delivered\naction: damage.reported\nwithin: 24 working hours\nrequires: [carrier-report]\n",
    );
    assert_eq!(
        sentence(&ob, "fr"),
        "L’acheteur peut signaler le dommage dans les 24 heures ouvrables suivant la livraison de la commande, avec le constat du transporteur."
    );
}

#[test]
fn unknown_events_are_named_rather_than_guessed() {
    let ob = block(
        "id: x\nactor: platform\ntrigger: parcel.lost\naction: voucher.sent\nwithin: 1 day\n",
    );
    assert_eq!(
        sentence(&ob, "en"),
        "We complete the step “voucher.sent” within 1 day after the step “parcel.lost”."
    );
}
