import { join } from 'node:path';
import { migrateToLatest } from '../db/connection.js';
import { setPasswordFromConsole } from '../services/account-service.js';
import type { ServiceContext } from '../services/context.js';
import { AppError } from '../services/errors.js';
import type { CliCommand } from './command.js';
import { loadConfig } from './config.js';
import { openConfiguredStorage } from './storage.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** Asks on the terminal without echoing what is typed (raw mode: each key arrives as it is pressed). */
function ask(question: string): Promise<string> {
  process.stdout.write(question);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve) => {
    let answer = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stdout.write('\n');
          resolve(answer);
          return;
        }
        if (ch === '\u0003') process.exit(130); // Ctrl-C
        answer = ch === '\u007f' || ch === '\b' ? answer.slice(0, -1) : answer + ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** From a terminal: asked twice, unechoed. Piped: the first line of stdin. */
async function newPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) return (await readAll(process.stdin)).split(/\r?\n/)[0] ?? '';
  const first = await ask('新密码 new password: ');
  const second = await ask('再输入一次 again: ');
  return first === second ? first : null;
}

export const setPasswordCommand: CliCommand = {
  summary:
    'set-password USER  设置账号密码(含admin, 从标准输入读取) / set an account’s password (stdin or prompt)',
  async run([username]) {
    if (!username) {
      process.stderr.write(
        'usage: taizhang set-password USER   (the new password on stdin, or typed when asked)\n',
      );
      return 2;
    }
    const password = await newPassword();
    if (password === null) {
      process.stderr.write('两次输入不一致 the two entries differ; nothing changed\n');
      return 1;
    }
    const config = loadConfig();
    const storage = openConfiguredStorage(config);
    try {
      await migrateToLatest(storage.db);
      const ctx: ServiceContext = { storage, filesDir: join(config.dataDir, 'files'), now: () => new Date() };
      await setPasswordFromConsole(ctx, username, password);
      process.stdout.write(
        `已设置 ${username} 的密码，其登录会话已结束 password set; ${username}'s sessions ended\n`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      process.stderr.write(`${error.message}; nothing changed\n`);
      return 1;
    } finally {
      await storage.close();
    }
  },
};
