/** Only same-site paths: a crafted ?next=https://… must not bounce a freshly signed-in user elsewhere. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
