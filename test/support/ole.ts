// OLE containers as Office writes them, for what LibreOffice here cannot make from the command line: an
// Office file with a password (EncryptionInfo and EncryptedPackage streams), an Excel or WPS spreadsheet,
// a container with thousands of streams.
import CFB from 'cfb';

/**
 * A container holding the named streams. They are added to cfb's lists directly and laid out by one
 * `write`: `cfb_add` searches every name for each one it adds, minutes for thousands of streams.
 */
export function oleWith(...streams: string[]): Uint8Array {
  const container = CFB.utils.cfb_new();
  const [root, stream] = container.FileIndex as [CFB.CFB$Entry, CFB.CFB$Entry];
  container.FullPaths.length = 1;
  container.FileIndex.length = 1;
  for (const name of streams) {
    container.FullPaths.push(`${root.name}/${name}`);
    container.FileIndex.push({ ...stream, name, content: Buffer.from('stream'), size: 6 });
  }
  return Uint8Array.from(CFB.write(container, { type: 'buffer' }) as Buffer);
}

/** A .docx saved with a password: Office wraps the encrypted package in an OLE container. */
export const passwordProtected = (): Uint8Array => oleWith('EncryptionInfo', 'EncryptedPackage');
