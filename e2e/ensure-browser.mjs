// Makes sure a Chromium exists before the browser tests: installs Debian's where possible.
import { execSync } from 'node:child_process';
import { findBrowser } from './browser.mjs';

const found = findBrowser();
if (found) {
  console.log(`browser: ${found.source}`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = (() => {
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (isRoot && hasApt) {
  console.log("browser: none found; installing Debian's chromium with apt-get…");
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  const installed = findBrowser();
  if (installed) {
    console.log(`browser: ${installed.source}`);
    process.exit(0);
  }
}
console.error(
  'No Chromium found: run `sudo apt-get install chromium` (or set CHROMIUM_PATH to a Chromium binary), then run the tests again.',
);
process.exit(1);
