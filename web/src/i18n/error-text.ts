import { useCallback } from 'react';
import { ApiError } from '../api/errors';
import { useI18n } from './context';
import { errorsEn } from './errors.en';
import { errorsZh, type ErrorReason } from './errors.zh';
import type { Locale } from './format';
import { zh, type MessageKey } from './messages.zh';
import { translate } from './translate';

const REASON_TABLES: Readonly<Record<Locale, Readonly<Record<ErrorReason, string>>>> = {
  'zh-CN': errorsZh,
  'en-US': errorsEn,
};

function isReason(reason: string): reason is ErrorReason {
  return Object.prototype.hasOwnProperty.call(errorsZh, reason);
}

/** The message key for a coarse error code, for a reason this build of the app does not know yet. */
function codeKey(code: string): MessageKey | null {
  const key = `error.code.${code}`;
  return key in zh ? (key as MessageKey) : null;
}

/**
 * Words an error in the reader's language: from its `reason` and `params`, else from its `code`, else as a
 * plain "request failed". The server's own (Chinese) message is never shown.
 */
export function errorText(
  error: unknown,
  locale: Locale,
  t: (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string,
): string {
  if (error instanceof ApiError) {
    if (error.reason !== null && isReason(error.reason))
      return translate(REASON_TABLES[locale][error.reason], error.params);
    const key = codeKey(error.code);
    if (key) return t(key);
    return t('error.requestFailed', { status: error.status });
  }
  return t('error.unexpected');
}

/** `(error) => text` in the current locale, for alerts, messages and modals. */
export function useErrorText(): (error: unknown) => string {
  const { locale, t } = useI18n();
  return useCallback((error: unknown) => errorText(error, locale, t), [locale, t]);
}
