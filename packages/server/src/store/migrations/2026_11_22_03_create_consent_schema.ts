/**
 * Consent and opt-outs. consent_events is append-only (GDPR Art. 7(1): the shop must be able to show
 * consent): the current state of a customer on a channel is their latest event. Suppressions block an
 * address (phone, email) whatever customer it belongs to: an SMS reply 退订 or an email unsubscribe.
 */
import type { Migration } from './migration.ts';

export const createConsentSchema: Migration = {
  id: '2026_11_22_03_create_consent_schema',
  up: () => [
    `CREATE SEQUENCE consent_event_id_seq START 1`,
    `CREATE TABLE consent_events (
      event_id BIGINT PRIMARY KEY DEFAULT nextval('consent_event_id_seq'),
      shop_id INTEGER NOT NULL,
      customer_id BIGINT NOT NULL,
      channel VARCHAR NOT NULL,
      status VARCHAR NOT NULL,
      source VARCHAR NOT NULL,
      wording VARCHAR,
      recorded_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    )`,
    `CREATE INDEX consent_events_customer_idx ON consent_events (shop_id, customer_id, channel)`,
    `CREATE TABLE suppressions (
      shop_id INTEGER NOT NULL,
      channel VARCHAR NOT NULL,
      address VARCHAR NOT NULL,
      reason VARCHAR NOT NULL,
      source VARCHAR NOT NULL,
      created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
      PRIMARY KEY (shop_id, channel, address)
    )`,
  ],
};
