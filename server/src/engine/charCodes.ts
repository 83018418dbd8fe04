// Character codes for the passes that read Go source by charCodeAt (bodyBounds,
// countLinesOfCode, measureBody, the engine's selector names): comparing numbers
// costs less than reading one-character strings.
export const TAB = 0x09;
export const NEWLINE = 0x0a;
export const RETURN = 0x0d;
export const SPACE = 0x20;
export const QUOTE = 0x22;
export const AMPERSAND = 0x26;
export const APOSTROPHE = 0x27;
export const OPEN_PAREN = 0x28;
export const CLOSE_PAREN = 0x29;
export const STAR = 0x2a;
export const PLUS = 0x2b;
export const COMMA = 0x2c;
export const MINUS = 0x2d;
export const DOT = 0x2e;
export const SLASH = 0x2f;
export const COLON = 0x3a;
export const SEMICOLON = 0x3b;
export const EQUALS = 0x3d;
export const OPEN_BRACKET = 0x5b;
export const BACKSLASH = 0x5c;
export const CLOSE_BRACKET = 0x5d;
export const BACKQUOTE = 0x60;
export const OPEN_BRACE = 0x7b;
export const BAR = 0x7c;
export const CLOSE_BRACE = 0x7d;

/** Space, tab or carriage return: white space within a line. */
export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === RETURN;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A letter, digit or underscore of ASCII: what an ASCII identifier is made of. */
export function isAsciiWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDigit(c) || c === 0x5f;
}

/**
 * Where the scan of an interpreted string or rune literal whose body starts at from
 * stops, before stop: at its closing quote, at the newline that leaves it unclosed (Go
 * allows none in them), or at stop or past it (an escape read the last character).
 */
export function quotedEnd(source: string, from: number, stop: number, quote: number): number {
  let k = from;
  while (k < stop) {
    const c = source.charCodeAt(k);
    if (c === BACKSLASH) k += 2;
    else if (c === quote || c === NEWLINE) break;
    else k++;
  }
  return k;
}
