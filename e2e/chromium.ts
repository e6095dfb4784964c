/**
 * How every browser of the project starts: Debian's Chromium (Playwright's own download cannot
 * work offline), with the flags that keep it from dialing Google's services on a closed network
 * and let it run as root. Shared by playwright.config.ts and bench/.
 */
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
