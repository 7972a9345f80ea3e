/**
 * Results of `huitou analyze`, stored so that reports, campaigns and the API read them instead of
 * recomputing: one run per analysis, per-customer labels and facts (the latest run of each shop), tier
 * history, SKU cycles, replenishment due states, KPIs per period and the cohort matrix.
 * customer_analysis has no primary key on purpose: it is replaced wholesale by each run (one row per
 * customer by construction), and maintaining DuckDB's ART index for a million appended rows costs seconds.
 */
import type { Migration } from './migration.ts';

export const createAnalysisSchema: Migration = {
  id: '2026_11_22_02_create_analysis_schema',
  up: () => [
    `CREATE SEQUENCE analysis_run_id_seq START 1`,
    `CREATE TABLE analysis_runs (
      run_id BIGINT PRIMARY KEY,
      shop_id INTEGER NOT NULL,
      as_of DATE NOT NULL,
      created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
      options VARCHAR NOT NULL,
      summary VARCHAR NOT NULL
    )`,
    `CREATE TABLE customer_analysis (
      shop_id INTEGER NOT NULL,
      customer_id BIGINT NOT NULL,
      run_id BIGINT NOT NULL,
      orders INTEGER NOT NULL,
      valid_orders INTEGER NOT NULL,
      purchase_days INTEGER NOT NULL,
      first_order DATE,
      last_order DATE,
      recency_days INTEGER,
      net_spend DECIMAL(14,2) NOT NULL,
      avg_order_value DECIMAL(14,2),
      items INTEGER NOT NULL,
      refund_orders INTEGER NOT NULL,
      refund_amount DECIMAL(14,2) NOT NULL,
      mean_interval_days DOUBLE PRECISION,
      median_interval_days DOUBLE PRECISION,
      top_skus VARCHAR,
      r_score SMALLINT,
      f_score SMALLINT,
      m_score SMALLINT,
      rfm_segment VARCHAR,
      lifecycle VARCHAR,
      customer_type VARCHAR NOT NULL,
      tier VARCHAR NOT NULL,
      tier_discount DOUBLE PRECISION,
      tier_since DATE,
      cycle_days DOUBLE PRECISION,
      p_alive DOUBLE PRECISION,
      expected_30 DOUBLE PRECISION,
      expected_90 DOUBLE PRECISION,
      expected_365 DOUBLE PRECISION,
      expected_order_value DOUBLE PRECISION,
      clv DOUBLE PRECISION,
      next_order DATE,
      churn_risk VARCHAR
    )`,
    `CREATE TABLE customer_tier_history (
      shop_id INTEGER NOT NULL,
      customer_id BIGINT NOT NULL,
      changed_on DATE NOT NULL,
      from_tier VARCHAR NOT NULL,
      to_tier VARCHAR NOT NULL,
      direction VARCHAR NOT NULL
    )`,
    `CREATE TABLE sku_cycles (
      shop_id INTEGER NOT NULL,
      product_key VARCHAR NOT NULL,
      title VARCHAR,
      median_days_per_unit DOUBLE PRECISION NOT NULL,
      p25_days_per_unit DOUBLE PRECISION NOT NULL,
      p75_days_per_unit DOUBLE PRECISION NOT NULL,
      samples INTEGER NOT NULL,
      customers INTEGER NOT NULL,
      PRIMARY KEY (shop_id, product_key)
    )`,
    `CREATE TABLE customer_sku_due (
      shop_id INTEGER NOT NULL,
      customer_id BIGINT NOT NULL,
      product_key VARCHAR NOT NULL,
      last_purchase DATE NOT NULL,
      last_quantity INTEGER NOT NULL,
      due_on DATE NOT NULL,
      state VARCHAR NOT NULL
    )`,
    `CREATE TABLE kpi_periods (
      shop_id INTEGER NOT NULL,
      grain VARCHAR NOT NULL,
      period_start DATE NOT NULL,
      payment_amount DECIMAL(16,2) NOT NULL,
      net_amount DECIMAL(16,2) NOT NULL,
      valid_orders INTEGER NOT NULL,
      paying_buyers INTEGER NOT NULL,
      avg_order_value DECIMAL(14,2),
      new_buyers INTEGER NOT NULL,
      returning_buyers INTEGER NOT NULL,
      returning_buyer_share DOUBLE PRECISION,
      returning_revenue_share DOUBLE PRECISION,
      repurchase_rate DOUBLE PRECISION,
      repurchasing_buyers INTEGER NOT NULL,
      PRIMARY KEY (shop_id, grain, period_start)
    )`,
    `CREATE TABLE cohort_retention (
      shop_id INTEGER NOT NULL,
      cohort_month DATE NOT NULL,
      months_since INTEGER NOT NULL,
      cohort_size INTEGER NOT NULL,
      active_customers INTEGER NOT NULL,
      PRIMARY KEY (shop_id, cohort_month, months_since)
    )`,
  ],
};
