import { createImportSchema } from './2026_11_22_01_create_import_schema.ts';
import { createAnalysisSchema } from './2026_11_22_02_create_analysis_schema.ts';
import type { Migration } from './migration.ts';

/** Every migration, oldest first. Append new ones; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [createImportSchema, createAnalysisSchema];
export type { Migration } from './migration.ts';
