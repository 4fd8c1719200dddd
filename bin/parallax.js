#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`parallax stories | head`) closes the pipe: that ends the output, it is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await main(process.argv);
