import { openStorage } from '../db/connection.js';
import { build } from '../http/app.js';
import type { CliCommand } from './command.js';

export const openapiCommand: CliCommand = {
  summary: '输出 OpenAPI 文档 / print the OpenAPI document (used to generate the web client)',
  async run() {
    const storage = openStorage({ url: ':memory:' });
    const app = await build({
      ctx: { storage, filesDir: '/nonexistent', now: () => new Date() },
      webRoot: null,
    });
    await app.ready();
    process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
    await app.close();
    await storage.close();
    return 0;
  },
};
