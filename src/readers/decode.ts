/**
 * Bytes of a text letter → string, with the encoding detected.
 * UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, otherwise GB18030 (a superset of GBK and GB2312)
 * when the bytes are not valid UTF-8. Node's TextDecoder does all of it.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * True when the bytes look like a binary file rather than text: NUL bytes outside UTF-16, or many control
 * characters after decoding.
 */
export function looksBinary(decoded: DecodedText): boolean {
  const sample = decoded.text.slice(0, 8192);
  if (sample.length === 0) return false;
  // NUL, the replacement character, and control characters other than \t \n \f \r.
  const control = sample.match(/[\0-\x08\x0B\x0E-\x1F\uFFFD]/gu)?.length ?? 0;
  return control / sample.length > 0.05;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
