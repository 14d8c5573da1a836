import { DEMO_PASSWORD, ADMIN_PASSWORD } from './server.mjs';

/**
 * One signed-in person in their own browser context (own cookies), with every console error and
 * failed page script recorded: a page that logs an error fails its test.
 */
export class Session {
  constructor(context, page, base) {
    this.context = context;
    this.page = page;
    this.base = base;
    this.errors = [];
    /** Responses a test expects to fail (e.g. a 403 it provokes) are not errors. */
    this.allowed = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (this.allowed.some((pattern) => pattern.test(text))) return;
      this.errors.push(`${page.url()}: ${text}`);
    });
    page.on('pageerror', (error) => this.errors.push(`${page.url()}: ${error.message}`));
    /** The API's refusals, kept so a failed test's log says what the server answered. */
    this.refusals = [];
    page.on('response', (response) => {
      if (response.status() < 400 || !response.url().includes('/api/')) return;
      void response.text().then(
        (body) =>
          this.refusals.push(
            `${response.request().method()} ${response.url()} → ${response.status()} ${body.slice(0, 300)}`,
          ),
        () => this.refusals.push(`${response.request().method()} ${response.url()} → ${response.status()}`),
      );
    });
  }

  static async open(browser, base, { width = 1440, height = 900, locale = 'zh-CN' } = {}) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    await context.addInitScript((value) => {
      try {
        localStorage.setItem('tz.locale', value);
      } catch {
        /* storage off */
      }
    }, locale);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return new Session(context, page, base);
  }

  async goto(path) {
    await this.page.goto(`${this.base}${path}`);
  }

  async login(username) {
    const password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD;
    await this.goto('/login');
    await this.page.locator('#username').fill(username);
    await this.page.locator('#password').fill(password);
    await this.page.locator('button[type=submit]').click();
    await this.page.waitForURL(/\/r\/[^/]+/);
  }

  /** JSON from the API with this session's cookie, for test setup and checks. */
  async api(path) {
    const response = await this.context.request.get(`${this.base}${path}`);
    if (!response.ok()) throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  }

  regionId() {
    return /\/r\/([^/?#]+)/.exec(this.page.url())?.[1];
  }

  /**
   * What the person saw when a step failed, for the CI log where the screenshot cannot be opened: the
   * messages and form errors on screen and the API's refusals.
   */
  async whatWasShown() {
    const shown = await this.page
      .locator('.ant-message-notice, .ant-form-item-explain-error, .ant-alert-message, .ant-alert-title')
      .allInnerTexts()
      .catch(() => []);
    return [
      `page: ${this.page.url()}`,
      ...shown.map((text) => `shown: ${text}`),
      ...this.refusals.map((line) => `api: ${line}`),
    ].join('\n    ');
  }

  assertNoConsoleErrors() {
    if (this.errors.length) throw new Error(`console errors:\n  ${this.errors.join('\n  ')}`);
  }

  async close() {
    await this.context.close();
  }
}
