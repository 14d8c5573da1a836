/**
 * A region's `settings` column as an object. Each rule reads its own keys with its own range check, so a
 * missing, malformed or foreign value falls back to that rule's default instead of failing every page.
 */
export function settingsObject(settings: string | null | undefined): Record<string, unknown> {
  try {
    const value: unknown = settings ? JSON.parse(settings) : null;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
