import { functionError } from './function-error';

const currencyFormats = new Map<string, Intl.NumberFormat>();
const MAX_CACHED_FORMATS = 500;

/**
 * `$formatCurrency(amount, currency, locale?)`: the amount as money in a currency (ISO 4217 code)
 * for a locale (BCP 47, default `en-US`): `$formatCurrency(1234.5, 'EUR', 'de-DE')` gives
 * `1.234,50 €` (with a non-breaking space, as the locale writes it).
 */
export function formatCurrency(amount: unknown, currency: unknown, locale?: unknown): string | undefined {
  if (amount === undefined) return undefined;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) throw functionError('formatCurrency', 'the amount must be a number');
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency))
    throw functionError('formatCurrency', 'the currency must be a three-letter ISO 4217 code such as EUR');
  const lang = locale === undefined || locale === null || locale === '' ? 'en-US' : locale;
  if (typeof lang !== 'string' || lang.length > 64)
    throw functionError('formatCurrency', 'the locale must be a language tag such as de-DE');
  const key = `${lang}\u0000${currency.toUpperCase()}`;
  let format = currencyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(lang, { style: 'currency', currency: currency.toUpperCase() });
    } catch {
      throw functionError('formatCurrency', `unknown locale "${lang}"`);
    }
    if (currencyFormats.size >= MAX_CACHED_FORMATS) currencyFormats.clear();
    currencyFormats.set(key, format);
  }
  return format.format(amount);
}

/**
 * `$roundTo(number, digits?)`: rounds half away from zero to `digits` decimals (default 0; negative
 * rounds to tens, hundreds...), on the decimal value as written: `$roundTo(1.005, 2)` is 1.01 and
 * `$roundTo(2.5)` is 3. (JSONata's `$round` rounds half to even: `$round(2.5)` is 2.)
 */
export function roundTo(value: unknown, digits?: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw functionError('roundTo', 'expects a number');
  const d = digits === undefined || digits === null ? 0 : digits;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < -15 || d > 15)
    throw functionError('roundTo', 'the digits must be a whole number from -15 to 15');
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  const rounded = text.includes('e') ? Math.round(magnitude * 10 ** d) / 10 ** d : Number(`${Math.round(Number(`${text}e${d}`))}e${-d}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
