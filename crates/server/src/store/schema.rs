//! The stores' schema, shared word for word by SQLite and PostgreSQL. Migrations are numbered
//! and applied in order at start; `davar_migrations` records which ran. Instants are `BIGINT`
//! microseconds since the Unix epoch (sortable and exact in both databases); decision records
//! are kept whole as JSON text in `record`, with the columns queries filter on beside it.

/// Creates the bookkeeping table (idempotent).
pub const MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS davar_migrations (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
)";

/// `(version, SQL statements)` in order. Never edit a released migration: append a new one.
pub const MIGRATIONS: &[(i64, &[&str])] = &[
    (
        1,
        &["CREATE TABLE davar_questions (
            product TEXT NOT NULL,
            question_key TEXT NOT NULL,
            question_id TEXT,
            created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
            PRIMARY KEY (product, question_key)
        )"],
    ),
    (
        2,
        &[
            // Questions get their band-index handle; rows from before have NULL until the
            // store backfills them at start.
            "ALTER TABLE davar_questions ADD COLUMN key_hash BIGINT",
            "CREATE INDEX davar_questions_key_hash ON davar_questions (key_hash)",
            "CREATE TABLE davar_question_bands (
                band BIGINT NOT NULL,
                key_hash BIGINT NOT NULL,
                PRIMARY KEY (band, key_hash)
            )",
            "CREATE TABLE davar_decisions (
                id TEXT PRIMARY KEY,
                root_id TEXT NOT NULL,
                follows_id TEXT,
                stage TEXT NOT NULL,
                comment_kind TEXT NOT NULL,
                comment_id TEXT,
                lang TEXT NOT NULL,
                product TEXT,
                action TEXT NOT NULL,
                decided_by TEXT NOT NULL,
                decided_at BIGINT NOT NULL,
                record TEXT NOT NULL
            )",
            "CREATE INDEX davar_decisions_root ON davar_decisions (root_id, decided_at)",
            "CREATE INDEX davar_decisions_time ON davar_decisions (decided_at, id)",
            // One first (engine) record per comment: retries find it instead of adding one.
            "CREATE UNIQUE INDEX davar_decisions_comment ON davar_decisions (comment_kind, comment_id)
                WHERE stage = 'engine' AND comment_id IS NOT NULL",
            "CREATE TABLE davar_queue (
                item_id TEXT PRIMARY KEY,
                root_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                lang TEXT NOT NULL,
                codes TEXT NOT NULL,
                priority INTEGER NOT NULL,
                enqueued_at BIGINT NOT NULL,
                claimed_by TEXT,
                claim_expires_at BIGINT,
                decided_id TEXT
            )",
            "CREATE INDEX davar_queue_pending ON davar_queue (priority, enqueued_at)
                WHERE decided_id IS NULL",
        ],
    ),
    (
        3,
        &[
            // One appeal per decision: a second lodging of the same appeal is refused by the
            // database, so two concurrent requests cannot both open one.
            "CREATE UNIQUE INDEX davar_decisions_appeal ON davar_decisions (follows_id)
                WHERE stage = 'appeal' AND action = 'queue'",
        ],
    ),
    (
        4,
        &[
            // A retry is the same comment id with the same content: the first (engine) record
            // is unique per kind, comment id and content hash, so the same id with other
            // content is a new submission with a record of its own. Rows written before the
            // hash have none and match no retry.
            "ALTER TABLE davar_decisions ADD COLUMN content_hash TEXT",
            "DROP INDEX davar_decisions_comment",
            "CREATE UNIQUE INDEX davar_decisions_comment_content
                ON davar_decisions (comment_kind, comment_id, content_hash)
                WHERE stage = 'engine' AND comment_id IS NOT NULL",
        ],
    ),
];

/// Claiming the next item skips items whose record follows a decision the claiming moderator
/// (`$7`) took: nobody decides an appeal against their own decision (DSA Art. 20).
pub const NOT_OWN_DECISION: &str = "NOT EXISTS (SELECT 1 FROM davar_decisions a \
     JOIN davar_decisions c ON c.id = a.follows_id WHERE a.id = q.item_id AND c.decided_by = $7)";

