/**
 * Users, browser sessions, API tokens and the audit log. Secrets are never stored: a session row is keyed by
 * the SHA-256 of the cookie value, a token row keeps the SHA-256 of the token, a password its scrypt hash
 * (parameters and salt inside the hash string). Instants are epoch milliseconds (BIGINT), the same on DuckDB
 * and PostgreSQL. The audit log is append-only.
 */
import type { Migration } from './migration.ts';

export const createAuthSchema: Migration = {
  id: '2026_11_25_01_create_auth_schema',
  up: () => [
    `CREATE SEQUENCE user_id_seq START 1`,
    `CREATE TABLE users (
      user_id BIGINT PRIMARY KEY DEFAULT nextval('user_id_seq'),
      username VARCHAR NOT NULL UNIQUE,
      display_name VARCHAR NOT NULL,
      role VARCHAR NOT NULL,
      password_hash VARCHAR NOT NULL,
      created_ms BIGINT NOT NULL,
      updated_ms BIGINT NOT NULL,
      disabled BOOLEAN NOT NULL DEFAULT false
    )`,
    `CREATE TABLE sessions (
      session_hash VARCHAR PRIMARY KEY,
      user_id BIGINT NOT NULL,
      csrf_token VARCHAR NOT NULL,
      created_ms BIGINT NOT NULL,
      last_seen_ms BIGINT NOT NULL,
      expires_ms BIGINT NOT NULL
    )`,
    `CREATE INDEX sessions_user_idx ON sessions (user_id)`,
    `CREATE SEQUENCE api_token_id_seq START 1`,
    `CREATE TABLE api_tokens (
      token_id BIGINT PRIMARY KEY DEFAULT nextval('api_token_id_seq'),
      name VARCHAR NOT NULL,
      token_hash VARCHAR NOT NULL UNIQUE,
      role VARCHAR NOT NULL,
      scopes VARCHAR NOT NULL,
      created_by BIGINT,
      created_ms BIGINT NOT NULL,
      last_used_ms BIGINT,
      revoked_ms BIGINT
    )`,
    `CREATE SEQUENCE audit_id_seq START 1`,
    `CREATE TABLE audit_log (
      audit_id BIGINT PRIMARY KEY DEFAULT nextval('audit_id_seq'),
      at_ms BIGINT NOT NULL,
      actor_user_id BIGINT,
      actor_username VARCHAR,
      actor_token_id BIGINT,
      action VARCHAR NOT NULL,
      target VARCHAR,
      detail VARCHAR,
      ip VARCHAR,
      user_agent VARCHAR
    )`,
    `CREATE INDEX audit_log_at_idx ON audit_log (at_ms)`,
  ],
};
