//! A directory of services: one policies directory per service (`<dir>/<service>/site.yaml`),
//! as `davar import ota --each-service-into` writes it and as a company running several
//! marketplaces keeps them. `davar check` and `davar build` take such a directory whole.

use std::path::{Path, PathBuf};

/// The policies directories directly under `dir`, sorted, when `dir` is a directory of services:
/// it has no `site.yaml` of its own and at least one subdirectory has one. `None` for a policies
/// directory (it has a `site.yaml`), for a directory without services, and for a path that
/// cannot be listed (loading it reports why).
pub fn services(dir: &Path) -> Option<Vec<PathBuf>> {
    if dir.join("site.yaml").exists() {
        return None;
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            !path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
                && path.join("site.yaml").is_file()
        })
        .collect();
    found.sort();
    (!found.is_empty()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::services;

    #[test]
    fn a_directory_without_site_yaml_whose_subdirectories_have_one_holds_services() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(services(dir.path()), None);
        for name in ["shop-b", "shop-a", ".hidden"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
            std::fs::write(dir.path().join(name).join("site.yaml"), "x: 1\n").unwrap();
        }
        std::fs::create_dir(dir.path().join("notes")).unwrap();
        assert_eq!(
            services(dir.path()),
            Some(vec![dir.path().join("shop-a"), dir.path().join("shop-b")])
        );
        std::fs::write(dir.path().join("site.yaml"), "x: 1\n").unwrap();
        assert_eq!(services(dir.path()), None);
        assert_eq!(services(&dir.path().join("missing")), None);
    }
}
