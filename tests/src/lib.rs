//! End-to-end tests for davar live in `tests/tests/`; they run the real `davar` binary
//! (built by Cargo for this workspace) and the real server on a loopback port.
