// Worker-thread entry: Node 20 cannot start a worker from a .ts file, and tsx's loader (registered in the
// main thread by bin/huitou.js, `node --import tsx` or vitest) does not carry over to workers. Register it
// here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./map-worker.ts');
