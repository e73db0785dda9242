// The process around the Severa check CLI: arguments in, exit status out. Built as
// out/main/severa-check.js; bin/bridgekeeper-severa-check.mjs starts it.
import { EXIT_BAD_INPUT, runSeveraCheckCli } from './cli';

try {
  process.exitCode = await runSeveraCheckCli(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bridgekeeper-severa-check: ${(error as Error).message}\n`);
  process.exitCode = EXIT_BAD_INPUT;
}
