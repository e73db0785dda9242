// Run in a child process with a chosen D-Bus address: prints what keychainWorks() says there.
import { keychainWorks } from '../../src/main/platform/keychain-vault';

process.stdout.write(JSON.stringify(await keychainWorks(`Bridgekeeper probe ${process.pid}`)));
