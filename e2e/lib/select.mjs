/**
 * Picks an option of the open antd Select by typing its name. The typed text filters the list while it is
 * being typed; a click can land on an option that the next keystroke re-renders away (seen on a loaded
 * machine), so wait for the filtered option and take the active one with Enter, then for the list to close.
 */
export async function pickOption(page, text) {
  await page.keyboard.type(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}
