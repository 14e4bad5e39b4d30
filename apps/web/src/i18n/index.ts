/** i18next set up synchronously with both languages bundled (they are small); choice persisted. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Messages } from './en';
import { fr } from './fr';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'nx-lang';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'fr') return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export function initI18n(): void {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
}

/**
 * True for French (`fr`, `fr-FR`…). The dashboard has two languages: every choice between them
 * (catalogs, Intl locale, whether the server's English is shown as sent) asks this.
 */
export function isFrench(language: string): boolean {
  return language.startsWith('fr');
}

/** The dashboard's own texts in `language`. */
export function messagesFor(language: string): Messages {
  return isFrench(language) ? fr : en;
}

export { i18n };
