-- Issue 29: a level per topic subscription, as working groups have one ('all': at once,
-- 'digest': only in the weekly overview, 'muted': nothing); existing subscriptions start
-- at 'all'. level_since: when the member last chose it (NULL: since subscribing), so the
-- overview lists only what came after and nothing arrives twice.
ALTER TABLE subscriptions ADD COLUMN level TEXT NOT NULL DEFAULT 'all'
    CHECK (level IN ('all', 'digest', 'muted'));
ALTER TABLE subscriptions ADD COLUMN level_since TEXT;
CREATE INDEX subscriptions_level ON subscriptions(topic_id, level);

-- When the member's weekly overview comes: weekday 0 (Monday) .. 6 at hour 0..23 in their
-- zone; overview_weekday NULL turns it off. No row: Monday 08:00.
ALTER TABLE member_settings ADD COLUMN overview_weekday INTEGER DEFAULT 0
    CHECK (overview_weekday IS NULL OR overview_weekday BETWEEN 0 AND 6);
ALTER TABLE member_settings ADD COLUMN overview_hour INTEGER NOT NULL DEFAULT 8
    CHECK (overview_hour BETWEEN 0 AND 23);

-- The weekly overview replaces the per-group digests and keeps their "sent once" truth:
-- group_digests holds one row per member and ISO week of the overview (posts: how many
-- items it listed; 0: an empty week, nothing sent).
