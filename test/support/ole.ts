// OLE containers as Office writes them, for what LibreOffice here cannot make from the command line: an
// Office file with a password (EncryptionInfo and EncryptedPackage streams), an Excel or WPS spreadsheet.
import CFB from 'cfb';

export function oleWith(...streams: string[]): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const name of streams) CFB.utils.cfb_add(container, `/${name}`, Buffer.from('stream'));
  return Uint8Array.from(CFB.write(container, { type: 'buffer' }) as Buffer);
}

/** A .docx saved with a password: Office wraps the encrypted package in an OLE container. */
export const passwordProtected = (): Uint8Array => oleWith('EncryptionInfo', 'EncryptedPackage');
