/*
 * The session cookie is httpOnly, so the page cannot see whether one exists. This flag remembers that
 * we signed in on this browser, so a visitor who never did is not greeted by a 401 from /api/auth/me.
 */
const KEY = 'tz.signedIn';

export function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return true;
  }
}

export function setSessionHint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: we then always ask the server.
  }
}
