//! davar-moderation: the moderation engine for marketplace reviews and Q&A.
