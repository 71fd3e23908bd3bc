/** Reading one part of a Word file: saxes, which resolves no DTD and no external entity and does not recurse. */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export function attribute(tag: SaxesTagPlain, name: string): string | null {
  const value = tag.attributes[name];
  return value === undefined ? null : String(value);
}

export interface XmlHandlers {
  open: (tag: SaxesTagPlain) => void;
  close: (tag: SaxesTagPlain) => void;
  text?: (characters: string) => void;
}

/** Streams a part through saxes (no DTD, no external entities, no recursion) into the handlers. */
export function readXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', handlers.open);
  parser.on('closetag', handlers.close);
  if (handlers.text) parser.on('text', handlers.text);
  parser.write(xml).close();
}
