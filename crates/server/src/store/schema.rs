//! The question store's schema, shared word for word by SQLite and PostgreSQL. Migrations are
//! numbered and applied in order at start; `davar_migrations` records which ran.

/// Creates the bookkeeping table (idempotent).
pub const MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS davar_migrations (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
)";

/// `(version, SQL)` in order. Never edit a released migration: append a new one.
pub const MIGRATIONS: &[(i64, &str)] = &[(
    1,
    "CREATE TABLE davar_questions (
        product TEXT NOT NULL,
        question_key TEXT NOT NULL,
        question_id TEXT,
        created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (product, question_key)
    )",
)];

/// Questions already asked under one product, oldest first.
pub const SELECT_QUESTIONS: &str = "SELECT question_id, question_key FROM davar_questions WHERE product = $1 ORDER BY created_at, question_key";

/// Records a question; a second identical key under the same product is a no-op.
pub const INSERT_QUESTION: &str = "INSERT INTO davar_questions (product, question_key, question_id) \
     VALUES ($1, $2, $3) ON CONFLICT (product, question_key) DO NOTHING";
