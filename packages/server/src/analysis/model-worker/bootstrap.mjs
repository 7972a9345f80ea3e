// Worker-thread entry (as importers/pipeline/map-worker/bootstrap.mjs): register tsx, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./model-worker.ts');
