import { describe, expect, it } from 'vitest';
import { ApiError, networkError, toApiError } from '../api/errors';
import { errorText } from './error-text';
import { en } from './messages.en';
import { zh, type MessageKey, type Messages } from './messages.zh';
import { translate, type Vars } from './translate';

const tOf = (table: Messages) => (key: MessageKey, vars?: Vars) => translate(table[key], vars);
const inEnglish = (e: unknown) => errorText(e, 'en-US', tOf(en));
const inChinese = (e: unknown) => errorText(e, 'zh-CN', tOf(zh));

describe('error text', () => {
  const refusal = toApiError(429, {
    error: {
      code: 'too_many_attempts',
      reason: 'auth.too_many_attempts',
      message: '登录失败次数过多，请15分钟后再试',
      params: { minutes: 15 },
    },
  });

  it('words a refusal from its reason and parameters, in the reader’s language', () => {
    expect(inEnglish(refusal)).toBe('Too many failed sign-ins; try again in 15 minutes');
    expect(inChinese(refusal)).toBe('登录失败次数过多，请15分钟后再试');
  });

  it('falls back to the code, then to a plain failure, never to the server’s message', () => {
    const unknownReason = toApiError(403, {
      error: { code: 'forbidden', reason: 'access.something_new', message: '服务器的中文' },
    });
    expect(inEnglish(unknownReason)).toBe(en['error.code.forbidden']);
    const bare = toApiError(502, '<html>bad gateway</html>');
    expect(inEnglish(bare)).toBe('The request failed (HTTP 502)');
    expect(inEnglish(networkError(new TypeError('Failed to fetch')))).toBe(en['error.code.network']);
    expect(inEnglish(new Error('boom'))).toBe(en['error.unexpected']);
  });

  it('keeps reason and params on the error', () => {
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal.reason).toBe('auth.too_many_attempts');
    expect(refusal.params).toEqual({ minutes: 15 });
  });
});
