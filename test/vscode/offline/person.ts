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
  const client = token(page, 'client := &http.Client{}', 'Client');
  const hover = await hoverOver(page, client);
  const hoverText = await hover.innerText();
  assert.match(hoverText, /Timeout/, `hover text: ${hoverText}`);
  assert.match(hoverText, /godebt/, `hover text: ${hoverText}`);
  assert.match(hoverText, /http-client-no-timeout/, `hover text: ${hoverText}`);
  await shot('02-hover');
  await page.keyboard.press('Escape');

  // The quick-fix menu after the quick-fix keybinding, then the fixed file.
  await client.click();
  await page.keyboard.press('Control+Period');
  const entry = page.locator('.action-widget .action-label, .context-view .action-label', { hasText: 'Timeout' }).first();
  await entry.waitFor(LIMIT);
  const menu = await page.locator('.action-widget, .context-view').first().innerText();
  assert.match(menu, /Suppress http-client-no-timeout on this line/, `menu: ${menu}`);
  assert.match(menu, /Show guidance for http-client-no-timeout/, `menu: ${menu}`);
  await shot('03-quick-fix-menu');
  await entry.click();
  await page.locator('.view-line', { hasText: 'Timeout: 10 * time.Second,' }).waitFor(LIMIT);
  await page.locator('.view-line', { hasText: '"time"' }).waitFor(LIMIT);
  await shot('04-after-fix');

  // The guidance page, reached by clicking the rule code in the hover.
  const todo = token(page, '// TODO: move the base URL', 'TODO');
  const todoHover = await hoverOver(page, todo);
  await todoHover.locator('a', { hasText: 'debt-marker' }).first().click();
  await page.locator('.tab', { hasText: 'debt-marker.md' }).first().waitFor(LIMIT);
  await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('h1', { hasText: 'debt-marker' }).waitFor(LIMIT);
  await shot('05-guidance');
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

/** The span showing text within the editor line that contains lineText. */
function token(page: Page, lineText: string, text: string): Locator {
  return page.locator('.view-line', { hasText: lineText }).locator('span > span', { hasText: text }).first();
}

async function hoverOver(page: Page, target: Locator): Promise<Locator> {
  await target.waitFor(LIMIT);
  const box = await target.boundingBox();
  assert.ok(box, 'the token is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'godebt' }).first();
  await hover.waitFor(LIMIT);
  return hover;
}
