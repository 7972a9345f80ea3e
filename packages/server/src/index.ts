// Public surface of @huitou/server.
export { runCli } from './cli/main.ts';
