/**
 * Campaigns and the outbox. A touch is one message to one customer on one channel for one occurrence of a
 * campaign, unique in the database — planning the same occurrence twice, or two planners at once, cannot
 * create a second one; for event triggers the episode key (e.g. the last order day a stage was entered
 * from) keeps a customer from being touched again for the same episode on a later day. Touches move queued → sending (leased by a sender) → sent | dead, or are
 * holdout / skipped (with the reason) / cancelled; quiet hours only move `not_before`.
 */
import type { Migration } from './migration.ts';

export const createCampaignSchema: Migration = {
  id: '2026_11_24_01_create_campaign_schema',
  up: () => [
    `CREATE SEQUENCE campaign_id_seq START 1`,
    `CREATE TABLE campaigns (
      campaign_id BIGINT PRIMARY KEY,
      shop_id INTEGER NOT NULL,
      campaign_key VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      kind VARCHAR NOT NULL,
      priority INTEGER NOT NULL,
      holdout_share DOUBLE PRECISION NOT NULL,
      definition VARCHAR NOT NULL,
      status VARCHAR NOT NULL,
      status_reason VARCHAR,
      created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
      updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
      UNIQUE (shop_id, campaign_key)
    )`,
    `CREATE SEQUENCE occurrence_id_seq START 1`,
    `CREATE TABLE campaign_occurrences (
      occurrence_id BIGINT PRIMARY KEY,
      campaign_id BIGINT NOT NULL,
      occurrence_key VARCHAR NOT NULL,
      planned_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
      audience INTEGER NOT NULL,
      queued INTEGER NOT NULL,
      holdout INTEGER NOT NULL,
      skipped INTEGER NOT NULL,
      UNIQUE (campaign_id, occurrence_key)
    )`,
    `CREATE SEQUENCE touch_id_seq START 1`,
    `CREATE TABLE touches (
      touch_id BIGINT PRIMARY KEY,
      shop_id INTEGER NOT NULL,
      campaign_id BIGINT NOT NULL,
      occurrence_id BIGINT NOT NULL,
      customer_id BIGINT NOT NULL,
      channel VARCHAR NOT NULL,
      kind VARCHAR NOT NULL,
      priority INTEGER NOT NULL,
      variant VARCHAR,
      offer_code VARCHAR,
      recipient VARCHAR,
      subject VARCHAR,
      body VARCHAR,
      segments INTEGER NOT NULL DEFAULT 1,
      status VARCHAR NOT NULL,
      skip_reason VARCHAR,
      not_before TIMESTAMPTZ NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      lease_owner VARCHAR,
      lease_until TIMESTAMPTZ,
      last_error VARCHAR,
      provider_message_id VARCHAR,
      sent_at TIMESTAMPTZ,
      cost_cents DOUBLE PRECISION,
      idempotency_key VARCHAR NOT NULL,
      episode_key VARCHAR NOT NULL,
      time_zone VARCHAR,
      created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
      UNIQUE (campaign_id, occurrence_id, customer_id, channel),
      UNIQUE (campaign_id, customer_id, episode_key, channel)
    )`,
  ],
};
