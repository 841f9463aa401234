//! Writes a generated policy set with one long history (French sellers' terms, one version every
//! ten days) for timing `davar build` on it.
//!
//! ```sh
//! cargo run --release -p davar-policy --example long_history -- /tmp/long 512
//! time target/release/davar build --policies /tmp/long --rules /nonexistent --out /tmp/long-site --as-of 2030-01-01
//! ```

#[path = "../tests/generated/mod.rs"]
mod generated;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(versions)) = (args.next(), args.next()) else {
        eprintln!("usage: long_history DIR VERSIONS");
        return ExitCode::from(2);
    };
    let Ok(versions) = versions.parse::<u32>() else {
        eprintln!("VERSIONS must be a positive number, found `{versions}`");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    if let Err(err) = std::fs::create_dir_all(&dir)
        .and_then(|()| generated::write_long_history(&dir, versions.max(1)))
    {
        eprintln!("cannot write {}: {err}", dir.display());
        return ExitCode::from(2);
    }
    println!(
        "wrote {versions} versions of `{}` to {} (the last published on {})",
        generated::DOC,
        dir.display(),
        generated::published(versions.max(1))
    );
    ExitCode::SUCCESS
}