/// Most stored questions a probe is compared with besides the one with its exact key: those
/// sharing the most bands with it. A question at the `qa/duplicate` threshold (0.8) shares
/// about 10 of its 32 bands with the probe, an unrelated one sharing a band by chance 1 or 2, so
/// the bound only drops candidates less alike than the ones compared, and a product with many
/// questions made of the same few words costs no more comparisons than any other.
pub const MAX_CANDIDATES: usize = 32;

/// Questions of a product sharing the key or a band with the probe, most bands in common first
/// (the exact key before all): `$1` product, `$2` key, then the bands (SQLite binds each band;
/// PostgreSQL one array). At most one exact match and [`MAX_CANDIDATES`] others.
///
/// The key is an index lookup through the primary key; the bands are lookups in the band
/// table's primary key, counted per question (`key_hash`), then the [`MAX_CANDIDATES`] best
/// fetched through `davar_questions_key_hash`. The `CROSS JOIN` fixes that order on SQLite
/// (whose planner would otherwise walk every question of the product); PostgreSQL plans it
/// freely. The cost is the bands' entries and the candidates, not the questions of the product.
pub fn candidates_sql(bands: usize, postgres: bool) -> String {
    let list = if postgres {
        "= ANY($3)".to_owned()
    } else {
        let marks: Vec<String> = (0..bands).map(|i| format!("${}", i + 3)).collect();
        format!("IN ({})", marks.join(", "))
    };
    format!(
        "SELECT question_id, question_key, {exact} AS shared FROM davar_questions \
         WHERE product = $1 AND question_key = $2 \
         UNION ALL SELECT q.question_id, q.question_key, c.shared FROM \
         (SELECT key_hash, COUNT(*) AS shared FROM davar_question_bands WHERE band {list} \
         GROUP BY key_hash ORDER BY shared DESC LIMIT {MAX_CANDIDATES}) c \
         CROSS JOIN davar_questions q WHERE q.key_hash = c.key_hash AND q.product = $1 \
         AND q.question_key <> $2 ORDER BY shared DESC",
        exact = bands + 1,
    )
}

/// Records a question; a second identical key under the same product is a no-op.
pub const INSERT_QUESTION: &str = "INSERT INTO davar_questions (product, question_key, question_id, key_hash) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (product, question_key) DO NOTHING";

/// Adds one band of a question.
pub const INSERT_BAND: &str =
    "INSERT INTO davar_question_bands (band, key_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING";

/// Adds all `bands` bands of a question in one statement (SQLite): `$1` key hash, then the bands.
pub fn insert_bands_sql(bands: usize) -> String {
    let rows: Vec<String> = (0..bands).map(|i| format!("(${}, $1)", i + 2)).collect();
    format!(
        "INSERT INTO davar_question_bands (band, key_hash) VALUES {} ON CONFLICT DO NOTHING",
        rows.join(", ")
    )
}

/// Records a question and its bands in one statement (PostgreSQL): `$1`..`$4` as in
/// [`INSERT_QUESTION`], `$5` the bands. Bands are added only when the question was new.
pub const INSERT_QUESTION_AND_BANDS: &str = "WITH q AS (\
     INSERT INTO davar_questions (product, question_key, question_id, key_hash) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (product, question_key) DO NOTHING RETURNING key_hash) \
     INSERT INTO davar_question_bands (band, key_hash) SELECT b, q.key_hash FROM q, unnest($5::BIGINT[]) AS b \
     ON CONFLICT DO NOTHING";

/// Records many questions of one product and their bands in one statement (PostgreSQL import):
/// `$1` product, `$2` keys, `$3` ids, `$4` key hashes (parallel arrays), `$5` bands and `$6`
/// their key hashes (parallel arrays). Keys already stored keep their row and bands. Answers
/// one row: how many questions were new.
pub const IMPORT_QUESTIONS: &str = "WITH q AS (\
     INSERT INTO davar_questions (product, question_key, question_id, key_hash) \
     SELECT $1, k, i, h FROM unnest($2::TEXT[], $3::TEXT[], $4::BIGINT[]) AS t(k, i, h) \
     ON CONFLICT (product, question_key) DO NOTHING RETURNING key_hash), \
     added AS (INSERT INTO davar_question_bands (band, key_hash) \
     SELECT b.band, b.key_hash FROM unnest($5::BIGINT[], $6::BIGINT[]) AS b(band, key_hash) \
     WHERE b.key_hash IN (SELECT key_hash FROM q) ON CONFLICT DO NOTHING) \
     SELECT COUNT(*) FROM q";

