/**
 * Shops, customers and their identities, orders, order lines, products, import batches and issues.
 * Plain SQL that DuckDB and PostgreSQL both accept. Money is DECIMAL(14,2) in the shop's currency.
 */
import type { Migration } from './migration.ts';

export const createImportSchema: Migration = {
  id: '2026_11_22_01_create_import_schema',
  up: () => [
    `CREATE SEQUENCE shop_id_seq START 1`,
    `CREATE TABLE shops (
      shop_id INTEGER PRIMARY KEY DEFAULT nextval('shop_id_seq'),
      name VARCHAR NOT NULL UNIQUE,
      time_zone VARCHAR NOT NULL,
      created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    )`,
    `CREATE SEQUENCE customer_id_seq START 1`,
    `CREATE TABLE customers (
      customer_id BIGINT PRIMARY KEY,
      shop_id INTEGER NOT NULL,
      key_kind VARCHAR NOT NULL,
      key_value VARCHAR NOT NULL,
      nick VARCHAR,
      name VARCHAR,
      phone VARCHAR,
      phone_masked VARCHAR,
      email VARCHAR,
      province VARCHAR,
      city VARCHAR,
      district VARCHAR,
      birthday DATE,
      contact_at TIMESTAMPTZ,
      accepts_email BOOLEAN,
      accepts_sms BOOLEAN,
      tags VARCHAR,
      time_zone VARCHAR,
      created_batch BIGINT NOT NULL,
      updated_batch BIGINT NOT NULL
    )`,
    `CREATE TABLE customer_identities (
      shop_id INTEGER NOT NULL,
      kind VARCHAR NOT NULL,
      value VARCHAR NOT NULL,
      customer_id BIGINT NOT NULL,
      batch_id BIGINT NOT NULL,
      PRIMARY KEY (shop_id, kind, value)
    )`,
    `CREATE TABLE orders (
      shop_id INTEGER NOT NULL,
      platform VARCHAR NOT NULL,
      order_no VARCHAR NOT NULL,
      customer_id BIGINT NOT NULL,
      order_time TIMESTAMPTZ NOT NULL,
      paid_time TIMESTAMPTZ,
      status VARCHAR NOT NULL,
      raw_status VARCHAR NOT NULL,
      amount DECIMAL(14,2) NOT NULL,
      refund DECIMAL(14,2) NOT NULL,
      discount DECIMAL(14,2),
      shipping DECIMAL(14,2),
      coupon_code VARCHAR,
      item_count INTEGER,
      titles VARCHAR,
      province VARCHAR,
      city VARCHAR,
      content_hash VARCHAR NOT NULL,
      created_batch BIGINT NOT NULL,
      updated_batch BIGINT NOT NULL,
      PRIMARY KEY (shop_id, platform, order_no)
    )`,
    `CREATE TABLE order_lines (
      shop_id INTEGER NOT NULL,
      platform VARCHAR NOT NULL,
      order_no VARCHAR NOT NULL,
      line_seq INTEGER NOT NULL,
      line_id VARCHAR,
      product_key VARCHAR NOT NULL,
      sku VARCHAR,
      title VARCHAR,
      quantity DOUBLE PRECISION NOT NULL,
      unit_price DECIMAL(14,2),
      amount DECIMAL(14,2),
      refund DECIMAL(14,2) NOT NULL,
      status VARCHAR
    )`,
    `CREATE TABLE products (
      shop_id INTEGER NOT NULL,
      product_key VARCHAR NOT NULL,
      sku VARCHAR,
      title VARCHAR,
      first_batch BIGINT NOT NULL,
      PRIMARY KEY (shop_id, product_key)
    )`,
    `CREATE SEQUENCE batch_id_seq START 1`,
    `CREATE TABLE import_batches (
      batch_id BIGINT PRIMARY KEY,
      shop_id INTEGER NOT NULL,
      files VARCHAR NOT NULL,
      format VARCHAR,
      variants VARCHAR,
      encoding VARCHAR,
      status VARCHAR NOT NULL,
      started_at TIMESTAMPTZ NOT NULL,
      finished_at TIMESTAMPTZ,
      rows_read BIGINT NOT NULL DEFAULT 0,
      orders_new BIGINT NOT NULL DEFAULT 0,
      orders_updated BIGINT NOT NULL DEFAULT 0,
      orders_unchanged BIGINT NOT NULL DEFAULT 0,
      lines_written BIGINT NOT NULL DEFAULT 0,
      customers_new BIGINT NOT NULL DEFAULT 0,
      errors BIGINT NOT NULL DEFAULT 0,
      warnings BIGINT NOT NULL DEFAULT 0,
      message VARCHAR
    )`,
    `CREATE TABLE import_issues (
      batch_id BIGINT NOT NULL,
      file VARCHAR NOT NULL,
      line INTEGER NOT NULL,
      column_name VARCHAR,
      code VARCHAR NOT NULL,
      severity VARCHAR NOT NULL,
      message VARCHAR NOT NULL
    )`,
    `CREATE INDEX orders_customer_idx ON orders (shop_id, customer_id)`,
    `CREATE INDEX order_lines_order_idx ON order_lines (shop_id, platform, order_no)`,
  ],
};
