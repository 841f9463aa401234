//! End-to-end: the real `davar serve` binary on a free loopback port, with the SQLite store,
//! API keys, graceful shutdown and refusal to start on broken sources.

use crate::server_support::{Server, get, has_code, post_json, workspace};
use davar_tests::copy_dir;
use serde_json::json;

#[test]
fn serve_moderates_pages_and_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("q.db").display());
    let server = Server::start(&["--store", &db]);
    assert_eq!(get(&format!("{}/healthz", server.url)).status, 200);
    let ready = get(&format!("{}/readyz", server.url));
    assert_eq!(ready.status, 200, "{}", ready.body);

    let review =
        json!({"id": "e2e-1", "title": "خوب", "body": "برای خرید عمده به ۰۹۳۵-۱۱۱-۲۲۳۳ زنگ بزنید"});
    let reply = post_json(&format!("{}/v1/moderate", server.url), &review, None);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let result = reply.json();
    assert_eq!(result["verdict"], "reject");
    assert!(has_code(&result, "contacts/phone"), "{result}");

    let page = get(&format!("{}/fa/terms/", server.url));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("dir=\"rtl\""));
    assert_eq!(get(&format!("{}/moderate", server.url)).status, 200);

    let status = server.stop();
    assert!(status.success(), "exit status after SIGTERM: {status}");
}

#[test]
fn a_request_in_flight_at_sigterm_still_gets_its_answer() {
    use std::io::{Read, Write};
    let server = Server::start(&["--store", "memory:"]);
    let body =
        json!({"id": "late", "title": "نظر", "body": "پارچه‌اش نرمه و رنگش بعد از شستشو نرفت"})
            .to_string();
    let (head, tail) = body.as_bytes().split_at(body.len() / 2);
    let addr = server.url.trim_start_matches("http://").to_owned();
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "POST /v1/moderate HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    stream.write_all(head).unwrap();
    stream.flush().unwrap();
    // Half the body is in: the request is in flight when SIGTERM arrives.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let pid = server.pid().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    stream.write_all(tail).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"id\":\"late\""), "{response}");
    let status = server.stop_signalled();
    assert!(status.success(), "{status}");
}

#[test]
fn post_deadline_answers_what_davar_deadline_prints() {
    let args = [
        "--doc",
        "dispute-policy",
        "--obligation",
        "resolve-complaint",
        "--at",
        "2026-11-19T17:30:00+03:30",
        "--lang",
        "fa",
    ];
    let cli = std::process::Command::new(davar_tests::davar_bin())
        .current_dir(workspace())
        .arg("deadline")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        cli.status.success(),
        "{}",
        String::from_utf8_lossy(&cli.stderr)
    );
    let printed: serde_json::Value = serde_json::from_slice(&cli.stdout).unwrap();
    let server = Server::start(&["--store", "memory:"]);
    let request = json!({"doc": "dispute-policy", "obligation": "resolve-complaint",
        "at": "2026-11-19T17:30:00+03:30", "lang": "fa"});
    let reply = post_json(&format!("{}/v1/deadline", server.url), &request, None);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json(), printed);
    assert!(
        !printed["skipped"].as_array().unwrap().is_empty(),
        "working days skip Fridays: {printed}"
    );
}

#[test]
fn the_sqlite_store_remembers_questions_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("questions.db").display());
    let question = json!({"kind": "question", "lang": "fa", "product": "lamp-42",
        "body": "نور این چراغ مطالعه قابل تنظیمه؟"});
    let first = Server::start(&["--store", &db]);
    let reply = post_json(&format!("{}/v1/moderate", first.url), &question, None);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(!has_code(&reply.json(), "qa/duplicate"), "{}", reply.body);
    assert!(first.stop().success());

    let second = Server::start(&["--store", &db]);
    let reply = post_json(&format!("{}/v1/moderate", second.url), &question, None);
    assert!(has_code(&reply.json(), "qa/duplicate"), "{}", reply.body);
    // Another product has its own questions.
    let other =
        json!({"kind": "question", "lang": "fa", "product": "lamp-43", "body": question["body"]});
    let reply = post_json(&format!("{}/v1/moderate", second.url), &other, None);
    assert!(!has_code(&reply.json(), "qa/duplicate"), "{}", reply.body);
}

#[test]
fn api_keys_from_a_file_guard_the_api() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.txt");
    std::fs::write(
        &keys,
        "# test keys\nclient e2e-client-key-00000001\nadmin e2e-admin-key-000000002\n",
    )
    .unwrap();
    let server = Server::start(&["--store", "memory:", "--api-keys", keys.to_str().unwrap()]);
    let url = format!("{}/v1/moderate", server.url);
    let body = json!({"body": "خوب بود"});
    let reply = post_json(&url, &body, None);
    assert_eq!(reply.status, 401);
    assert_eq!(reply.json()["error"]["code"], "unauthorized");
    assert_eq!(
        post_json(&url, &body, Some("e2e-client-key-00000001")).status,
        200
    );
    let reload = post_json(
        &format!("{}/v1/admin/reload", server.url),
        &json!({}),
        Some("e2e-admin-key-000000002"),
    );
    assert_eq!(reload.status, 200, "{}", reload.body);
    assert_eq!(get(&format!("{}/healthz", server.url)).status, 200);
}

#[test]
fn a_bad_keys_file_stops_the_start_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.txt");
    std::fs::write(
        &keys,
        "client ok-key-0000000000001\nsuperuser x-key-000000000000002\n",
    )
    .unwrap();
    let (status, stderr) =
        match Server::try_start(&["--store", "memory:", "--api-keys", keys.to_str().unwrap()]) {
            Ok(_) => panic!("started with a bad keys file"),
            Err(e) => e,
        };
    assert!(status.contains('2'), "{status}");
    assert!(
        stderr.contains("keys.txt:2: unknown role `superuser`"),
        "{stderr}"
    );
}

#[test]
fn serve_refuses_to_start_on_a_broken_rule_set_and_prints_where() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    copy_dir(&workspace().join("rules"), &rules).unwrap();
    let file = rules.join("questions.fa.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen(
            "rules:",
            "rules:\n  - code: nope/not-a-rule\n    message: {fa: x, en: x}",
            1,
        ),
    )
    .unwrap();
    let (status, stderr) =
        match Server::try_start(&["--store", "memory:", "--rules", rules.to_str().unwrap()]) {
            Ok(_) => panic!("started with a broken rule set"),
            Err(e) => e,
        };
    assert!(status.contains('1'), "exit status {status}");
    assert!(stderr.contains("questions.fa.yaml"), "{stderr}");
    assert!(stderr.contains("not serving"), "{stderr}");
}
