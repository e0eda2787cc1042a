import { spawn } from 'node:child_process';

export interface BrowserCommand {
  command: string;
  args: string[];
}

/** How to open `url` here: `BROWSER` names a program (or `none` for no browser, as in CI and
 * tests), else the platform's opener. */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): BrowserCommand | null {
  const browser = env.BROWSER?.trim();
  if (browser === 'none') return null;
  if (browser) return { command: browser, args: [url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Opens the browser and forgets about it: the URL is printed anyway, so a missing opener is
 * not an error. */
export function openBrowser(
  url: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): void {
  const command = browserCommand(url, process.platform, env);
  if (!command) return;
  try {
    const child = spawn(command.command, command.args, { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // The operator opens the printed URL by hand.
  }
}
