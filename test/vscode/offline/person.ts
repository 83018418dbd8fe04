// What a person sees: drives the workbench with mouse and keyboard, asserts on what
// is on screen, and saves a screenshot of each step to test-results/.
import * as assert from 'assert';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';

const LIMIT = { timeout: 60000 };

export async function driveLikeAPerson(page: Page, results: string): Promise<void> {
  const shot = (name: string) => page.screenshot({ path: path.join(results, `${name}.png`) });
  await openFile(page, 'service.go');
  await page.waitForSelector('.squiggly-warning', LIMIT);
  await shot('01-squiggles');

  // The hover: message, source and the clickable rule code.
  const client = await spot(page, 'client := &http.Client{}', 'Client');
  const hover = await hoverOver(page, client);
  const hoverText = await hover.innerText();
  assert.match(hoverText, /Timeout/, `hover text: ${hoverText}`);
  assert.match(hoverText, /godebt/, `hover text: ${hoverText}`);
  assert.match(hoverText, /http-client-no-timeout/, `hover text: ${hoverText}`);
  await shot('02-hover');
  await page.keyboard.press('Escape');

  // The quick-fix menu after the quick-fix keybinding, then the fixed file.
  const entry = page.locator('.action-widget').getByText('Add Timeout: 10 * time.Second').first();
  await pressUntilShown(page, client, 'Control+.', entry);
  const menu = await page.locator('.action-widget').first().innerText();
  assert.match(menu, /Suppress http-client-no-timeout on this line/, `menu: ${menu}`);
  assert.match(menu, /Show guidance for http-client-no-timeout/, `menu: ${menu}`);
  await shot('03-quick-fix-menu');
  await entry.click();
  await page.locator('.view-line', { hasText: 'Timeout: 10 * time.Second,' }).waitFor(LIMIT);
  await page.locator('.view-line', { hasText: '"time"' }).waitFor(LIMIT);
  await shot('04-after-fix');

  // The guidance page, reached by clicking the rule code in the hover.
  const todo = await spot(page, '// TODO: move the base URL', 'TODO');
  const todoHover = await hoverOver(page, todo);
  await todoHover.locator('a', { hasText: 'debt-marker' }).first().click();
  await page.locator('.tab', { hasText: 'debt-marker.md' }).first().waitFor(LIMIT);
  await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('h1', { hasText: 'debt-marker' }).waitFor(LIMIT);
  await shot('05-guidance');

  // The Go Debt view from the activity bar, a category opened down to its findings.
  await page.keyboard.press('Escape');
  const status = page.locator('.statusbar-item', { hasText: /Debt \S+.* · [A-E]/ }).first();
  await status.waitFor(LIMIT);
  await status.click();
  const tree = page.locator('.pane-body .monaco-list[aria-label*="Summary"], .pane-body .monaco-list').first();
  await tree.locator('.monaco-list-row', { hasText: 'Total debt' }).waitFor(LIMIT);
  for (const label of ['maintainability', 'debt-marker', 'service.go']) {
    const row = tree.locator('.monaco-list-row', { hasText: label }).first();
    await row.waitFor(LIMIT);
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
  }
  await tree.locator('.monaco-list-row', { hasText: 'TODO: move the base URL' }).first().waitFor(LIMIT);
  const treeText = await tree.innerText();
  assert.match(treeText, /Hotspots/, `tree: ${treeText}`);
  await shot('06-debt-panel');

  // The report, from the command palette.
  await page.keyboard.press('Control+Shift+P');
  const palette = page.locator('.quick-input-widget input');
  await palette.waitFor(LIMIT);
  await palette.fill('>godebt: Open Debt Report');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Debt Report' }).first().waitFor(LIMIT);
  await page.keyboard.press('Enter');
  await page.locator('.tab', { hasText: 'Go Debt Report' }).first().waitFor(LIMIT);
  const report = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  await report.locator('h2', { hasText: 'Debt by category' }).waitFor(LIMIT);
  await report.locator('#chart-packages').waitFor(LIMIT);
  await shot('07-debt-report');
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 5 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor(LIMIT);
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor(LIMIT);
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor(LIMIT);
}

/** Where text is on screen, within the editor line containing lineText (the editor font is monospace). */
async function spot(page: Page, lineText: string, text: string): Promise<{ x: number; y: number }> {
  // A string hasText ignores case: match the exact text.
  const exact = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const span = page.locator('.view-line', { hasText: lineText }).locator('span > span', { hasText: exact }).first();
  await span.waitFor(LIMIT);
  const [content, box] = [await span.innerText(), await span.boundingBox()];
  assert.ok(box, `${text} is not on screen`);
  const at = content.replace(/\u00a0/g, ' ').indexOf(text);
  assert.ok(at >= 0, `${text} not found in "${content}"`);
  const width = box.width / content.length;
  return { x: box.x + (at + text.length / 2) * width, y: box.y + box.height / 2 };
}

async function hoverOver(page: Page, target: { x: number; y: number }): Promise<Locator> {
  // Monaco shows a hover after the pointer moves within a token, as a hand would.
  await page.mouse.move(target.x - 20, target.y);
  await page.mouse.move(target.x, target.y, { steps: 8 });
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'godebt' }).first();
  await hover.waitFor(LIMIT);
  return hover;
}

/**
 * Clicks at a spot and presses keys until what they open is shown, as a person would
 * press again: on a busy machine the first press can reach the editor before the click
 * gave it focus (seen once in the quick-fix step).
 */
async function pressUntilShown(page: Page, at: { x: number; y: number }, keys: string, shown: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press(keys);
    try {
      await shown.waitFor({ timeout: attempt < 3 ? 10000 : LIMIT.timeout });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}