/// Removes a question (its bands go with [`DELETE_BANDS`]).
pub const DELETE_QUESTION: &str =
    "DELETE FROM davar_questions WHERE product = $1 AND question_key = $2";

/// Removes the question a comment stored: `$1` product, `$2` the comment's id. Answers the
/// removed rows' key hashes (for [`DELETE_BANDS`]).
pub const DELETE_QUESTION_OF_COMMENT: &str =
    "DELETE FROM davar_questions WHERE product = $1 AND question_id = $2 RETURNING key_hash";

/// Removes a question stored without a comment id: `$1` product, `$2` key. Answers the removed
/// row's key hash (for [`DELETE_BANDS`]).
pub const DELETE_QUESTION_WITHOUT_ID: &str = "DELETE FROM davar_questions \
     WHERE product = $1 AND question_key = $2 AND question_id IS NULL RETURNING key_hash";

/// Removes the bands of a question by its key hash.
pub const DELETE_BANDS: &str = "DELETE FROM davar_question_bands WHERE key_hash = $1";

/// Questions stored before the band index existed.
pub const UNINDEXED_QUESTIONS: &str =
    "SELECT product, question_key FROM davar_questions WHERE key_hash IS NULL LIMIT 1000";

/// Sets the band handle of a question.
pub const SET_KEY_HASH: &str =
    "UPDATE davar_questions SET key_hash = $1 WHERE product = $2 AND question_key = $3";

/// Inserts a decision row (the columns of `DecisionRow`, in order).
pub const INSERT_DECISION: &str = "INSERT INTO davar_decisions \
     (id, root_id, follows_id, stage, comment_kind, comment_id, lang, product, action, decided_by, decided_at, record, content_hash) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING";

/// A comment's first record for this content: `$1` kind, `$2` comment id, `$3` content hash.
pub const FIRST_RECORD_OF_COMMENT: &str = "SELECT record FROM davar_decisions \
     WHERE comment_kind = $1 AND comment_id = $2 AND content_hash = $3 AND stage = 'engine'";

/// One record by id.
pub const RECORD_BY_ID: &str = "SELECT record FROM davar_decisions WHERE id = $1";

/// A chain, oldest first.
pub const CHAIN: &str =
    "SELECT record FROM davar_decisions WHERE root_id = $1 ORDER BY decided_at, id";

/// Records decided in `[$1, $2)` after (`decided_at`, `id`) = (`$3`, `$4`), at most `$5`.
pub const DECIDED_BETWEEN: &str = "SELECT record FROM davar_decisions \
     WHERE decided_at >= $1 AND decided_at < $2 AND (decided_at > $3 OR (decided_at = $3 AND id > $4)) \
     ORDER BY decided_at, id LIMIT $5";

/// Enqueues a record.
pub const ENQUEUE: &str = "INSERT INTO davar_queue \
     (item_id, root_id, kind, lang, codes, priority, enqueued_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
     ON CONFLICT DO NOTHING";

/// Queue columns read into a `QueueItem`, joined with the item's record.
pub const QUEUE_COLUMNS: &str = "q.item_id, d.record, q.priority, q.enqueued_at, q.claimed_by, \
     q.claim_expires_at, q.decided_id FROM davar_queue q JOIN davar_decisions d ON d.id = q.item_id";

/// The filter shared by listing and claiming: `$1` code pattern (`% code %` or `%`, with `%`,
/// `_` and `!` escaped by `!`), `$2` kind or '', `$3` lang or '', `$4` enqueued at or before
/// (µs), `$5` enqueued at or after (µs).
pub const QUEUE_FILTER: &str = "q.decided_id IS NULL AND q.codes LIKE $1 ESCAPE '!' \
     AND ($2 = '' OR q.kind = $2) AND ($3 = '' OR q.lang = $3) \
     AND q.enqueued_at <= $4 AND q.enqueued_at >= $5";

/// Order of the queue: highest priority, then oldest.
pub const QUEUE_ORDER: &str = "ORDER BY q.priority DESC, q.enqueued_at, q.item_id";
