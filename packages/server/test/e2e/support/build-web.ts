/** Builds the dashboard into a temporary folder with the project's own Vite, so e2e tests never run a stale bundle. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const WEB_PACKAGE = fileURLToPath(new URL('../../../../web', import.meta.url));

export async function buildWeb(outDir: string): Promise<string> {
  const vite = fileURLToPath(new URL('../../../../../node_modules/vite/bin/vite.js', import.meta.url));
  await run(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { cwd: WEB_PACKAGE, maxBuffer: 16 * 1024 * 1024 });
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`vite build wrote no index.html to ${outDir}`);
  return outDir;
}
