/**
 * The files in the inbox (回收/), as relative paths. Read-only: nothing is opened for writing, moved or
 * renamed. Links are not followed, so the inbox cannot point the tracker at files elsewhere. What lies past
 * a limit (too many files, folders too deep) is never dropped in silence: it is listed as left out, with why.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';

/** Files read at most: four a recipient (a unit may send a form, a letter and a corrected copy), and never fewer than this. */
const MIN_FILES_CAP = 10_000;
const FILES_PER_RECIPIENT = 4;
const MAX_DEPTH = 4;

/** Word lock files, thumbnails, system and hidden files: never a reply. */
export function isIgnored(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.') || /^(thumbs\.db|desktop\.ini|\.ds_store)$/iu.test(name);
}

export interface InboxListing {
  /** Paths relative to the workspace, with `/`. */
  files: string[];
  ignored: string[];
  /** Files not read because a limit was reached, and the limit. */
  leftOut: Array<{ file: string; reason: string }>;
}

export async function listInbox(workspace: string, inbox: string, recipients: number): Promise<InboxListing> {
  const listing: InboxListing = { files: [], ignored: [], leftOut: [] };
  await walk(workspace, inbox, 0, listing);
  listing.files.sort();
  listing.ignored.sort();
  const cap = Math.max(MIN_FILES_CAP, FILES_PER_RECIPIENT * recipients);
  for (const file of listing.files.splice(cap)) {
    listing.leftOut.push({ file, reason: `回收文件夹中的文件超过 ${cap} 个，此后的文件未读取` });
  }
  return listing;
}

async function walk(workspace: string, relative: string, depth: number, listing: InboxListing): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(workspace, relative), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = posix.join(relative, entry.name);
    if (isIgnored(entry.name)) {
      listing.ignored.push(path);
    } else if (entry.isDirectory() && depth >= MAX_DEPTH) {
      listing.leftOut.push({ file: `${path}/`, reason: `文件夹套了 ${MAX_DEPTH} 层以上，其中的文件未读取` });
    } else if (entry.isDirectory()) {
      await walk(workspace, path, depth + 1, listing);
    } else if (entry.isFile() && (await lstat(join(workspace, path))).isFile()) {
      listing.files.push(path);
    }
  }
}
