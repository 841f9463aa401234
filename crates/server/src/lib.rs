//! davar-server: the HTTP service (`pub fn app(state) -> axum::Router`).
