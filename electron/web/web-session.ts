import { createHash, randomBytes } from 'node:crypto';

import { cookieValue, secretMatches } from './request-guard';

/**
 * Who may use the web front door: whoever holds the session cookie, and the only way to get it
 * is a one-time ticket. The session secret itself never leaves this process but in that
 * cookie (HttpOnly, so not even the page's scripts read it); tickets go where a browser must be
 * pointed at (the terminal's line, the 0600 file the browser is opened with) and are worthless
 * once used, so one seen later in a history, a log or a process list opens nothing.
 */
export class WebSession {
  readonly cookieName: string;
  private readonly secret = randomBytes(32).toString('base64url');
  /** sha256 of each unused ticket → what to do when it is used. */
  private readonly tickets = new Map<string, () => void>();

  constructor(port: number) {
    // Cookies ignore ports: the name keeps two servers on one machine apart.
    this.cookieName = `carga-session-${port}`;
  }

  /** A fresh ticket (256 bits); `onUsed` runs when it is exchanged. */
  issueTicket(onUsed: () => void = () => {}): string {
    const ticket = randomBytes(32).toString('base64url');
    this.tickets.set(digest(ticket), onUsed);
    return ticket;
  }

  /** Whether `ticket` is one not used yet; it is used up by this call. */
  redeem(ticket: string | null): boolean {
    if (!ticket) return false;
    const key = digest(ticket);
    const onUsed = this.tickets.get(key);
    if (!onUsed) return false;
    this.tickets.delete(key);
    onUsed();
    return true;
  }

  /** `valid`: the cookie of this session; `stale`: a cookie of this name with another value (a
   * page left open across a restart of the server on the same port); `none`: no cookie. */
  check(cookieHeader: string | undefined): 'valid' | 'stale' | 'none' {
    const presented = cookieValue(cookieHeader, this.cookieName);
    if (presented === undefined) return 'none';
    return secretMatches(presented, this.secret) ? 'valid' : 'stale';
  }

  /** The Set-Cookie value: for this server's pages only, never sent by another site's page. */
  cookie(): string {
    return `${this.cookieName}=${this.secret}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
