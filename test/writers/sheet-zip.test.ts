// The built program zips a workbook with sheet-zip in place of archiver (scripts/build.js): its 分发清单.xlsx holds
// the same parts, in the same order, as the one the library writes through archiver.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, expect, it } from 'vitest';
import type { Manifest } from '../../src/model/workspace.js';
import { distributionXlsx } from '../../src/writers/distribution.js';
import { SAMPLE, gongwen } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gongwen-sheet-zip-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The parts of a workbook as text, in zip order, its dates of making left out (exceljs writes the clock's). */
function parts(bytes: Uint8Array): Array<[string, string]> {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/gu, '$1')]);
}

it('writes 分发清单.xlsx in the built program with the same parts as the library', async () => {
  const workspace = join(scratch, 'ws');
  const run = gongwen(['packets', SAMPLE, '-o', workspace]);
  expect(run.status, run.stderr).toBe(0);
  const manifest = JSON.parse(readFileSync(join(workspace, 'gongwen.json'), 'utf8')) as Manifest;
  const built = parts(readFileSync(join(workspace, '分发清单.xlsx')));
  expect(built.map(([name]) => name)).toEqual([
    'xl/theme/theme1.xml',
    '_rels/.rels',
    'xl/worksheets/sheet1.xml',
    '[Content_Types].xml',
    'docProps/app.xml',
    'docProps/core.xml',
    'xl/sharedStrings.xml',
    'xl/styles.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/workbook.xml',
  ]);
  expect(built).toEqual(parts(await distributionXlsx(manifest.outline)));
});
