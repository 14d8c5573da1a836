/** Small assertions with messages that say what was expected; the e2e runner needs nothing more. */
export function equal(actual, expected, what) {
  if (actual !== expected)
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function ok(value, what) {
  if (!value) throw new Error(`${what}: expected a true value, got ${JSON.stringify(value)}`);
}

/** Reads the integer shown in a battle-map tile. */
export async function tileCount(page, status) {
  const text = await page.getByTestId(`count-${status}`).locator('.tz-tile-number').innerText();
  return Number(text.replace(/[^\d]/g, ''));
}
