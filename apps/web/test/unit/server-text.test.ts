// @vitest-environment jsdom
// The server's texts in the reader's language: a descriptor renders with the French catalog first,
// English for any key French lacks, the English text when there is no descriptor at all.
import { EN_MESSAGES, english, msg, type Msg } from '@numerusx/core';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n, initI18n } from '../../src/i18n';
import { FR_MESSAGES } from '../../src/i18n/fr-messages';
import { catalogsFor, msgField, serverText, useServerText } from '../../src/i18n/server-text';

const verbatim = (text: string): Msg => ({ key: 'signal.text', params: { text } });

beforeAll(() => {
  localStorage.setItem('nx-lang', 'en');
  initI18n();
});

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('serverText', () => {
  it('shows the English text when the server sent no descriptor', () => {
    for (const lang of ['en', 'fr']) {
      expect(serverText(lang, 'as written', undefined)).toBe('as written');
      expect(serverText(lang, 'as written', null)).toBe('as written');
      // Not a descriptor (a stored document of another shape): the text, not "undefined".
      expect(serverText(lang, 'as written', { params: {} } as unknown as Msg)).toBe('as written');
    }
  });

  it('renders English exactly as the server does', () => {
    const m = msg('runtime.log.exitHit', {
      pair: 'SOL/USDT',
      exit: msg('runtime.exit.stop-loss'),
      price: '3.1',
    });
    expect(serverText('en', 'ignored', m)).toBe(english(m));
    expect(serverText('en', 'ignored', m)).toBe('SOL/USDT: stop-loss hit at 3.1; position closed');
  });

  it('tries French first, then English', () => {
    expect(catalogsFor('fr')).toEqual([FR_MESSAGES, EN_MESSAGES]);
    expect(catalogsFor('fr-FR')[0]).toBe(FR_MESSAGES);
    expect(catalogsFor('en')).toEqual([EN_MESSAGES]);
  });

  it('never shows a bare key for a key English knows', () => {
    const m: Msg = { key: 'runtime.status.stopped' };
    expect(serverText('fr', 'stopped', m)).not.toBe('runtime.status.stopped');
  });

  it('shows an unknown key as itself and a missing parameter as its placeholder', () => {
    expect(serverText('fr', 'text', { key: 'no.such.key' })).toBe('no.such.key');
    expect(serverText('en', 'text', { key: 'signal.text' })).toBe('{{text}}');
  });

  it('renders nested messages and lists in the same language, with its list separator', () => {
    const labels = msg('runtime.feed.replayLabels', { labels: [verbatim('A'), verbatim('B')] });
    expect(serverText('en', '', labels)).toBe('A; B');
    // French puts a space before the semicolon.
    expect(serverText('fr', '', labels)).toBe('A ; B');
    const nested = msg('runtime.feed.replayLabels', { labels: verbatim('only one') });
    expect(serverText('fr', '', nested)).toBe('only one');
  });

  it('takes descriptors as they come off the wire (loosely typed parameters)', () => {
    const wire: { key: string; params?: unknown } = {
      key: 'signal.text',
      params: { text: 'x' },
    };
    expect(serverText('fr', '', wire)).toBe('x');
  });
});

describe('msgField', () => {
  it('reads a descriptor beside a text in stored JSON, or null', () => {
    const m = verbatim('t');
    expect(msgField({ message: 't', messageMsg: m }, 'messageMsg')).toEqual(m);
    expect(msgField({ message: 't' }, 'messageMsg')).toBeNull();
    expect(msgField({ messageMsg: 'a string' }, 'messageMsg')).toBeNull();
    expect(msgField({ messageMsg: [m] }, 'messageMsg')).toBeNull();
    expect(msgField(null, 'messageMsg')).toBeNull();
    expect(msgField('text', 'messageMsg')).toBeNull();
  });
});

describe('useServerText', () => {
  it('follows the language', async () => {
    const labels = msg('runtime.feed.replayLabels', { labels: [verbatim('A'), verbatim('B')] });
    const { result } = renderHook(() => useServerText());
    expect(result.current('', labels)).toBe('A; B');
    await act(() => i18n.changeLanguage('fr'));
    expect(result.current('', labels)).toBe('A ; B');
  });
});
