/**
 * The dependency rule, checked on every import: cli → api → engine, importers → store → core.
 * A file may import its own layer or a layer to its right, never to its left.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const RANK: readonly (readonly [string, number])[] = [
  ['packages/core/src/', 0],
  ['packages/server/src/store/', 1],
  // Starting TypeScript worker threads: used by the importers and the analysis, imports nothing of huitou.
  ['packages/server/src/workers/', 1],
  ['packages/server/src/importers/', 2],
  ['packages/server/src/engine/', 2],
  ['packages/server/src/analysis/', 2],
  ['packages/server/src/reports/', 2],
  ['packages/server/src/demo/', 2],
  ['packages/server/src/api/', 3],
  ['packages/server/src/cli/', 4],
  // Config is parsed once at the edge (the cli) and passed in: the api layer may name its type.
  ['packages/server/src/config.ts', 3],
  ['packages/server/src/index.ts', 4],
];

function rankOf(path: string): number | undefined {
  const rel = relative(root, path).replaceAll('\\', '/');
  return RANK.find(([prefix]) => rel.startsWith(prefix))?.[1];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('dependency rule', () => {
  it('no file imports a layer to its left', () => {
    const violations: string[] = [];
    for (const file of [...sourceFiles(join(root, 'packages/core/src')), ...sourceFiles(join(root, 'packages/server/src'))]) {
      const from = rankOf(file);
      if (from === undefined) {
        violations.push(`${relative(root, file)} is in no layer`);
        continue;
      }
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? '';
        let target: number | undefined;
        if (spec.startsWith('.')) target = rankOf(resolve(dirname(file), spec));
        else if (spec === '@huitou/core') target = 0;
        else if (spec.startsWith('@huitou/')) target = 99;
        else continue;
        if (target !== undefined && target > from) violations.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('core imports nothing from Node or the server', () => {
    const bad: string[] = [];
    for (const file of sourceFiles(join(root, 'packages/core/src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? '';
        if (spec.startsWith('node:') || spec.startsWith('@huitou/server') || spec.startsWith('@duckdb')) bad.push(`${relative(root, file)}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
