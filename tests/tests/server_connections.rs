//! End-to-end: how the real `davar serve` treats hostile connections, over raw sockets with small
//! timeouts: slow request heads and silent kept-alive connections are closed, bodies announced
//! too large are refused at once, slow bodies get a 408, the connection limit holds with a log
//! line, and SIGTERM never waits past its grace period for a slow client.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::server_support::Server;

fn connect(server: &Server) -> TcpStream {
    let stream = TcpStream::connect(server.url.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream
}

/// Reads until the server closes the connection (or 20 s pass); returns what was read and when
/// the close was seen.
fn read_until_closed(stream: &mut TcpStream) -> (String, Duration) {
    let started = Instant::now();
    let mut all = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => all.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == ErrorKind::ConnectionReset => break,
            Err(e) => panic!("still open after {:?}: {e}", started.elapsed()),
        }
    }
    (
        String::from_utf8_lossy(&all).into_owned(),
        started.elapsed(),
    )
}

/// Reads one response whose body is at most a few KiB (enough for `/healthz` and errors).
fn read_response(stream: &mut TcpStream) -> String {
    let mut all = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = stream.read(&mut buf).expect("a response");
        assert!(
            n > 0,
            "closed without a response: {}",
            String::from_utf8_lossy(&all)
        );
        all.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&all);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse::<usize>().unwrap())
                })
                .unwrap_or(0);
            if body.len() >= length {
                return text.into_owned();
            }
        }
    }
}

#[test]
fn a_request_head_sent_byte_by_byte_is_cut_off_at_the_header_timeout() {
    let server = Server::start(&["--store", "memory:", "--header-timeout-ms", "800"]);
    let mut stream = connect(&server);
    let started = Instant::now();
    let head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nUser-Agent: slow-loris\r\n";
    let mut cut = None;
    for byte in head.iter().cycle().take(60) {
        if stream.write_all(&[*byte]).is_err() {
            cut = Some(started.elapsed());
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        // The server closes the socket: a read then sees the end (or a reset).
        stream.set_nonblocking(true).unwrap();
        let mut probe = [0u8; 512];
        let closed = match stream.read(&mut probe) {
            Ok(0) => true,
            Ok(_) => true, // an error response, then the close
            Err(e) => e.kind() != ErrorKind::WouldBlock,
        };
        stream.set_nonblocking(false).unwrap();
        if closed {
            cut = Some(started.elapsed());
            break;
        }
    }
    let cut = cut.expect("the slow head was never cut off (6 s)");
    assert!(
        cut >= Duration::from_millis(700) && cut < Duration::from_secs(3),
        "{cut:?}"
    );
}

#[test]
fn a_silent_kept_alive_connection_is_closed_at_the_idle_timeout() {
    let server = Server::start(&["--store", "memory:", "--idle-timeout-ms", "500"]);
    let mut stream = connect(&server);
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let response = read_response(&mut stream);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    // Kept alive, then silent: closed after about half a second.
    let (rest, after) = read_until_closed(&mut stream);
    assert_eq!(rest, "");
    assert!(
        after >= Duration::from_millis(400) && after < Duration::from_secs(3),
        "{after:?}"
    );
}

#[test]
fn an_announced_body_over_the_limit_is_refused_at_once() {
    let server = Server::start(&["--store", "memory:"]);
    let mut stream = connect(&server);
    let started = Instant::now();
    stream
        .write_all(
            b"POST /v1/moderate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5242880\r\n\r\n",
        )
        .unwrap();
    let response = read_response(&mut stream);
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    assert!(response.contains("payload-too-large"), "{response}");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_body_trickled_too_slowly_gets_a_408_at_the_body_timeout() {
    let server = Server::start(&["--store", "memory:", "--body-timeout-ms", "600"]);
    let mut stream = connect(&server);
    let body = r#"{"body": "کیفیتش خوب بود و به موقع رسید"}"#;
    write!(
        stream,
        "POST /v1/moderate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    let started = Instant::now();
    let writer = {
        let mut stream = stream.try_clone().unwrap();
        let body = body.as_bytes().to_vec();
        std::thread::spawn(move || {
            for byte in body {
                if stream.write_all(&[byte]).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    let response = read_response(&mut stream);
    let took = started.elapsed();
    assert!(response.starts_with("HTTP/1.1 408"), "{response}");
    assert!(response.contains("body-timeout"), "{response}");
    assert!(
        took >= Duration::from_millis(500) && took < Duration::from_secs(3),
        "{took:?}"
    );
    drop(stream);
    let _ = writer.join();
}

#[test]
fn past_the_connection_limit_new_connections_wait_and_the_log_says_why() {
    let server = Server::start(&[
        "--store",
        "memory:",
        "--max-connections",
        "4",
        "--idle-timeout-ms",
        "60000",
        "--header-timeout-ms",
        "60000",
    ]);
    let held: Vec<TcpStream> = (0..4).map(|_| connect(&server)).collect();
    std::thread::sleep(Duration::from_millis(300));
    let mut fifth = connect(&server);
    fifth
        .set_read_timeout(Some(Duration::from_millis(700)))
        .unwrap();
    fifth
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut buf = [0u8; 64];
    let waited = fifth.read(&mut buf);
    assert!(
        matches!(&waited, Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)),
        "the fifth connection was served past the limit: {waited:?}"
    );
    assert!(
        server.stderr().contains("connection limit reached"),
        "{}",
        server.stderr()
    );
    drop(held); // four connections close: the fifth is accepted and answered
    fifth
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let response = read_response(&mut fifth);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
}

#[test]
fn sigterm_does_not_wait_for_a_slow_client_past_the_grace_period() {
    let server = Server::start(&[
        "--store",
        "memory:",
        "--shutdown-grace-ms",
        "500",
        "--body-timeout-ms",
        "60000",
        "--header-timeout-ms",
        "60000",
    ]);
    let mut slow = connect(&server);
    // A request whose body never comes: in flight at SIGTERM, and for ever after.
    slow.write_all(
        b"POST /v1/moderate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"bo",
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let status = server.stop();
    assert!(status.success(), "{status}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}
