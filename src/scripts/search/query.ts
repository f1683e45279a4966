/**
 * Reading what the reader typed: quoted phrases, several words, pasted clauses.
 *
 * - `phrase` is the whole query as one normalised string with the quote marks left out: a page
 *   that contains it is an exact match (精确匹配). A clause pasted from a PDF with stray spaces
 *   or line breaks still matches, because whitespace between Chinese characters vanishes.
 * - `terms` are the words the reader separated with spaces, a quoted phrase counting as one
 *   word. A page containing every term, but not the whole phrase, ranks next.
 * - `quoted` lists the terms the reader put in quotes: they are required in every result.
 *   Quote marks count as such at the start of the query or after a space; inside a pasted
 *   clause they are text.
 */
import { normalizeForSearch } from './normalize.ts';

export interface ParsedQuery {
  /** The query as typed. */
  raw: string;
  /** The whole query, normalised, quote marks removed. Empty when there is nothing to search. */
  phrase: string;
  /** Distinct normalised terms, in the order typed. */
  terms: string[];
  /** The normalised terms that were quoted (a subset of `terms`). */
  quoted: string[];
}

/** Opening quote mark → the marks that may close it (people mix “ with " when pasting). */
const CLOSERS: ReadonlyMap<string, string> = new Map([
  ['"', '"”'],
  ['“', '”"'],
  ['”', '”"“'],
  ['＂', '＂"”'],
  ['「', '」'],
  ['『', '』'],
  ['﹁', '﹂'],
  ['﹃', '﹄'],
]);

interface RawPart {
  text: string;
  quoted: boolean;
}

function splitQuoted(raw: string): RawPart[] {
  const parts: RawPart[] = [];
  let plain = '';
  let index = 0;
  const chars = Array.from(raw);
  while (index < chars.length) {
    const char = chars[index] ?? '';
    const closers = CLOSERS.get(char);
    // A quote mark opens a phrase only at the start of the query or after a space: inside a
    // pasted clause (实现“一网通办”服务) it is part of the text.
    const opensPhrase = closers !== undefined && (index === 0 || /\s/u.test(chars[index - 1] ?? ''));
    if (closers === undefined || !opensPhrase) {
      plain += char;
      index += 1;
      continue;
    }
    let close = index + 1;
    while (close < chars.length && !closers.includes(chars[close] ?? '')) close += 1;
    if (plain) parts.push({ text: plain, quoted: false });
    plain = '';
    parts.push({ text: chars.slice(index + 1, close).join(''), quoted: true });
    index = close + 1; // an unclosed quote runs to the end of the query
  }
  if (plain) parts.push({ text: plain, quoted: false });
  return parts;
}

export function parseQuery(raw: string): ParsedQuery {
  const parts = splitQuoted(raw);
  const terms: string[] = [];
  const quoted: string[] = [];
  const addTerm = (term: string, isQuoted: boolean): void => {
    if (!term) return;
    if (!terms.includes(term)) terms.push(term);
    if (isQuoted && !quoted.includes(term)) quoted.push(term);
  };
  for (const part of parts) {
    if (part.quoted) {
      addTerm(normalizeForSearch(part.text), true);
    } else {
      for (const word of part.text.split(/[\s\u3000]+/u)) addTerm(normalizeForSearch(word), false);
    }
  }
  const phrase = normalizeForSearch(parts.map((part) => part.text).join(' '));
  return { raw, phrase, terms, quoted };
}

/** The query as Pagefind should receive it: words only, quote marks removed. */
export function pagefindQueryText(query: ParsedQuery): string {
  return query.terms.join(' ');
}
