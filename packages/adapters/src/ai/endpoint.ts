import { ConfigurationError } from '@numerusx/core';

/**
 * An endpoint URL setting, checked at start-up: http or https, parseable. The value is not echoed
 * in the error, since a URL may carry credentials (user:password@host or a key in the query).
 */
export function checkBaseUrl(setting: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${setting} must be an absolute http(s) URL`, { setting });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`${setting} must use http or https`, { setting });
  }
  // Both SDKs append their own path segments; a trailing slash would double one.
  return value.replace(/\/+$/, '');
}
