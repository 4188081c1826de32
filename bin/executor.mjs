#!/usr/bin/env node
// `npx executor ...`: the CLI and the MCP server (server/cli/main.ts), run through tsx like `npm start`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), process.env);
