/**
 * The files in the inbox (回收/), as relative paths. Read-only: nothing is opened for writing, moved or
 * renamed. Links are not followed, so the inbox cannot point the tracker at files elsewhere.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';

const MAX_FILES = 10_000;
const MAX_DEPTH = 4;

/** Word lock files, thumbnails, system and hidden files: never a reply. */
export function isIgnored(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.') || /^(thumbs\.db|desktop\.ini|\.ds_store)$/iu.test(name);
}

export interface InboxListing {
  /** Paths relative to the workspace, with `/`. */
  files: string[];
  ignored: string[];
}

export async function listInbox(workspace: string, inbox: string): Promise<InboxListing> {
  const listing: InboxListing = { files: [], ignored: [] };
  await walk(workspace, inbox, 0, listing);
  listing.files.sort();
  listing.ignored.sort();
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
    if (listing.files.length + listing.ignored.length >= MAX_FILES) return;
    const path = posix.join(relative, entry.name);
    if (isIgnored(entry.name)) {
      listing.ignored.push(path);
    } else if (entry.isDirectory() && depth < MAX_DEPTH) {
      await walk(workspace, path, depth + 1, listing);
    } else if (entry.isFile() && (await lstat(join(workspace, path))).isFile()) {
      listing.files.push(path);
    }
  }
}
